#!/usr/bin/env bash
# HTTP serving speed of `tributary serve`, with python3 -m http.server beside it on the same file.
#
# Builds the release binary when it is missing, writes a sample Atom feed of about 100 KB into
# .build/bench-data/serve/, starts `tributary serve --port 0` on 127.0.0.1 (the port it prints),
# and loads it with wrk (Debian package `wrk`, installed with apt-get when missing and running as
# root): `wrk -t2 -c32 -d30s` against the feed, plain, then with `Accept-Encoding: gzip`, then
# plain with the access log on (written to /dev/null). Peers on the same file: nginx (Debian
# package `nginx-light`, installed when missing and running as root; 2 workers, sendfile, access
# log off, `gzip on` at its default level 1, which compresses on every request since it keeps no
# compressed copy), plain and gzip; python3's http.server (one thread, no gzip, no conditional
# answers), plain, for scale. Prints, per run:
# requests/s, transfer/s, mean and p99 latency, and errors (socket errors plus non-2xx answers).
# Requests go to loopback only and stop by themselves after the duration.
#
# Usage: scripts/bench/serve.sh [--quick] [--bin PATH]
#   --quick     5 s per run instead of 30 s
#   --bin PATH  the tributary binary (default .build/release/tributary, built when missing)
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ " $* " != *" --bin"* && ! -x $ROOT_DIR/.build/release/tributary ]]; then
    echo "serve.sh: building the release binary" >&2
    (cd "$ROOT_DIR" && swift build -c release --product tributary >&2)
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DURATION=30s; ((QUICK)) && DURATION=5s
command -v wrk >/dev/null || apt_install wrk || { echo "serve.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
snapshot_binary

SITE=$DATA/serve
mkdir -p "$SITE"
python3 - "$SITE/all.atom" <<'PY'
import sys
entries = []
n = 0
body = ""
while len(body) < 100_000:
    n += 1
    entries.append(
        f"<entry><id>urn:tributary:story:{n:05d}</id><title>Story {n}: ministers meet in Havana</title>"
        f"<updated>2026-11-{1 + n % 28:02d}T10:00:00Z</updated><link href=\"https://example.com/news/{n}\"/>"
        f"<summary>Talks on trade, energy and migration continued for a {['second', 'third', 'fourth'][n % 3]} day; "
        f"delegations from {n % 17 + 3} countries attended.</summary></entry>")
    body = "".join(entries)
open(sys.argv[1], "w").write('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    '<title>All stories</title><id>urn:tributary:all</id><updated>2026-11-29T10:00:00Z</updated>' + body + '</feed>\n')
PY
BYTES=$(stat -c %s "$SITE/all.atom")
log "== feed: $SITE/all.atom, $BYTES bytes; wrk -t2 -c32 -d$DURATION"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_tributary [ARGS...]: starts the server on a free port; sets URL and SERVER_PID.
start_tributary() {
    local out=$DATA/serve-stdout.txt
    "$RUN_BIN" serve --port 0 --root "$SITE" "$@" >"$out" 2>"$DATA/serve-stderr.txt" &
    SERVER_PID=$!; PIDS+=("$SERVER_PID")
    for _ in $(seq 100); do
        URL=$(sed -n 's|^Serving .* at \(http://[0-9.:]*/\)$|\1|p' "$out" | head -1)
        [[ -n $URL ]] && return 0
        sleep 0.1
    done
    echo "serve.sh: tributary serve did not start: $(cat "$DATA/serve-stderr.txt")" >&2; exit 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# load LABEL URL [wrk args...]: one wrk run; prints a table row and appends a JSON line.
printf '%-28s %12s %12s %10s %10s %8s\n' run requests/s transfer/s mean p99 errors
load() {
    local label=$1 url=$2; shift 2
    local out=$DATA/wrk-$label.txt
    wrk -t2 -c32 -d"$DURATION" --latency "$@" "$url" >"$out" 2>&1
    local rps transfer mean p99 socket non2xx
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    transfer=$(awk '/^Transfer\/sec:/ { print $2 }' "$out")
    mean=$(awk '$1 == "Latency" { print $2; exit }' "$out")
    p99=$(awk '$1 == "99%" { print $2 }' "$out")
    socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out")
    non2xx=$(awk '/Non-2xx/ { print $NF }' "$out")
    local errors=$((${socket:-0} + ${non2xx:-0}))
    printf '%-28s %12s %12s %10s %10s %8s\n' "$label" "$rps" "$transfer" "$mean" "$p99" "$errors"
    printf '{"kind":"run","label":"%s","rps":%s,"transfer":"%s","mean":"%s","p99":"%s","errors":%s}\n' \
        "$label" "$rps" "$transfer" "$mean" "$p99" "$errors" >>"$RESULTS"
}

start_tributary --no-access-log
curl_check=$(python3 -c 'import sys,urllib.request; print(len(urllib.request.urlopen(sys.argv[1]).read()))' "${URL}all.atom")
[[ $curl_check == "$BYTES" ]] || { echo "serve.sh: served $curl_check bytes, expected $BYTES" >&2; exit 1; }
load tributary-plain "${URL}all.atom"
load tributary-gzip "${URL}all.atom" -H 'Accept-Encoding: gzip'
stop "$SERVER_PID"

start_tributary
load tributary-plain-accesslog "${URL}all.atom"
stop "$SERVER_PID"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 50); do python3 -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1])' "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }

if command -v nginx >/dev/null || apt_install nginx-light; then
    NGINX=$(realpath "$DATA")/nginx
    mkdir -p "$NGINX"
    PORT=$(free_port)
    cat >"$NGINX/nginx.conf" <<CONF
user root;
worker_processes 2;
pid $NGINX/nginx.pid;
error_log $NGINX/error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    gzip on;
    gzip_types application/atom+xml;
    server { listen 127.0.0.1:$PORT; root $(realpath "$SITE"); }
}
CONF
    nginx -p "$NGINX" -c "$NGINX/nginx.conf" -g 'daemon off;' &
    NGINX_PID=$!; PIDS+=("$NGINX_PID")
    if wait_for "http://127.0.0.1:$PORT/all.atom"; then
        load nginx-plain "http://127.0.0.1:$PORT/all.atom"
        load nginx-gzip "http://127.0.0.1:$PORT/all.atom" -H 'Accept-Encoding: gzip'
    else
        log "nginx did not start: $(tail -1 "$NGINX/error.log")"
    fi
    stop "$NGINX_PID"
else
    note "nginx could not be installed here; skipped"
fi

PORT=$(free_port)
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$SITE" >/dev/null 2>&1 &
PY_PID=$!; PIDS+=("$PY_PID")
wait_for "http://127.0.0.1:$PORT/all.atom" || log "python3 -m http.server did not start"
load python-http.server "http://127.0.0.1:$PORT/all.atom"
stop "$PY_PID"

log "binary: $RUN_BIN (built $BIN_BUILT, $BIN_GIT); load average at start: $LOAD_START; now: $(cut -d' ' -f1-3 /proc/loadavg)"
