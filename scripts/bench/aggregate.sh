#!/usr/bin/env bash
# Aggregation speed and memory, side by side with lemon24/reader, on the same local "internet".
#
# Sources (scripts/bench/make_sources.py, deterministic, into .build/bench-aggregate/site/, with
# the configuration, the stores and the logs beside it; .build/bench-aggregate-quick/ for --quick):
#   1,000 RSS 2.0 feeds of 20 entries each (3-5 paragraphs of news text with real place and
#   organisation names; about 10% wire copies carried by 2-5 feeds, 5% rewrites of one event) and
#   200 HTML article pages (header, nav, article, aside, footer, JSON-LD; a fifth of them the full
#   text of a feed entry). --quick: 200 feeds and 40 pages.
# Server (scripts/bench/aggregate_server.py, standard library, asyncio): every response waits
#   20 ms (LATENCY) and carries a strong ETag and a Last-Modified, conditional requests get 304,
#   gzip when accepted, HTTP/1.1 keep-alive. Feed n is served as http://127.0.0.(2 + n/4):PORT/...,
#   page p as http://127.0.0.(2 + p):PORT/... (all of 127.0.0.0/8 is loopback on Linux), so the
#   sources look like 250 sites and per-host politeness limits apply as they would.
# Measured:
#   tributary  `tributary aggregate --config .build/bench-aggregate/tributary.yaml --quiet` on a fresh
#              store (cold: every source fetched, parsed or extracted, analysed, clustered, stored,
#              feeds written), then the same with --force (warm: every source fetched again and
#              answers 304). The configuration lists the 1,000 feeds (kind: feed) and the 200 pages
#              (kind: page) with fetch { perHostDelay: 0s, perHostConcurrency: 2, robots: false }
#              and the default global concurrency (128 requests in flight; robots off: the generated
#              site has no robots.txt and the peer does not read it), retention { days: 3650, maxPerSource: 1000 }, publish { window: 3650d }.
#              One process per run, timed from outside (wall clock), under /usr/bin/time -v for
#              user+sys CPU time and peak resident set size.
#   reader     lemon24/reader (PyPI `reader`), in-process (scripts/bench/aggregate_peer.py):
#              make_reader(db), add_feed() for the same 1,000 feed URLs, then timed
#              update_feeds_iter(scheduled=False, workers=16) cold and again warm (every feed 304);
#              peak RSS is the process's ru_maxrss (interpreter, both updates). It reads feeds only:
#              the 200 pages are tributary's alone.
# Also (tributary alone): one new source added to the full store the checking pair left, fetched
# with --source: the daemon's usual run, which loads and saves the clustering index.
# Checked, so that a fast run is not a broken one: an untimed, non-quiet tributary pair first,
# whose summary must say "Sources: 1200 ok, 0 not modified, 0 failed" and "Articles: 20200 new"
# (cold; every entry and page stored: copies are stored too, and also counted as "copies merged")
# and "Sources: 0 ok, 1200 not modified, 0 failed" (warm); for every timed run of both tools, the
# server's own counts: 1,200 (or 1,000) answers of 200 cold and of 304 warm, nothing else.
# The issue's goals: cold at least 5x faster than reader, warm at least 3x, tributary's peak
# memory under 100 MB. Prints a table (tool, cold s, warm s, CPU s, peak MB) and the ratios
# reader/tributary. One run of each by default (RUNS=3 for the best of 3; peak: the largest).
#
# Usage: scripts/bench/aggregate.sh [--quick] [--bin PATH]
#   --quick     200 feeds and 40 pages instead of 1,000 and 200
#   --bin PATH  the tributary binary (default .build/release/tributary)
# Environment: RUNS (default 1), LATENCY (seconds, default 0.020), READER_SPEC (default reader==3.26,
#   the newest that supports Python 3.11; it also needs sgmllib3k, which its vendored feedparser
#   imports and which it does not declare).
# Needs python3 (with venv) and network access to PyPI for the throwaway venv in .build/bench-venv;
# installs time with apt-get when missing and running as root. Takes a few minutes.
set -euo pipefail
RUNS=${RUNS:-1}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

WORK=.build/bench-aggregate
LATENCY=${LATENCY:-0.020}
READER_SPEC=${READER_SPEC:-reader==3.26}
SGMLLIB_SPEC=${SGMLLIB_SPEC:-sgmllib3k==1.0.0}
NFEEDS=1000 NPAGES=200
if ((QUICK)); then NFEEDS=200 NPAGES=40 WORK=$WORK-quick; fi
mkdir -p "$WORK"
snapshot_binary

# --- the Python peer, in a throwaway venv ------------------------------------------------------
python_venv
HAVE_READER=0
pip_peer reader "$READER_SPEC" && pip_peer sgmllib3k "$SGMLLIB_SPEC" && HAVE_READER=1

# --- the sources and the server ------------------------------------------------------------------
log "generating $NFEEDS feeds and $NPAGES pages in $WORK/site (only when missing or changed)"
python3 "$HERE/make_sources.py" site "$WORK" --feeds "$NFEEDS" --pages "$NPAGES"
read -r NENTRIES NSOURCES < <(python3 -c 'import json,sys; m = json.load(open(sys.argv[1]))
print(m["entries"], len(m["feeds"]) + len(m["pages"]))' "$WORK/manifest.json")

SERVER_PID=""
stop_server() {  # the script's exit status stays its own, not the server's 143
    if [[ -n $SERVER_PID ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM
rm -f "$WORK/port"
python3 "$HERE/aggregate_server.py" "$WORK/site" --latency "$LATENCY" --port-file "$WORK/port" 2>"$WORK/server.log" &
SERVER_PID=$!
for ((i = 0; i < 600; i++)); do  # it reads and gzips every file first: seconds on a busy machine
    [[ -s $WORK/port ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "aggregate.sh: the server died: $(cat "$WORK/server.log")" >&2; exit 1; }
    sleep 0.2
done
[[ -s $WORK/port ]] || { echo "aggregate.sh: the server did not start in 120 s" >&2; exit 1; }
PORT=$(cat "$WORK/port")
log "$(cat "$WORK/server.log")"
python3 "$HERE/make_sources.py" config "$WORK" --port "$PORT"
CONFIG=$WORK/tributary.yaml

server_stats() {  # server_stats [reset]: the server's counters as one JSON line (and zero them)
    python3 -c 'import sys, urllib.request
print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' \
        "http://127.0.0.1:$PORT/__stats$([[ ${1:-} == reset ]] && echo '?reset=1')"
}
# served_check STATS EXPECTED-STATUS COUNT: "" when the server answered exactly COUNT requests,
# all with EXPECTED-STATUS; otherwise what it did answer.
served_check() {
    python3 -c 'import json, sys
s = json.loads(sys.argv[1]); want, n = sys.argv[2], int(sys.argv[3])
if s["by_status"] != {want: n}:
    print("server answered %s, expected %d x %s" % (json.dumps(s["by_status"]), n, want))' "$@"
}
load_now() { cut -d' ' -f1-3 /proc/loadavg; }

# timed OUT ERR COMMAND...: one run; WALL (s), CPU (user+sys s, null without /usr/bin/time),
# PEAK (KiB, 0 without it), RC.
timed() {
    local out=$1 err=$2 t0 t1; shift 2
    local -a timer=()
    ((HAVE_TIME)) && timer=(/usr/bin/time -v -o "$WORK/.time")
    RC=0
    t0=$EPOCHREALTIME
    "${timer[@]}" "$@" >"$out" 2>"$err" || RC=$?
    t1=$EPOCHREALTIME
    WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    CPU=null PEAK=0
    if ((HAVE_TIME)); then
        CPU=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.3f", t }' "$WORK/.time")
        PEAK=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/.time")
    fi
}
fresh_store() { rm -rf "$WORK/Feeds" "$WORK"/tributary.sqlite*; }

# --- tributary ------------------------------------------------------------------------------------
HAVE_FORCE=1
"$RUN_BIN" aggregate --help 2>&1 | grep -q -- '--force' || HAVE_FORCE=0
((HAVE_FORCE)) || { log "   this tributary has no aggregate --force: the warm run is skipped"; note "tributary aggregate has no --force here: its warm run was not measured"; }

log "== tributary: a checking pair first (not timed, not quiet)"
fresh_store
server_stats reset >/dev/null
timed "$WORK/check-cold.out" "$WORK/check-cold.err" "$RUN_BIN" aggregate --config "$CONFIG"
CHECK_COLD_RC=$RC CHECK_COLD_WALL=$WALL
CHECK_COLD_SERVED=$(server_stats reset)
CHECK_WARM_RC=- CHECK_WARM_WALL=- CHECK_WARM_SERVED={}
if ((HAVE_FORCE)); then
    timed "$WORK/check-warm.out" "$WORK/check-warm.err" "$RUN_BIN" aggregate --config "$CONFIG" --force
    CHECK_WARM_RC=$RC CHECK_WARM_WALL=$WALL
    CHECK_WARM_SERVED=$(server_stats reset)
fi
problems=()
grep -qx "Sources:  $NSOURCES ok, 0 not modified, 0 failed" "$WORK/check-cold.out" \
    || problems+=("cold summary: $(grep '^Sources:' "$WORK/check-cold.out" || echo 'no Sources line') (expected $NSOURCES ok, 0 failed)")
grep -q "^Articles: $((NENTRIES + NPAGES)) new," "$WORK/check-cold.out" \
    || problems+=("cold summary: $(grep '^Articles:' "$WORK/check-cold.out" || echo 'no Articles line') (expected $((NENTRIES + NPAGES)) new)")
((CHECK_COLD_RC == 0)) || problems+=("cold run exit status $CHECK_COLD_RC")
if ((HAVE_FORCE)); then
    grep -qx "Sources:  0 ok, $NSOURCES not modified, 0 failed" "$WORK/check-warm.out" \
        || problems+=("warm summary: $(grep '^Sources:' "$WORK/check-warm.out" || echo 'no Sources line') (expected $NSOURCES not modified)")
    ((CHECK_WARM_RC == 0)) || problems+=("warm run exit status $CHECK_WARM_RC")
fi
# One new source on the full store the checking pair left: the run a daemon makes most often.
# It loads the clustering index of every stored article, clusters the source's 20 entries (copies
# of feed 0000's, under another source id), saves the index and writes the feeds again. No peer:
# reader has no index to load. Reported beside the table, not in it.
ONE_CONFIG=$WORK/tributary-one-more.yaml
ONE=""
{ cat "$CONFIG"; echo "  - { id: feed-again, url: 'http://127.0.0.2:$PORT/feeds/0000.xml?again', kind: feed }"; } >"$ONE_CONFIG"
if ((CHECK_COLD_RC == 0)); then
    log "== tributary: one new source on the full store (loads and saves the index; not timed against reader)"
    server_stats reset >/dev/null
    timed "$WORK/one-more.out" "$WORK/one-more.err" "$RUN_BIN" aggregate --config "$ONE_CONFIG" --source feed-again
    ONE_SERVED=$(server_stats reset)
    ONE="$WALL s, cpu $CPU s, peak $((PEAK * 1024 / 1000000)) MB, exit $RC: $(grep -E '^(Sources|Articles):' "$WORK/one-more.out" | tr -s ' ' | paste -sd'|' | sed 's/|/; /g')"
    grep -qx "Sources:  1 ok, 0 not modified, 0 failed" "$WORK/one-more.out" \
        || problems+=("one-source run: $(grep '^Sources:' "$WORK/one-more.out" || echo 'no Sources line') (expected 1 ok)")
    [[ -z $(served_check "$ONE_SERVED" 200 1) ]] || problems+=("one-source run: $(served_check "$ONE_SERVED" 200 1)")
    log "   $ONE"
fi
for p in "${problems[@]}"; do log "   CHECK FAILED: $p"; note "tributary check failed: $p"; done
CHECK=$([[ ${#problems[@]} == 0 ]] && echo "summaries as expected" || echo "CHECK FAILED (see notes)")

T_CHECK=""
for ((run = 1; run <= RUNS; run++)); do
    log "== tributary: timed run $run of $RUNS (load $(load_now))"
    fresh_store
    server_stats reset >/dev/null
    LOAD_COLD=$(load_now)
    timed /dev/null "$WORK/cold.err" "$RUN_BIN" aggregate --config "$CONFIG" --quiet
    C_WALL=$WALL C_CPU=$CPU C_PEAK=$PEAK C_RC=$RC
    C_SERVED=$(server_stats reset)
    bad=$(served_check "$C_SERVED" 200 "$NSOURCES")
    ((C_RC == 0)) || bad+=" exit status $C_RC: $(tail -1 "$WORK/cold.err")"
    log "   cold $C_WALL s, cpu $C_CPU s, peak $((C_PEAK * 1024 / 1000000)) MB ${bad:+- $bad}"
    W_WALL=null W_CPU=null W_PEAK=0 LOAD_WARM=-
    if ((HAVE_FORCE)); then
        LOAD_WARM=$(load_now)
        timed /dev/null "$WORK/warm.err" "$RUN_BIN" aggregate --config "$CONFIG" --quiet --force
        W_WALL=$WALL W_CPU=$CPU W_PEAK=$PEAK
        W_SERVED=$(server_stats reset)
        wbad=$(served_check "$W_SERVED" 304 "$NSOURCES")
        ((RC == 0)) || wbad+=" exit status $RC: $(tail -1 "$WORK/warm.err")"
        log "   warm $W_WALL s, cpu $W_CPU s, peak $((W_PEAK * 1024 / 1000000)) MB ${wbad:+- $wbad}"
        bad+=${wbad:+${bad:+; }warm: $wbad}
    fi
    [[ -n $bad ]] && note "tributary run $run: $bad"
    T_CHECK="$CHECK; server counts $([[ -z $bad ]] && echo as expected || echo WRONG)"
    printf '{"tool":"tributary","run":%d,"cold":{"seconds":%s,"cpu":%s,"peak_kib":%d,"load":"%s"},"warm":{"seconds":%s,"cpu":%s,"peak_kib":%d,"load":"%s"},"peak_kib":%d,"served_cold":%s,"check":"%s"}\n' \
        "$run" "$C_WALL" "$C_CPU" "$C_PEAK" "$LOAD_COLD" "$W_WALL" "$W_CPU" "$W_PEAK" "$LOAD_WARM" \
        "$((C_PEAK > W_PEAK ? C_PEAK : W_PEAK))" "$C_SERVED" "$T_CHECK" >>"$RESULTS"
done

# --- reader ---------------------------------------------------------------------------------------
if ((HAVE_READER)); then
    for ((run = 1; run <= RUNS; run++)); do
        log "== reader: run $run of $RUNS (load $(load_now))"
        server_stats reset >/dev/null
        LOAD_PEER=$(load_now)
        if "$PY" "$HERE/aggregate_peer.py" time --db "$WORK/reader.sqlite" --list "$WORK/feeds.list" --workers 16 \
            >"$WORK/reader.json" 2>"$WORK/reader.err"; then
            served=$(server_stats reset)
            # reader's two updates: NFEEDS answers of 200, then NFEEDS of 304
            check=$(python3 -c 'import json, sys
r, s, n = json.loads(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3])
bad = []
if r["cold"]["updated"] != n or r["cold"]["errors"]: bad.append("cold: %d updated, %d errors" % (r["cold"]["updated"], r["cold"]["errors"]))
if r["warm"]["not_modified"] != n: bad.append("warm: %d not modified of %d" % (r["warm"]["not_modified"], n))
if r["stored_entries"] != int(sys.argv[4]): bad.append("%d entries stored" % r["stored_entries"])
if s["by_status"] != {"200": n, "304": n}: bad.append("server answered " + json.dumps(s["by_status"]))
print("; ".join(bad) or "all %d feeds and %s entries stored, then %d not modified; server counts as expected" % (n, sys.argv[4], n))' \
                "$(cat "$WORK/reader.json")" "$served" "$NFEEDS" "$NENTRIES")
            log "   $(python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))
print("cold %.3f s, warm %.3f s, peak %d MB" % (r["cold"]["seconds"], r["warm"]["seconds"], r["peak_kib"] * 1024 // 10**6))' "$WORK/reader.json") - $check"
            python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); r.update(run=int(sys.argv[2]), check=sys.argv[3], load=sys.argv[4])
print(json.dumps(r))' "$WORK/reader.json" "$run" "$check" "$LOAD_PEER" >>"$RESULTS"
        else
            log "   reader failed: $(tail -1 "$WORK/reader.err")"
            note "reader failed: see $WORK/reader.err"
            break
        fi
    done
fi

# --- report ---------------------------------------------------------------------------------------
echo "Aggregation benchmark ($(date -u +%F), $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
echo "tributary: $BIN (binary built $BIN_BUILT; work tree then at git $BIN_GIT)"
echo "reader $("$PY" -c 'from importlib.metadata import version; print(version("reader"))' 2>/dev/null || echo 'not installed'),"\
    "Python $("$PY" -c 'import platform; print(platform.python_version())')"
echo "sources: $NFEEDS RSS feeds ($NENTRIES entries) and $NPAGES article pages, $(python3 -c 'import json, sys
print("%.1f" % (json.load(open(sys.argv[1]))["bytes"] / 1e6))' "$WORK/manifest.json") MB, served by $HERE/aggregate_server.py" \
    "with $(awk -v l="$LATENCY" 'BEGIN { print l * 1000 }') ms per response, gzip, ETag/Last-Modified, keep-alive, on 250 loopback hosts"
echo "tributary: $((NFEEDS + NPAGES)) sources (feeds and pages), default concurrency (128), 2 per host, no per-host delay, robots.txt off" \
    "(the generated site has none and reader does not read it); one process per run, timed from outside"
echo "reader: the $NFEEDS feeds only, update_feeds_iter(scheduled=False, workers=16), timed in-process (no interpreter start)"
echo "cold: fresh store, everything fetched and stored; warm: everything fetched again, every answer 304 (tributary: --force)"
echo "$( ((RUNS > 1)) && echo "best of $RUNS runs (peak: the largest)" || echo "one run of each"); CPU s = user+sys;" \
    "tributary's peak from /usr/bin/time -v (the larger of cold and warm), reader's from ru_maxrss"
echo "check run (tributary, not quiet, untimed): cold ${CHECK_COLD_WALL} s, exit ${CHECK_COLD_RC}: $(grep -E '^(Sources|Articles|Stories):' "$WORK/check-cold.out" | tr -s ' ' | paste -sd'|' | sed 's/|/; /g')"
((HAVE_FORCE)) && echo "                                          warm ${CHECK_WARM_WALL} s, exit ${CHECK_WARM_RC}: $(grep -E '^(Sources|Articles):' "$WORK/check-warm.out" | tr -s ' ' | paste -sd'|' | sed 's/|/; /g')"
[[ -n $ONE ]] && echo "one new source on the full store (untimed against reader): $ONE"
echo "load average at the start: $LOAD_START, at the end: $(load_now), on $(nproc) cores (other work on the machine slows every tool's wall clock)"
echo
"$PY" "$HERE/aggregate_peer.py" report "$RESULTS"
