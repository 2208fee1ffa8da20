"""deploy/build.py's CSP and rendering, without starting anything."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "deploy" / "build.py"


def load_build():
    spec = importlib.util.spec_from_file_location("deploy_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_csp_allows_the_apps_copy_script_by_the_hash_the_app_computes(tmp_path: Path) -> None:
    from pages.components.cite import COPY_SCRIPT_SHA256

    index = tmp_path / "index.html"
    index.write_text("<html><head><script>window.x = 1;</script></head></html>")
    csp = load_build().content_security_policy(index)
    script_src = re.search(r"script-src ([^;]+)", csp).group(1).split()
    inline = base64.b64encode(hashlib.sha256(b"window.x = 1;").digest()).decode()
    assert script_src == ["'self'", f"'sha256-{inline}'", f"'sha256-{COPY_SCRIPT_SHA256}'"]
    assert "unsafe-inline" not in " ".join(script_src) and "unsafe-eval" not in csp


def test_build_does_not_import_the_app() -> None:
    text = BUILD.read_text()
    assert not re.search(r"^\s*(from|import) (pages|loaders|views|app)\b", text, re.M)
    assert "sys.path" not in text


def test_the_site_names_each_replica_once(tmp_path: Path) -> None:
    build = load_build()
    static = tmp_path / "static"
    static.mkdir()
    (static / "csp.txt").write_text("default-src 'self'\n")
    replicas = [("10.0.0.5", 8501), ("10.0.0.6", 8502), ("10.0.0.7", 8503)]
    values = build.site_values(static, 8080, replicas, "0.0.0.0")
    site = build._environment().get_template("nginx/site.conf.j2").render(values)
    assert "listen 0.0.0.0:8080 reuseport" in site
    for n, (host, port) in enumerate(replicas):
        assert f"upstream replica_r{n} {{\n    server {host}:{port} max_fails=1" in site
        assert f'"~:{port}$" r{n};' in site
        assert f"    r{n} replica_r{n};" in site
    assert "{{" not in site and "{%" not in site


@pytest.mark.parametrize(
    "arguments",
    [
        ["--replica-ports", "8501,8501"],
        ["--replica-ports", "8501,8502", "--replica-hosts", "a,b,c"],
    ],
)
def test_replicas_sharing_a_port_are_refused_in_one_line(arguments: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD), *arguments], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "one host per replica, and every replica on a port of its own" in result.stderr
    assert "Traceback" not in result.stderr
