"""``make build``: what nginx serves and how, made once, before anything runs.

1. The static files: Streamlit's frontend (from the installed package) and the app's static/,
   copied with a .gz and a .br beside every compressible file, plus the page itself
   (documents/index-*.html), into a folder named by their content (reused while neither changes;
   nothing is written into site-packages).
2. The Content-Security-Policy, with the sha256 of every inline script: the one in Streamlit's
   index.html and the citation's copy button (static/copy_citation.js, read as a file, the same file
   the app inlines). Written beside the files as csp.txt.
3. The configurations, rendered with Jinja2 from deploy/nginx/ and deploy/supervisord.conf.j2
   into the run folder: nginx.conf (the whole server, for make serve), site.conf (its http-level
   part, which a server's own nginx includes), supervisord.conf (the replicas and nginx, for
   make serve). Nothing is rendered when the processes start.

    .venv/bin/python deploy/build.py [--port 8080] [--replicas N | --replica-ports P,P,...]
        [--run-dir .serve/run] [--build-dir DIR] [--static-only] [--listen 127.0.0.1]

Exits non-zero with one line on stderr when something it needs is missing.
"""

from __future__ import annotations

import argparse
import base64
import glob
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent
NGINX = os.environ.get("RATIFY_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
COPY_SCRIPT = ROOT / "static" / "copy_citation.js"
COOKIE = "ratify_replica"
# app.py with each replica's script runs taken in turn (served_app.py); RATIFY_SERVE_SCRIPT=app.py
# serves app.py alone, as `make run` runs it, for comparison.
SCRIPT = os.environ.get("RATIFY_SERVE_SCRIPT", "served_app.py")
# Streamlit runs a full garbage collection after every script run (runner.postScriptGC): with
# plotly and pandas loaded that is about 0.1 s of held GIL per new reader, as long as the run
# itself (py-spy, deploy/README.md). Python's own generational collector still runs.
POST_SCRIPT_GC = os.environ.get("RATIFY_POST_SCRIPT_GC", "false")
# Files worth compressing ahead of time (woff2 and png are compressed already).
COMPRESSIBLE = {".js", ".css", ".html", ".json", ".svg", ".txt", ".map", ".csv"}
MIN_SIZE = 256
# Brotli's best: 10 % smaller than quality 9 for plotly.js (120 kB less on a chart page's first
# visit), at about 20 s of one core for that file (70 s on a loaded machine); paid once per
# build. RATIFY_BROTLI_QUALITY=9 builds in a few seconds.
BROTLI_QUALITY = int(os.environ.get("RATIFY_BROTLI_QUALITY", "11"))
# The dashboard's pages with a plotly chart (app.py's url paths); the others show tables.
CHART_PATHS = ["map", "timeline", "subregions"]
# Every page's url path but the default one (pages/components/navigation.py's PAGES): any other
# address of a page (a trailing slash, a deeper path) is sent to the page itself.
PAGE_PATHS = [
    "map", "timeline", "subregions", "profile", "family", "world", "reservations", "changes",
    "data",
]  # fmt: skip
# What a first visit loads only once the script has run (the sidebar's widgets, a chart's or a
# table's code), each another round trip on a slow line: named in the page itself
# (<link rel=modulepreload>), so the browser fetches them with the first bundle. Names without
# their content hash; any not found in the installed Streamlit is left out.
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
PRELOAD_TABLE_PAGES = [
    "DataFrame", "Quiver", "arrowFormatUtils", "recordbatch", "moment", "numbro", "formatMoment",
    "formatNumber", "dist", "unzip", "serialization", "sprintfjs", "CustomTheme",
    "pandasStylerUtils", "range", "toConsumableArray", "isEmpty", "isString", "loadVegaEmbed",
    "reactJsonViewCompat", "checkboxIndicatorStyles", "createDownloadLinkElement",
    "useDebouncedCallback", "_baseAssignValue", "_baseIndexOf", "_hasUnicode",
    "FileDownload.esm", "Delete.esm",
]  # fmt: skip
PRELOAD_FONTS = ["MaterialSymbols-Rounded", "SourceCodeVF-Upright.ttf"]
# Off by default: measured over an emulated 9 Mbit/s line it did not make first visits faster
# (the preloads take the browser's six connections from the page's own first bundle) and made
# repeat visits slower; RATIFY_PRELOAD=1 at build time turns it on, to measure again elsewhere.
PRELOAD = os.environ.get("RATIFY_PRELOAD", "0") == "1"
# What the page may load: only this origin. Inline scripts only by their hash; the frontend sets
# inline styles (emotion) and shows images as data: and blob: URLs. No 'unsafe-eval': every
# page, charts included, draws in Chromium without a CSP violation. 'self' covers the WebSocket
# in CSP Level 3. Framing: nginx's $frame_ancestors (the embed mode only).
CSP = [
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
    "frame-ancestors $frame_ancestors",
]


class BuildError(Exception):
    """Something the build needs is missing; the message says what."""


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} build: {message}", flush=True)


# -- static files ---------------------------------------------------------------------------------


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
    digest.update(f"preload={PRELOAD} brotli={BROTLI_QUALITY}".encode())
    return digest.hexdigest()[:16]


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def content_security_policy(index_html: Path, copy_script: Path = COPY_SCRIPT) -> str:
    """The CSP: the hash of each inline script of Streamlit's index.html and of the citation's
    copy button, read from the file the app inlines as it is."""
    scripts = re.findall(r"<script>(.*?)</script>", index_html.read_text(), re.S)
    scripts.append(copy_script.read_text(encoding="utf-8"))
    hashes = " ".join(sha256_source(script) for script in scripts)
    return "; ".join(CSP).format(script_hashes=hashes)


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


def _documents(staging: Path) -> None:
    """The page nginx serves for / and every page path, with its preloads if asked for."""
    streamlit_static = staging / "streamlit"
    index = (streamlit_static / "index.html").read_text()
    documents = staging / "documents"
    documents.mkdir()
    kinds = {"charts": PRELOAD_CHART_PAGES, "tables": PRELOAD_TABLE_PAGES}
    for kind, names in kinds.items():
        links = preload_links(streamlit_static, PRELOAD_EVERY_PAGE + names, PRELOAD_FONTS)
        page = index.replace("</head>", (links if PRELOAD else "") + "</head>", 1)
        (documents / f"index-{kind}.html").write_text(page)


def build_static(cache: Path) -> Path:
    """Streamlit's static/ and the app's, precompressed, the pages and the CSP, in a folder of
    ``cache`` named by their content; reused while none changes."""
    import streamlit

    streamlit_static = Path(streamlit.__file__).parent / "static"
    app_static = ROOT / "static"
    digest = _tree_digest(streamlit_static, app_static)
    target = cache / f"static-{streamlit.__version__}-{digest}"
    if (target / ".complete").exists():
        return target
    started = time.perf_counter()
    staging = cache / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(streamlit_static, staging / "streamlit")
    shutil.copytree(app_static, staging / "app")
    # Largest first, one at a time, so that no core is left with the longest file at the end.
    files = sorted(
        (
            str(p)
            for p in staging.rglob("*")
            if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= MIN_SIZE
        ),
        key=lambda path: -Path(path).stat().st_size,
    )
    with ProcessPoolExecutor() as pool:
        list(pool.map(_compress, files))
    _documents(staging)
    csp = content_security_policy(
        staging / "streamlit" / "index.html", staging / "app" / COPY_SCRIPT.name
    )
    (staging / "csp.txt").write_text(csp + "\n")
    (staging / ".complete").write_text("")
    for path in [staging, *staging.rglob("*")]:  # readable by nginx's unprivileged workers
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    log(f"precompressed {len(files)} files in {time.perf_counter() - started:.1f} s -> {target}")
    return target


def default_build_dir() -> Path:
    """Where the built files (and, as root, nginx's temporary files) live.

    Started as root, nginx's workers run as nobody and must reach every folder above what they
    read: inside the project only if each of its parent folders lets others through (a checkout
    under a private folder, such as a CI run's, does not), else under the system's temporary
    folder, one per checkout.
    """
    inside = ROOT / ".serve" / "build"
    if os.geteuid() != 0 or all(p.stat().st_mode & 0o001 for p in [ROOT, *ROOT.parents]):
        return inside
    digest = hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "ratify-americas-serve" / digest


def _reachable(folder: Path) -> None:
    """``folder`` made, and it and its parents up to /tmp (or the project) passable by others."""
    folder.mkdir(parents=True, exist_ok=True)
    stop = {Path(tempfile.gettempdir()), ROOT, Path("/")}
    for path in [folder, *folder.parents]:
        if path in stop:
            break
        path.chmod(0o755)


# -- configurations -------------------------------------------------------------------------------


def brotli_available() -> bool:
    return all((MODULES / name).exists() for name in BROTLI_MODULES)


def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def site_values(static: Path, port: int, replicas: list[tuple[str, int]], listen: str) -> dict:
    """What the templates are filled with; ``replicas``: (host, port) each, every port apart
    (nginx tells which replica answered by its port)."""
    return {
        "listen": f"{listen}:{port}",
        "static": str(static),
        "csp": (static / "csp.txt").read_text().strip(),
        "cookie": COOKIE,
        "replicas": [
            {"name": f"r{n}", "host": host, "port": p} for n, (host, p) in enumerate(replicas)
        ],
        "brotli": brotli_available(),
        "chart_paths": "|".join(CHART_PATHS),
        "edition": str(edition_current()),
        "feed": str(feed_dir()),
        "page_paths": "|".join(PAGE_PATHS),
    }


def feed_dir() -> Path:
    """Where a refresh writes the Atom feeds, as loaders.paths.feed_dir places them
    (RATIFY_FEED_DIR, else static/feed/ for the project's data, else feed/ beside the data):
    nginx serves them from there, so a refresh's feeds are served without a restart."""
    if os.environ.get("RATIFY_FEED_DIR"):
        return Path(os.environ["RATIFY_FEED_DIR"])
    data = Path(os.environ.get("RATIFY_DATA_DIR") or ROOT / "data").resolve()
    if data == (ROOT / "data").resolve():
        return ROOT / "static" / "feed"
    return data.parent / "feed"


def edition_current() -> Path:
    """The reader's edition nginx serves at /read/: the ``current`` link of the edition folder,
    as loaders.paths.edition_dir places it (RATIFY_EDITION_DIR, else edition/ in the data)."""
    if os.environ.get("RATIFY_EDITION_DIR"):
        return Path(os.environ["RATIFY_EDITION_DIR"]) / "current"
    data = Path(os.environ.get("RATIFY_DATA_DIR") or ROOT / "data")
    return data / "edition" / "current"


def render(
    run: Path,
    static: Path,
    temp: Path,
    port: int,
    replicas: list[tuple[str, int]],
    listen: str,
    container: bool = False,
) -> None:
    """nginx.conf, site.conf and supervisord.conf in ``run``. ``container``: nginx as the
    image's unprivileged user, its logs on standard output and error, its pid and temporary
    files in /tmp; not checked with nginx -t (the replicas' host names resolve only at run)."""
    env = _environment()
    values = site_values(static, port, replicas, listen)
    values |= {
        "run": str(run),
        "temp": str(temp),
        "container": container,
        "as_root": os.geteuid() == 0 and not container,
        "modules": [str(MODULES / m) for m in BROTLI_MODULES],
        "nginx": NGINX,
        "python": sys.executable,
        "root": str(ROOT),
        "script": SCRIPT,
        "post_script_gc": POST_SCRIPT_GC,
    }
    (run / "logs").mkdir(parents=True, exist_ok=True)
    (run / "site.conf").write_text(env.get_template("nginx/site.conf.j2").render(values))
    (run / "nginx.conf").write_text(env.get_template("nginx/nginx.conf.j2").render(values))
    if container:
        return
    (run / "supervisord.conf").write_text(env.get_template("supervisord.conf.j2").render(values))
    test = subprocess.run([NGINX, "-t", "-q", "-p", str(run), "-c", str(run / "nginx.conf")],
                          capture_output=True, text=True)  # fmt: skip
    if test.returncode != 0:
        raise BuildError(f"nginx refused {run / 'nginx.conf'}: {test.stderr.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("SERVE_PORT") or 8080))
    parser.add_argument("--replicas", type=int, default=None, help="default: one per core")
    parser.add_argument("--replica-ports", default="",
                        help="comma-separated; default: the ports after --port")  # fmt: skip
    parser.add_argument("--replica-hosts", default="127.0.0.1",
                        help="comma-separated, one per replica or one for all")  # fmt: skip
    parser.add_argument("--listen", default="127.0.0.1", help="nginx's address")
    parser.add_argument("--container", action="store_true",
                        help="for the web image: logs on stdout/stderr, state in /tmp")  # fmt: skip
    parser.add_argument("--run-dir", type=Path, default=ROOT / ".serve" / "run")
    parser.add_argument("--build-dir", type=Path, default=None)
    parser.add_argument("--static-only", action="store_true", help="only the files and the CSP")
    args = parser.parse_args()
    if args.replica_ports:
        ports = [int(p) for p in args.replica_ports.split(",")]
    else:
        count = args.replicas or int(os.environ.get("REPLICAS") or os.cpu_count() or 1)
        if count < 1:
            parser.error("--replicas must be at least 1")
        ports = [args.port + 1 + n for n in range(count)]
    hosts = args.replica_hosts.split(",")
    if len(hosts) == 1:
        hosts *= len(ports)
    if len(hosts) != len(ports) or len(set(ports)) != len(ports):
        parser.error("one host per replica, and every replica on a port of its own")
    build = (args.build_dir or default_build_dir()).resolve()
    try:
        if not (args.static_only or args.container) and not Path(NGINX).exists():
            raise BuildError(
                f"{NGINX} not found: apt-get install nginx libnginx-mod-http-brotli-static "
                "libnginx-mod-http-brotli-filter"
            )
        _reachable(build)
        static = build_static(build)
        print(static)
        if args.static_only:
            return
        if args.container:
            temp = Path("/tmp")
        else:
            temp = build / "nginx-temp" / str(args.port)
            _reachable(temp)
        run = args.run_dir.resolve()
        replicas = list(zip(hosts, ports, strict=True))
        render(run, static, temp, args.port, replicas, args.listen, args.container)
        log(f"{run}/nginx.conf and supervisord.conf: nginx on {args.listen}:{args.port}, "
            f"replicas on {', '.join(map(str, ports))}")  # fmt: skip
    except (BuildError, ImportError, OSError) as error:
        print(f"build: {error}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
