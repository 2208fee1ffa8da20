"""A server's nginx: the site make build renders (site.conf) goes into Debian's own nginx.conf
(/etc/nginx/conf.d/) beside what Debian sets there, and nginx -t accepts the whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.deploy.serve_harness import missing_nginx

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_CONF = Path("/etc/nginx/nginx.conf")
REASON = missing_nginx() or (None if DEBIAN_CONF.exists() else "no /etc/nginx/nginx.conf")
if REASON and os.environ.get("CI") != "true":
    pytest.skip(REASON, allow_module_level=True)


def test_the_site_fits_in_debians_nginx_conf(tmp_path: Path) -> None:
    if REASON:
        pytest.fail(f"CI=true and {REASON}")
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "build.py"), "--listen", "127.0.0.1",
         "--port", "18080", "--replica-ports", "18501,18502", "--run-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    # Debian's nginx.conf as installed, with our site where /etc/nginx/conf.d/ would hold it
    # and Debian's default site left out (it listens on port 80, as the server's would).
    debian = DEBIAN_CONF.read_text()
    assert "include /etc/nginx/conf.d/*.conf;" in debian
    conf = debian.replace("include /etc/nginx/conf.d/*.conf;", f"include {site}/site.conf;")
    conf = conf.replace("include /etc/nginx/sites-enabled/*;", "")
    (tmp_path / "nginx.conf").write_text(conf)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    test = subprocess.run(
        [nginx, "-t", "-q", "-c", str(tmp_path / "nginx.conf")],  # Debian's prefix: its modules
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert test.returncode == 0, test.stderr
