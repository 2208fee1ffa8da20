"""Running ``make serve`` for the tests and the benchmark (deploy/build.py renders, supervisord
runs the replicas and nginx), and talking to it without a browser."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.support.browser_harness import free_port

ROOT = Path(__file__).resolve().parents[2]
NGINX_MODULES = Path("/usr/lib/nginx/modules")
BROTLI = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
INSTALL = "apt-get install nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter"
STARTUP_SECONDS = 120


def missing_nginx() -> str | None:
    """Why make serve cannot run here, or None when it can."""
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        return f"serve tests need nginx: {INSTALL}"
    if not all((NGINX_MODULES / name).exists() for name in BROTLI):
        return f"serve tests need nginx's brotli modules: {INSTALL}"
    try:
        import brotli  # noqa: F401
        import jinja2  # noqa: F401
        import supervisor  # noqa: F401
    except ImportError as error:
        return f"serve tests need the {error.name} package: pip install -r requirements.txt"
    return None


@dataclass
class Served:
    process: subprocess.Popen
    url: str
    run: Path
    log: Path
    ports: dict[str, int]

    def replicas(self) -> dict[str, tuple[int, int]]:
        """name -> (port, pid; 0 while it is not running), as supervisord tells."""
        status = subprocess.run(
            [sys.executable, "-m", "supervisor.supervisorctl", "-c", str(self.conf), "status"],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        pids = {}
        for line in status.stdout.splitlines():
            match = re.match(r"replicas:(\w+)\s+\w+\s+(?:pid (\d+))?", line)
            if match:
                pids[match.group(1)] = int(match.group(2) or 0)
        return {name: (port, pids.get(name, 0)) for name, port in self.ports.items()}

    @property
    def conf(self) -> Path:
        return self.run / "supervisord.conf"

    def nginx_pid(self) -> int:
        return int((self.run / "nginx.pid").read_text())


def start_serve(folder: Path, replicas: int = 2, env: dict[str, str] | None = None) -> Served:
    """What `make serve` runs: deploy/build.py, then supervisord in the foreground (here in the
    background of the caller), on free ports."""
    port = free_port()
    ports = {f"r{n}": free_port() for n in range(replicas)}
    run = folder / "run"
    log = folder / "serve.log"
    environment = {**os.environ, **(env or {})}
    build = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "build.py"), "--port", str(port),
         "--replica-ports", ",".join(map(str, ports.values())), "--run-dir", str(run)],
        cwd=ROOT, env=environment, capture_output=True, text=True,
    )  # fmt: skip
    if build.returncode != 0:
        raise RuntimeError(f"make build failed: {build.stdout}{build.stderr}")
    handle = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "supervisor.supervisord", "-n", "-c", str(run / "supervisord.conf")],
        cwd=ROOT,
        stdout=handle,
        stderr=subprocess.STDOUT,
        env=environment,
    )
    served = Served(process, f"http://127.0.0.1:{port}", run, log, ports)
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"supervisord exited with {process.returncode}: {log.read_text()}")
        if get(served.url + "/_stcore/health").status == 200 and all(
            get(f"http://127.0.0.1:{p}/_stcore/health").status == 200 for p in ports.values()
        ):
            return served
        time.sleep(0.2)
    stop_serve(served)
    raise RuntimeError(f"serve did not answer within {STARTUP_SECONDS} s: {log.read_text()}")


def stop_serve(served: Served, timeout: float = 30) -> int:
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGTERM)
        try:
            served.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            served.process.kill()
            served.process.wait()
    return served.process.returncode


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    """One request, no redirects followed, no exception for an HTTP error status."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return Answer(answer.status, dict(answer.headers.items()), answer.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers.items()), error.read())
    except OSError:
        return Answer(0, {}, b"")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead too (its parent has not reaped it yet).
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def wait_for(check, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what}: not within {seconds} s")


def page_over_websocket(url: str, query: str, cookie: str = "", timeout: float = 30) -> bytes:
    """A reader's first run of the page over Streamlit's protocol: every ForwardMsg's bytes,
    up to script_finished."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async def run() -> bytes:
        headers = {"Origin": url, **({"Cookie": cookie} if cookie else {})}
        seen = []
        async with (
            asyncio.timeout(timeout),
            websockets.connect(
                url.replace("http://", "ws://") + "/_stcore/stream",
                subprotocols=["streamlit"],
                additional_headers=headers,
                max_size=None,
            ) as socket,
        ):
            message = BackMsg()
            message.rerun_script.query_string = query
            message.rerun_script.page_script_hash = ""
            await socket.send(message.SerializeToString())
            while True:
                raw = await socket.recv()
                seen.append(raw)
                forward = ForwardMsg.FromString(raw)
                if forward.WhichOneof("type") == "script_finished":
                    assert forward.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                    return b"".join(seen)

    # In a thread of its own: the session's Playwright (sync API) keeps an event loop running in
    # this one, where asyncio.run() is refused.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run()).result()
