#!/usr/bin/env bash
# Article extraction speed, side by side, on the same HTML pages in one run.
#
# Measures throughput (pages/s; MB = 10^6 bytes of HTML) of:
#   tributary    `tributary extract --format json FILE...`, one process over all the pages, JSON
#                Lines written to /dev/null; wall clock around the process, so its time includes
#                process start, reading the files and writing the JSON. Note that tributary's
#                extract does more than the peers: per page it also computes a summary, regions
#                (countries) and topics, and writes both the text and the sanitized HTML. By
#                default it extracts several pages at once (as many as there are processors, up
#                to 4), so its CPU time can exceed its wall clock.
#   tributary-j1 the same with --jobs 1: one page at a time, one thread.
#                One more run, under /usr/bin/time -v, gives its peak resident set size.
#   trafilatura  Python trafilatura (PyPI `trafilatura`), in-process: the pages are read into memory
#                first (bytes) and only the calls
#                trafilatura.extract(html, output_format='json', with_metadata=True) are timed.
#   readability  readability-lxml (PyPI `readability-lxml`, module readability), in-process, timed
#                like trafilatura: Document(html).summary() and .title().
# Pages: the 793 gzip'd article pages of ../shared/corpus/pages/wcxb-dev/html/ (WCXB dev split),
# unpacked once into .build/bench-data/pages/<id>.html; --quick takes the first 200 (by id).
# Every number is the best of 3 runs (wall clock and user+sys CPU time, the least of each). The
# table ends with the ratios tributary/trafilatura and tributary/readability and a one-line
# summary. The issue's goal: tributary >= 20x trafilatura's pages/s.
#
# Usage: scripts/bench/extract.sh [--quick] [--bin PATH]
#   --quick     the first 200 pages only
#   --bin PATH  the tributary binary (default .build/release/tributary)
# Needs python3 (with venv) and network access to PyPI for the throwaway venv in .build/bench-venv;
# installs time with apt-get when missing and running as root.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PAGES=$DATA/pages
CORPUS=../shared/corpus/pages/wcxb-dev/html
TRAFILATURA_SPEC=${TRAFILATURA_SPEC:-trafilatura==2.3.1}
READABILITY_SPEC=${READABILITY_SPEC:-readability-lxml==0.9}

[[ -d $CORPUS ]] || { echo "extract.sh: corpus not found at $CORPUS" >&2; exit 2; }
mkdir -p "$PAGES"
snapshot_binary

# --- the Python peers, in a throwaway venv -----------------------------------------------------
python_venv
HAVE_TRAF=0; HAVE_READ=0
pip_peer trafilatura "$TRAFILATURA_SPEC" && HAVE_TRAF=1
pip_peer readability-lxml "$READABILITY_SPEC" && HAVE_READ=1

# --- inputs ----------------------------------------------------------------------------------
log "unpacking pages into $PAGES (only when missing or older than the .gz)"
for gz in "$CORPUS"/*.html.gz; do
    out=$PAGES/$(basename "$gz" .gz)
    [[ -s $out && $out -nt $gz ]] || { gzip -dc -- "$gz" >"$out.tmp" && mv -- "$out.tmp" "$out"; }
done
find "$PAGES" -maxdepth 1 -type f -name '*.html' | sort >"$DATA/pages-all.list"
LIST=$DATA/pages.list
if ((QUICK)); then head -n 200 "$DATA/pages-all.list" >"$LIST"; else cp "$DATA/pages-all.list" "$LIST"; fi
mapfile -t INPUTS <"$LIST"
NPAGES=${#INPUTS[@]}
BYTES=$(xargs -d '\n' stat -c %s <"$LIST" | awk '{ n += $1 } END { print n }')
log "== $NPAGES pages, $BYTES bytes of HTML"

# --- timing ----------------------------------------------------------------------------------
# best_wall OUT ERR CMD...: runs CMD $RUNS times (stdout > OUT, stderr > ERR); sets BEST (wall
# seconds, the least), CPU (user+sys seconds, the least, from /usr/bin/time; null without it) and
# RC (the last exit status).

log "   tributary"
best_wall /dev/null "$DATA/extract.tributary.err" "$RUN_BIN" extract --format json "${INPUTS[@]}"
T_BEST=$BEST T_CPU=$CPU T_RC=$RC
log "   tributary --jobs 1"
best_wall /dev/null /dev/null "$RUN_BIN" extract --jobs 1 --format json "${INPUTS[@]}"
printf '{"tool":"tributary-j1","pages":%d,"bytes":%d,"seconds":%s,"cpu":%s,"notes":"one page at a time"}\n' \
    "$NPAGES" "$BYTES" "$BEST" "$CPU" >>"$RESULTS"
# One more run, outside the timing: peak RSS, and the output kept to count what it produced.
if ((HAVE_TIME)); then
    log "   tributary under /usr/bin/time -v (peak RSS, not timed)"
    /usr/bin/time -v -o "$DATA/extract.tributary.time" "$RUN_BIN" extract --format json "${INPUTS[@]}" \
        >"$DATA/extract.tributary.jsonl" 2>"$DATA/extract.tributary.err" || true
    peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/extract.tributary.time")
    printf '{"kind":"peak_rss","pages":%d,"peak_kib":%d}\n' "$NPAGES" "$peak" >>"$RESULTS"
else
    "$RUN_BIN" extract --format json "${INPUTS[@]}" >"$DATA/extract.tributary.jsonl" 2>"$DATA/extract.tributary.err" || true
    note "/usr/bin/time is missing: CPU time and peak RSS not measured"
fi
counts=$("$PY" "$HERE/extract_peers.py" count-jsonl <"$DATA/extract.tributary.jsonl")
printf '{"tool":"tributary","pages":%d,"bytes":%d,"seconds":%s,"cpu":%s,"empty":%s,"chars":%s,"notes":"%s"}\n' \
    "$NPAGES" "$BYTES" "$T_BEST" "$T_CPU" "$(jq_field empty "$counts")" "$(jq_field chars "$counts")" \
    "exit $T_RC, $(jq_field docs "$counts") docs, empty text $(jq_field empty "$counts"), stderr lines $(wc -l <"$DATA/extract.tributary.err"); also summary, regions, topics" \
    >>"$RESULTS"

peer() {  # peer TOOL: time a Python peer in-process; a crash is reported, not fatal
    "$PY" "$HERE/extract_peers.py" time --tool "$1" --runs "$RUNS" --list "$LIST" >>"$RESULTS" \
        2>"$DATA/extract.$1.err" || { log "   $1 failed: $(tail -1 "$DATA/extract.$1.err")"; note "$1 failed: see $DATA/extract.$1.err"; }
}
if ((HAVE_TRAF)); then log "   trafilatura ($RUNS runs: the slow part, minutes on the full set)"; peer trafilatura; fi
if ((HAVE_READ)); then log "   readability"; peer readability; fi

# --- report ----------------------------------------------------------------------------------
echo "Article extraction benchmark ($(date -u +%F), $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
echo "tributary: $BIN (binary built $BIN_BUILT; work tree then at git $BIN_GIT)"
version_of() {  # version_of DIST: one line, or "not installed"
    "$PY" -c 'import sys; from importlib.metadata import version; print(version(sys.argv[1]))' "$1" 2>/dev/null \
        || echo "not installed"
}
echo "trafilatura $(version_of trafilatura), readability-lxml $(version_of readability-lxml), lxml $(version_of lxml)," \
    "Python $("$PY" -c 'import platform; print(platform.python_version())')"
echo "pages: $CORPUS ($NPAGES of $(wc -l <"$DATA/pages-all.list")$( ((QUICK)) && echo ', --quick'))"
echo "best of $RUNS runs; MB = 10^6 bytes of HTML; pages/s from the wall clock, pages/cpu-s from user+sys CPU time"
echo "tributary: one process over all the pages, timed from outside (process start and JSON output included),"
echo "  pages side by side on every processor (tributary-j1: --jobs 1, one at a time);"
echo "  its extract also computes a summary, regions and topics per page, which the peers do not"
echo "trafilatura, readability: in-process, extraction calls only (pages read into memory first)"
echo "load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg), on $(nproc) cores" \
    "(other work on the machine slows every tool's wall clock)"
echo
"$PY" "$HERE/extract_peers.py" report "$RESULTS"
