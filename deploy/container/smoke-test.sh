#!/usr/bin/env bash
# make image-test: the images made by build-image.sh, checked without running a container (no
# cgroups here): the replica image is mounted (podman image mount) and its own entrypoint, user,
# working folder and environment are started under chroot, on 127.0.0.1 and a free port; then
# /_stcore/health must answer and a page must run to its end over Streamlit's protocol, with the
# snapshot the image carries. The web image's nginx configurations must pass nginx -t in its own
# root, as its user, and its static files must be there precompressed.
set -euo pipefail
cd "$(dirname "$0")/../.."
IMAGE="${IMAGE:-localhost/ratify-americas}"
PY="${PY:-.venv/bin/python}"
stamp() { printf '%s image-test: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
started=$(date +%s)
inspect() { podman image inspect --format "$2" "$1"; }

replica="$IMAGE-replica:latest"
root="$(podman image mount "$replica")"
mounts=()
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[i]}" || umount -l "${mounts[i]}" || true; done
  podman image unmount "$replica" >/dev/null || true
  [ -n "${web_root:-}" ] && podman image unmount "$IMAGE-web:latest" >/dev/null || true
}
trap cleanup EXIT
# What a container runtime would give it: /proc, /dev and a private /tmp.
prepare() {
  mount -t proc proc "$1/proc" && mounts+=("$1/proc")
  mount --bind /dev "$1/dev" && mounts+=("$1/dev")
  mount -t tmpfs -o size=256m tmpfs "$1/tmp" && mounts+=("$1/tmp")
}
prepare "$root"

port="$("$PY" -c 'from tests.browser.harness import free_port; print(free_port())')"
user="$(inspect "$replica" '{{.Config.User}}')"
workdir="$(inspect "$replica" '{{.Config.WorkingDir}}')"
mapfile -t environment < <(inspect "$replica" '{{range .Config.Env}}{{println .}}{{end}}' | grep .)
mapfile -t entrypoint < <(inspect "$replica" '{{range .Config.Entrypoint}}{{println .}}{{end}}' | grep .)
stamp "starting ${entrypoint[*]} as $user in $workdir, on 127.0.0.1:$port"
log="$(mktemp)"
chroot --userspec="$user:$user" "$root" /usr/bin/env -i "${environment[@]}" \
  STREAMLIT_SERVER_PORT="$port" /bin/sh -c 'cd "$0" && exec "$@"' "$workdir" \
  "${entrypoint[@]}" --server.address 127.0.0.1 >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if "$PY" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/_stcore/health', timeout=2)" 2>/dev/null; then
    break
  fi
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "image-test: the entrypoint exited" >&2; exit 1; }
  sleep 1
done
stamp "health: $(curl -s "http://127.0.0.1:$port/_stcore/health")"
current="$(cat "$root/app/data/snapshots/CURRENT")"
"$PY" - "$port" "$current" <<'PYTHON'
import sys

from tests.deploy.serve_harness import page_over_websocket

port, current = sys.argv[1], sys.argv[2].strip()
url = f"http://127.0.0.1:{port}"
page = page_over_websocket(url, "instrument=TIP&lang=en", timeout=120)
assert current.encode() in page, "the page does not name the image's snapshot"
assert b"Palermo" in page or b"Trafficking" in page, "the page has no treaty text"
print(f"page: {len(page)} bytes over the WebSocket, naming snapshot {current}")
PYTHON
grep -q Traceback "$log" && { cat "$log"; exit 1; }

web="$IMAGE-web:latest"
web_root="$(podman image mount "$web")"
web_user="$(inspect "$web" '{{.Config.User}}')"
# The pod's configuration in full; the fleet's names replica-1..3, which resolve only in compose.
prepare "$web_root"
# Its standard output (the access log) a file it may open, as a runtime's would be.
web_log="$(mktemp)"
chown "$web_user" "$web_log"
chroot --userspec="$web_user:$web_user" "$web_root" /usr/sbin/nginx -e stderr -t -q \
  -c /etc/ratify/pod/nginx.conf >"$web_log" 2>&1 || { cat "$web_log"; exit 1; }
test -s "$web_root/etc/ratify/fleet/site.conf"
stamp "web: nginx -t of /etc/ratify/pod/nginx.conf passed as user $web_user"
compressed=$(find "$web_root/build" -name '*.br' | wc -l)
[ "$compressed" -gt 100 ] || { echo "image-test: only $compressed .br files in /build" >&2; exit 1; }
stamp "web: $compressed brotli files precompressed in /build"
stamp "passed in $(( $(date +%s) - started )) s"
