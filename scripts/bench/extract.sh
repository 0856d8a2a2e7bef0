#!/usr/bin/env bash
# Article extraction speed, side by side, on the same HTML pages in one run.
#
# Measures throughput (pages/s; MB = 10^6 bytes of HTML) of:
#   tributary    `tributary extract --format json FILE...`, one process over all the pages, JSON
#                Lines written to /dev/null; wall clock around the process, so its time includes
#                process start, reading the files and writing the JSON. Note that tributary's
#                extract does more than the peers: per page it also computes a summary, regions
#                (countries) and topics, and writes both the text and the sanitized HTML.
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
export LC_ALL=C

BIN=.build/release/tributary
QUICK=0
while (($#)); do
    case $1 in
        --quick) QUICK=1 ;;
        --bin) BIN=$(realpath -- "${2:?--bin needs a path}"); shift ;;
        --bin=*) BIN=$(realpath -- "${1#--bin=}") ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "extract.sh: unknown option $1 (try --help)" >&2; exit 64 ;;
    esac
    shift
done
cd "$(dirname "${BASH_SOURCE[0]}")/../.."   # the project root: every path below is relative to it
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

RUNS=3
VENV=.build/bench-venv
DATA=.build/bench-data
PAGES=$DATA/pages
CORPUS=../shared/corpus/pages/wcxb-dev/html
TRAFILATURA_SPEC=${TRAFILATURA_SPEC:-trafilatura==2.3.1}
READABILITY_SPEC=${READABILITY_SPEC:-readability-lxml==0.9}
HERE=scripts/bench

[[ -x $BIN ]] || { echo "extract.sh: no tributary binary at $BIN (build it with swift build -c release)" >&2; exit 2; }
[[ -d $CORPUS ]] || { echo "extract.sh: corpus not found at $CORPUS" >&2; exit 2; }
mkdir -p "$DATA" "$PAGES"
RESULTS=$DATA/extract-results.jsonl
: >"$RESULTS"

log() { printf '%s\n' "$*" >&2; }
note() { printf '{"kind":"note","text":"%s"}\n' "$*" >>"$RESULTS"; }

# Time a snapshot of the binary, so that a rebuild during the run cannot mix two builds.
RUN_BIN=$DATA/tributary-extract
BIN_BUILT=$(date -u -r "$BIN" '+%F %H:%M UTC')
BIN_GIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+uncommitted changes')"
cp "$BIN" "$RUN_BIN" && "$RUN_BIN" --help >/dev/null 2>&1 || RUN_BIN=$BIN

# --- tools -----------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() {  # apt_install PACKAGE: install a Debian package when we are root
    if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then return 1; fi
    log "installing $1 with apt-get"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1; then
        ((APT_UPDATED)) || { apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
    fi
}
[[ -x /usr/bin/time ]] || apt_install time || true
HAVE_TIME=0; [[ -x /usr/bin/time ]] && HAVE_TIME=1

# --- the Python peers, in a throwaway venv -----------------------------------------------------
if [[ ! -x $VENV/bin/python ]]; then
    log "creating $VENV"
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$VENV"; }
fi
PY=$VENV/bin/python
# One package per pip call: pip 23's resolver trips over readability-lxml's lxml[html_clean] extra
# when both are resolved together.
pip_install() { "$PY" -m pip install -q --disable-pip-version-check "$1" >"$DATA/pip.log" 2>&1; }
HAVE_TRAF=0; HAVE_READ=0
if pip_install "$TRAFILATURA_SPEC"; then HAVE_TRAF=1; else
    log "trafilatura could not be installed ($TRAFILATURA_SPEC): $(tail -1 "$DATA/pip.log")"
    note "trafilatura could not be installed here ($TRAFILATURA_SPEC); skipped"
fi
if pip_install "$READABILITY_SPEC"; then HAVE_READ=1; else
    log "readability-lxml could not be installed ($READABILITY_SPEC): $(tail -1 "$DATA/pip.log")"
    note "readability-lxml could not be installed here ($READABILITY_SPEC); skipped"
fi

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
best_wall() {
    local out=$1 err=$2 t0 t1 i cpu; shift 2
    local -a timer=()
    ((HAVE_TIME)) && timer=(/usr/bin/time -f '%U %S' -o "$DATA/.cpu")
    BEST="" CPU=null
    for ((i = 0; i < RUNS; i++)); do
        RC=0
        t0=$EPOCHREALTIME
        "${timer[@]}" "$@" >"$out" 2>"$err" || RC=$?
        t1=$EPOCHREALTIME
        BEST=$(awk -v best="$BEST" -v a="$t0" -v b="$t1" 'BEGIN { t = b - a; print (best == "" || t < best) ? t : best }')
        if ((HAVE_TIME)); then
            cpu=$(awk '{ print $1 + $2 }' "$DATA/.cpu")
            CPU=$(awk -v best="$CPU" -v t="$cpu" 'BEGIN { print (best == "null" || t < best) ? t : best }')
        fi
    done
}
jq_field() { "$PY" -c 'import json,sys; print(json.loads(sys.argv[2]).get(sys.argv[1]))' "$1" "$2"; }

log "   tributary"
best_wall /dev/null "$DATA/extract.tributary.err" "$RUN_BIN" extract --format json "${INPUTS[@]}"
T_BEST=$BEST T_CPU=$CPU T_RC=$RC
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
echo "tributary: one process over all the pages, timed from outside (process start and JSON output included);"
echo "  its extract also computes a summary, regions and topics per page, which the peers do not"
echo "trafilatura, readability: in-process, extraction calls only (pages read into memory first)"
echo "load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg), on $(nproc) cores" \
    "(other work on the machine slows every tool's wall clock)"
echo
"$PY" "$HERE/extract_peers.py" report "$RESULTS"
