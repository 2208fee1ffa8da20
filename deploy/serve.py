"""``make serve``: the dashboard for many readers on one machine, in the foreground.

N Streamlit replicas (default: one per core) on 127.0.0.1 ports behind nginx on
http://127.0.0.1:8080. nginx serves Streamlit's frontend files itself, precompressed (gzip and
brotli) into a build folder at start, and proxies the rest to the reader's replica, chosen by a
cookie. This process supervises: a replica that dies is started again on its port; Ctrl-C or
SIGTERM stops everything it started. See deploy/README.md.

    .venv/bin/python deploy/serve.py [--replicas N] [--port 8080] [--run-dir DIR]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import ctypes
import glob
import gzip
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
NGINX = os.environ.get("RATIFY_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
COOKIE = "ratify_replica"
# app.py with each replica's script runs taken in turn (served_app.py); RATIFY_SERVE_SCRIPT=app.py
# serves it as `make run` does, for comparison.
SCRIPT = os.environ.get("RATIFY_SERVE_SCRIPT", "served_app.py")
# Files worth compressing ahead of time (woff2 and png are compressed already).
COMPRESSIBLE = {".js", ".css", ".html", ".json", ".svg", ".txt", ".map", ".csv"}
MIN_SIZE = 256
BROTLI_QUALITY = 9  # 11 saves another 10 % of plotly.js but takes 10 s for it alone
STARTUP_SECONDS = 90
# What a first visit loads only once the script has run (the sidebar's widgets, a chart's or a
# table's code), each another round trip on a slow line: named in the page itself
# (<link rel=modulepreload>), so the browser fetches them with the first bundle. Names without
# their content hash; found in the installed Streamlit at start, and any not found is left out.
PRELOAD_EVERY_PAGE = [
    "Html", "purify.es", "Selectbox", "useMenuTrigger", "Autocomplete", "useLoadMoreSentinel",
    "useCollator", "Input", "useSyncComboBoxEnterTargetFocus", "sortBy", "_baseMap",
    "useFormValidation", "useFormReset", "useTextField", "useField", "useFilter",
    "ErrorOutline.esm", "Cancel.esm", "WidgetLabel", "styled-components", "WidgetLabelHelpIcon",
    "useBasicWidgetState", "requiredField", "ButtonGroup", "WidgetLabelHelpIconInline",
    "DateInput", "DateField", "ReorderedSegments", "Button", "Multiselect", "rehype-raw",
    "hastscript", "web-namespaces", "withFullScreenWrapper", "printWidthCap",
    "resolveDefaultExport",
]  # fmt: skip
PRELOAD_CHART_PAGES = ["PlotlyChart"]
# Off by default: measured over the emulated 9 Mbit/s line it did not make first visits faster
# (the preloads take the browser's six connections from the page's own first bundle) and made
# repeat visits slower; RATIFY_PRELOAD=1 turns it on, to measure again on another line.
PRELOAD = os.environ.get("RATIFY_PRELOAD", "0") == "1"
PRELOAD_TABLE_PAGES = [
    "DataFrame", "Quiver", "arrowFormatUtils", "recordbatch", "moment", "numbro", "formatMoment",
    "formatNumber", "dist", "unzip", "serialization", "sprintfjs", "CustomTheme",
    "pandasStylerUtils", "range", "toConsumableArray", "isEmpty", "isString", "loadVegaEmbed",
    "reactJsonViewCompat", "checkboxIndicatorStyles", "createDownloadLinkElement",
    "useDebouncedCallback", "_baseAssignValue", "_baseIndexOf", "_hasUnicode",
    "FileDownload.esm", "Delete.esm",
]  # fmt: skip
PRELOAD_FONTS = ["MaterialSymbols-Rounded", "SourceCodeVF-Upright.ttf"]
# The dashboard's pages with a plotly chart (app.py's url paths); the others show tables.
CHART_PATHS = ["map", "timeline", "subregions"]
# Streamlit runs a full garbage collection after every script run (runner.postScriptGC): with
# plotly and pandas loaded that is about 0.1 s of held GIL per new reader, as long as the run
# itself (py-spy, deploy/README.md). Python's own generational collector still runs.
REPLICA_OPTIONS = ["--runner.postScriptGC", os.environ.get("RATIFY_POST_SCRIPT_GC", "false")]
# What the page may load: only this origin. Streamlit's index.html has one small inline script,
# allowed by its hash (computed at start from the installed file); the frontend sets inline styles
# (emotion) and shows images as data: and blob: URLs. No 'unsafe-eval': every page, charts
# included, draws in Chromium without a CSP violation (only plotly's maplibre maps, which the
# dashboard does not use, would eval). 'self' covers the WebSocket (ws: on the same host and
# port) in CSP Level 3.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' {script_hashes}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        # Framing refused, except for the embed mode (?embed=true): nginx's $frame_ancestors.
        "frame-ancestors $frame_ancestors",
    ]
)


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} serve: {message}", flush=True)


# -- the build folder: Streamlit's static files and ours, precompressed ---------------------------


def _compress(path: str) -> None:
    import brotli

    data = Path(path).read_bytes()
    Path(path + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    Path(path + ".br").write_bytes(brotli.compress(data, quality=BROTLI_QUALITY))


def _tree_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def build_static(cache: Path) -> Path:
    """Copy Streamlit's static/ and the app's static/ into a folder named by their content, with a
    .gz and a .br beside every compressible file; reused while neither changes. Never writes into
    site-packages."""
    import streamlit

    streamlit_static = Path(streamlit.__file__).parent / "static"
    app_static = ROOT / "static"
    target = cache / f"static-{streamlit.__version__}-{_tree_digest(streamlit_static, app_static)}"
    if (target / ".complete").exists():
        return target
    started = time.perf_counter()
    staging = cache / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(streamlit_static, staging / "streamlit")
    shutil.copytree(app_static, staging / "app")
    files = [
        str(p)
        for p in staging.rglob("*")
        if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= MIN_SIZE
    ]
    with ProcessPoolExecutor() as pool:
        list(pool.map(_compress, files, chunksize=8))
    (staging / ".complete").write_text("")
    for path in [staging, *staging.rglob("*")]:  # readable by nginx's unprivileged workers
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    log(f"precompressed {len(files)} files in {time.perf_counter() - started:.1f} s -> {target}")
    return target


# -- nginx's configuration -------------------------------------------------------------------------


def content_security_policy(index_html: Path) -> str:
    """The CSP, with the hash of each inline script of Streamlit's index.html and of the app's own
    one inline script, the citation's copy button (pages/components/cite.py)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # serve.py runs as a script, from deploy/
    from pages.components.cite import COPY_SCRIPT_SHA256

    scripts = re.findall(r"<script>(.*?)</script>", index_html.read_text(), re.S)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    hashes += f" 'sha256-{COPY_SCRIPT_SHA256}'"
    return CSP.format(script_hashes=hashes).replace("  ", " ")


def preload_links(static: Path, names: list[str], fonts: list[str] = ()) -> str:
    """<link> tags for Streamlit's chunks ``names`` (and fonts), as found in ``static``."""
    index = (static / "index.html").read_text()
    links = []
    for name in names:
        for path in sorted((static / "static" / "js").glob(f"{glob.escape(name)}.*.js")):
            if path.name.count(".") - name.count(".") == 2 and path.name not in index:
                links.append(
                    f'<link rel="modulepreload" crossorigin href="./static/js/{path.name}">'
                )
        for path in sorted((static / "static" / "css").glob(f"{glob.escape(name)}.*.css")):
            links.append(f'<link rel="stylesheet" crossorigin href="./static/css/{path.name}">')
    for name in fonts:
        for path in sorted((static / "static" / "media").glob(f"{glob.escape(name)}.*.woff2")):
            links.append(
                f'<link rel="preload" as="font" type="font/woff2" crossorigin '
                f'href="./static/media/{path.name}">'
            )
    return "".join(links)


def brotli_available() -> bool:
    return all((MODULES / name).exists() for name in BROTLI_MODULES)


def render_config(run: Path, work: Path, build: Path, port: int, ports: list[int]) -> Path:
    """nginx.conf and its includes in ``run``; the pages it serves and its buffers in ``work``
    (where its workers can reach them)."""
    brotli = brotli_available()
    names = [f"r{n}" for n in range(len(ports))]
    server = "server 127.0.0.1:{port} max_fails=1 fail_timeout=3s"
    upstreams = ["    upstream replicas {"]
    upstreams += [f"        {server.format(port=p)};" for p in ports]
    upstreams += ["        keepalive 16;", "    }"]
    for name, own in zip(names, ports, strict=True):
        upstreams.append(f"    upstream replica_{name} {{")
        upstreams.append(f"        {server.format(port=own)};")
        upstreams += [f"        server 127.0.0.1:{p} backup;" for p in ports if p != own]
        upstreams += ["        keepalive 8;", "    }"]
    values = {
        "load_modules": "\n".join(f"load_module {MODULES / m};" for m in BROTLI_MODULES)
        if brotli
        else "# brotli modules not installed: gzip only",
        "workers": "1",
        "user": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "run": str(run),
        "work": str(work),
        "build": str(build),
        "port": str(port),
        "cookie": COOKIE,
        "upstreams": "\n".join(upstreams),
        "cookie_map": "\n".join(f"        {n} replica_{n};" for n in names),
        "addr_map": "\n".join(
            f'        "~127\\.0\\.0\\.1:{p}$" {n};' for n, p in zip(names, ports, strict=True)
        ),
        "brotli": "brotli on;\n    brotli_types text/css application/javascript application/json "
        "image/svg+xml text/plain text/csv application/manifest+json;"
        if brotli
        else "",
        "brotli_static": "brotli_static on;" if brotli else "",
        "chart_paths": "|".join(CHART_PATHS),
        "preload_charts": preload_links(
            build / "streamlit", PRELOAD_EVERY_PAGE + PRELOAD_CHART_PAGES, PRELOAD_FONTS
        ),
        "preload_tables": preload_links(
            build / "streamlit", PRELOAD_EVERY_PAGE + PRELOAD_TABLE_PAGES, PRELOAD_FONTS
        ),
    }
    text = TEMPLATE.read_text()
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    left = re.findall(r"\{\{\w+\}\}", text)
    assert not left, f"placeholders of the nginx template left unfilled: {left}"
    security = [
        "add_header Content-Security-Policy "
        f'"{content_security_policy(build / "streamlit" / "index.html")}" always;',
        # DENY, and no header at all in the embed mode (an empty value is not sent).
        "add_header X-Frame-Options $x_frame_options always;",
        "add_header X-Content-Type-Options nosniff always;",
        "add_header Referrer-Policy no-referrer always;",
        "add_header Cross-Origin-Opener-Policy same-origin always;",
    ]
    (run / "security.conf").write_text("\n".join(security) + "\n")
    proxied = [
        f"include {run}/security.conf;",
        "add_header X-Replica $served_by always;",
        "add_header Set-Cookie $replica_cookie always;",
    ]
    (run / "proxied.conf").write_text("\n".join(proxied) + "\n")
    document = [
        f"include {run}/security.conf;",
        "add_header X-Replica $assigned always;",
        "add_header Set-Cookie $assigned_cookie always;",
        'add_header Cache-Control "no-cache" always;',
    ]
    (run / "document.conf").write_text("\n".join(document) + "\n")
    documents = work / "documents"
    documents.mkdir(exist_ok=True)
    index = (build / "streamlit" / "index.html").read_text()
    for kind in ("charts", "tables"):
        links = values[f"preload_{kind}"] if PRELOAD else ""
        page = index.replace("</head>", links + "</head>", 1)
        (documents / f"index-{kind}.html").write_text(page)
    for path in [documents, *documents.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    conf = run / "nginx.conf"
    conf.write_text(text)
    return conf


# -- processes -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: be sent SIGTERM if serve.py dies without cleaning up (Linux), and lead a
    process group of its own, so Ctrl-C reaches serve.py, which stops it in order."""
    os.setsid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Replica:
    def __init__(self, name: str, port: int, logs: Path) -> None:
        self.name, self.port, self.logs = name, port, logs
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self.next_start = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            sys.executable, "-m", "streamlit", "run", SCRIPT,
            "--server.headless", "true",
            "--server.address", "127.0.0.1",
            "--server.port", str(self.port),
            "--browser.gatherUsageStats", "false",
            *REPLICA_OPTIONS,
        ]  # fmt: skip
        handle = (self.logs / f"{self.name}.log").open("a")
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent,
        )  # fmt: skip
        handle.close()

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False


def stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Stop(Exception):
    pass


def _raise_stop(signum: int, _frame: object) -> None:
    raise Stop(signal.Signals(signum).name)


def wait_until(check, what: str, processes: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: a process exited with {process.returncode}")
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what}: not ready within {STARTUP_SECONDS} s")


def serve(replicas: int, port: int, run: Path, cache: Path) -> int:
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    nginx: subprocess.Popen | None = None
    fleet: list[Replica] = []
    work = run
    try:
        if not Path(NGINX).exists():
            log(f"{NGINX} not found: apt-get install nginx libnginx-mod-http-brotli-static "
                "libnginx-mod-http-brotli-filter")  # fmt: skip
            return 2
        shutil.rmtree(run, ignore_errors=True)
        (run / "logs").mkdir(parents=True)
        if os.geteuid() == 0:
            # Started as root, nginx's workers run as nobody: what they read and write lives
            # in the cache folder (see default_cache_dir), not in a run folder they may not reach.
            work = cache / "nginx" / str(port)
        shutil.rmtree(work, ignore_errors=True)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (work / "tmp" / sub).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            for folder in [cache / "nginx", work, *work.rglob("*")]:
                folder.chmod(0o755)
            for folder in (work / "tmp").rglob("*"):
                shutil.chown(folder, "nobody", "nogroup")
        build = build_static(cache)
        fleet = [Replica(f"r{n}", free_port(), run / "logs") for n in range(replicas)]
        for replica in fleet:
            replica.start()
        conf = render_config(run, work, build, port, [r.port for r in fleet])
        test = subprocess.run([NGINX, "-t", "-q", "-p", str(run), "-c", str(conf)],
                              capture_output=True, text=True)  # fmt: skip
        if test.returncode != 0:
            log(f"nginx refused {conf}: {test.stderr.strip()}")
            return 2
        for replica in fleet:
            wait_until(replica.healthy, f"replica {replica.name}", [replica.process])
        nginx = subprocess.Popen(
            [NGINX, "-p", str(run), "-c", str(conf)],
            stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent,
        )  # fmt: skip
        wait_until(lambda: _answers(port), "nginx", [nginx])
        log(f"serving on http://127.0.0.1:{port} with {replicas} replicas "
            f"({', '.join(f'{r.name}:{r.port}' for r in fleet)}); run folder {run}")  # fmt: skip
        (run / "replicas").write_text(
            "".join(f"{r.name} {r.port} {r.process.pid}\n" for r in fleet)
        )
        while True:
            if nginx.poll() is not None:
                log(f"nginx exited with {nginx.returncode}; stopping")
                return 1
            for replica in fleet:
                if replica.process.poll() is None or time.monotonic() < replica.next_start:
                    continue
                if replica.next_start == 0.0:
                    code = replica.process.returncode
                    delay = min(0.5 * 2**replica.restarts, 10.0)
                    log(f"replica {replica.name} exited with {code}; restart in {delay:.1f} s")
                    replica.next_start = time.monotonic() + delay
                    continue
                replica.restarts += 1
                replica.next_start = 0.0
                replica.start()
                log(f"replica {replica.name} restarted on port {replica.port}")
                (run / "replicas").write_text(
                    "".join(f"{r.name} {r.port} {r.process.pid}\n" for r in fleet)
                )
            time.sleep(0.2)
    except Stop as why:
        log(f"{why}: stopping")
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stop(nginx, signal.SIGQUIT)  # graceful: finishes the answers under way
        for replica in fleet:
            stop(replica.process)
        if work != run:
            shutil.rmtree(work, ignore_errors=True)
        log("stopped")


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as a:
            return a.status == 200
    except OSError:
        return False


def default_cache_dir() -> Path:
    """Where the compressed static files (and, as root, nginx's working files) live.

    Started as root, nginx's workers run as nobody and must reach every folder above what they
    read: inside the project only if each of its parent folders lets others through (a checkout
    under a private folder, such as a CI run's, does not), else under the system's temporary
    folder, one per checkout.
    """
    inside = ROOT / ".serve" / "cache"
    if os.geteuid() != 0 or all(p.stat().st_mode & 0o001 for p in [ROOT, *ROOT.parents]):
        return inside
    digest = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    outside = Path(tempfile.gettempdir()) / "ratify-americas-serve" / digest
    outside.mkdir(parents=True, exist_ok=True)
    for folder in (outside.parent, outside):
        folder.chmod(0o755)
    return outside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int,
                        default=int(os.environ.get("REPLICAS") or os.cpu_count() or 1))  # fmt: skip
    parser.add_argument("--port", type=int, default=int(os.environ.get("SERVE_PORT") or 8080))
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".serve" / "run")
    parser.add_argument("--cache-dir", type=Path, default=default_cache_dir())
    args = parser.parse_args()
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    sys.exit(serve(args.replicas, args.port, args.run_dir.resolve(), args.cache_dir.resolve()))


if __name__ == "__main__":
    main()
