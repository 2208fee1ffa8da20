#!/usr/bin/env bash
# make image: the container images, built here with no image registry.
#   1. a Debian bookworm base (Python, nginx and its brotli modules) made from Debian's packages
#      by mmdebstrap and imported into podman (skipped when it exists: BASE_REBUILD=1 redoes it);
#   2. `podman build --isolation chroot` of deploy/container/Containerfile: the replica image
#      (one streamlit run) and the web image (nginx with the precompressed static files).
# Needs root, podman and mmdebstrap (apt-get install podman mmdebstrap). Slow: deploy/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE="${BASE:-localhost/ratify-base:bookworm}"
IMAGE="${IMAGE:-localhost/ratify-americas}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
PACKAGES=python3,python3-venv,ca-certificates,nginx,libnginx-mod-http-brotli-static,libnginx-mod-http-brotli-filter
stamp() { printf '%s image: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

for tool in podman mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "image: $tool not found: apt-get install podman mmdebstrap" >&2; exit 2; }
done
started=$(date +%s)
if [ "${BASE_REBUILD:-0}" = 1 ] || ! podman image exists "$BASE"; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  stamp "base: mmdebstrap bookworm ($PACKAGES)"
  mmdebstrap --quiet --variant=minbase --include="$PACKAGES" bookworm "$work/base.tar" \
    "deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" \
    "deb ${MIRROR%/debian}/debian-security bookworm-security main"
  stamp "base: podman import -> $BASE"
  podman import --change 'CMD ["/bin/bash"]' "$work/base.tar" "$BASE" >/dev/null
fi
# pip inside the build trusts what this machine trusts (e.g. a TLS-inspecting proxy's CA): the
# bundle is mounted for the RUN steps only.
CA="${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"
mounts=()
[ -s "$CA" ] && mounts=(--volume "$CA:/run/build-ca.crt:ro")
for target in replica web; do
  stamp "build: $IMAGE-$target:latest"
  # docker format: OCI images have no HEALTHCHECK.
  podman build --isolation chroot --format docker "${mounts[@]}" --build-arg BASE="$BASE" --target "$target" \
    -f deploy/container/Containerfile -t "$IMAGE-$target:latest" .
done
stamp "done in $(( $(date +%s) - started )) s"
