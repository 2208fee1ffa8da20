"""The Kubernetes manifests pass kubernetes-validate (the API's schemas, offline, strict: no
unknown field), and the manifests, the compose file and the Containerfile agree with each other
on what the serving needs: probes, read-only data, cookie affinity, ports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = ROOT / "deploy" / "kubernetes"
CONTAINERFILE = ROOT / "deploy" / "container" / "Containerfile"
KUBERNETES_VERSION = "1.30.0"  # the oldest still maintained upstream when written


def documents(name: str) -> list[dict]:
    return [d for d in yaml.safe_load_all((KUBERNETES / name).read_text()) if d]


def kinds() -> dict[str, dict]:
    found = {}
    for path in sorted(KUBERNETES.glob("*.yaml")):
        if path.name != "kustomization.yaml":
            found |= {d["kind"]: d for d in documents(path.name)}
    return found


@pytest.mark.parametrize(
    "name", sorted(p.name for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml")
)
def test_every_manifest_passes_kubernetes_validate(name: str) -> None:
    import kubernetes_validate

    for document in documents(name):
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_the_validator_sees_a_mistake() -> None:
    import kubernetes_validate

    service = kinds()["Service"]
    service["spec"]["ports"][0]["prot"] = 80
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(service, KUBERNETES_VERSION, strict=True)


def test_the_kustomization_lists_every_manifest() -> None:
    listed = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(
        p.name for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml"
    )


def test_replicas_are_probed_and_read_the_shared_data_read_only() -> None:
    found = kinds()
    pod = found["Deployment"]["spec"]["template"]["spec"]
    replica = next(c for c in pod["containers"] if c["name"] == "replica")
    for probe in ("readinessProbe", "livenessProbe"):
        assert replica[probe]["httpGet"]["path"] == "/_stcore/health"
    assert {"name": "RATIFY_DATA_DIR", "value": "/data"} in replica["env"]
    assert {"name": "data", "mountPath": "/data", "readOnly": True} in replica["volumeMounts"]
    claim = next(v for v in pod["volumes"] if v["name"] == "data")["persistentVolumeClaim"]
    assert claim["readOnly"] is True
    # the CronJob writes the same volume
    job = found["CronJob"]["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    assert job["volumes"][0]["persistentVolumeClaim"]["claimName"] == claim["claimName"]
    assert found["CronJob"]["spec"]["concurrencyPolicy"] == "Forbid"


def test_the_ingress_keeps_a_reader_on_one_pod_by_cookie() -> None:
    notes = kinds()["Ingress"]["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600  # WebSockets


def test_the_compose_fleet_matches_the_web_image() -> None:
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    replicas = {n: s for n, s in services.items() if n.startswith("replica-")}
    ports = {n: s["environment"]["STREAMLIT_SERVER_PORT"] for n, s in replicas.items()}
    assert len(set(ports.values())) == len(ports), "each replica on a port of its own"
    text = CONTAINERFILE.read_text()
    hosts = re.search(r"ARG FLEET_HOSTS=(\S+)", text).group(1).split(",")
    fleet_ports = re.search(r"ARG FLEET_PORTS=(\S+)", text).group(1).split(",")
    assert dict(zip(hosts, fleet_ports, strict=True)) == ports
    assert all("data:/data:ro" in s["volumes"] for s in replicas.values())
    assert services["web"]["command"] == ["-c", "/etc/ratify/fleet/nginx.conf"]


def test_the_image_runs_one_streamlit_as_a_user_with_a_health_check() -> None:
    text = CONTAINERFILE.read_text()
    replica = text.split("AS replica", 1)[1].split("\nFROM ", 1)[0]
    assert re.search(r"^USER 10001$", replica, re.M)
    assert "/_stcore/health" in replica.split("HEALTHCHECK", 1)[1]
    assert '"streamlit", "run", "served_app.py"' in replica
    assert "deploy/build.py --static-only" in text.split("AS replica", 1)[0]


def test_nothing_in_deploy_supervises_processes_by_hand() -> None:
    """Processes are started, watched and stopped by supervisord, systemd, compose or
    Kubernetes; deploy/'s own code only builds and renders (and runs nginx -t)."""
    by_hand = re.compile(r"Popen|os\.fork|os\.kill|killpg|prctl|signal\.signal|setsid")
    for path in (ROOT / "deploy").rglob("*.py"):
        assert not by_hand.search(path.read_text()), path
