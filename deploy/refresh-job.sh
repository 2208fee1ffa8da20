#!/usr/bin/env bash
# The scheduled refresh (deploy/systemd/ratify-refresh.timer, or deploy/crontab): `python -m loaders
# refresh` with every line of its output stamped with the time, and its exit status passed on
# (non-zero when UNTC could not be read or validated; the data is then unchanged: a refresh
# builds the new snapshot beside the current one and swaps the CURRENT pointer only at the end;
# 3 when the new snapshot is published but its data package or feeds could not be written).
#
#   deploy/refresh-job.sh [extra refresh options, e.g. --base-url URL]
#
# RATIFY_DATA_DIR: the data folder (default: the project's data/); RATIFY_PYTHON: the Python
# that has the project installed (default: the project's .venv). Logs to standard output
# (journald under systemd); RATIFY_REFRESH_LOG appends to that file too.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${RATIFY_PYTHON:-$ROOT/.venv/bin/python}"

stamp() {
  while IFS= read -r line; do
    printf '%s refresh: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$line"
  done
}
say() { printf '%s\n' "$*" | stamp; }

run() {
  say "start: data ${RATIFY_DATA_DIR:-$ROOT/data}, options: ${*:-none}"
  cd "$ROOT" || return 70
  "$PYTHON" -m loaders refresh "$@" 2>&1 | stamp
  local status=${PIPESTATUS[0]}
  local current
  current="$(cat "${RATIFY_DATA_DIR:-$ROOT/data}/snapshots/CURRENT" 2>/dev/null || echo unknown)"
  if [ "$status" -eq 0 ]; then
    say "done: CURRENT is $current"
  elif [ "$status" -eq 3 ]; then
    say "PARTLY PUBLISHED (exit status 3): CURRENT is $current; the data package or feeds named above were NOT written"
  else
    say "FAILED with exit status $status; no new snapshot published, CURRENT is $current"
  fi
  return "$status"
}

if [ -n "${RATIFY_REFRESH_LOG:-}" ]; then
  run "$@" | tee -a "$RATIFY_REFRESH_LOG"
  exit "${PIPESTATUS[0]}"
fi
run "$@"
