#!/usr/bin/env bash
# Feed parsing speed, side by side, on the same input files in one run.
#
# Measures throughput (MB/s, MB = 10^6 bytes) of:
#   tributary      `tributary parse --inputs-from LIST`, one process over all the files of a set, JSON Lines
#                  written to /dev/null (so its time includes process start and JSON output);
#                  wall clock around the process. By default it parses several files at once (as
#                  many as there are processors, up to 4); a set of one file runs on one thread.
#   tributary-j1   the same with --jobs 1: one file at a time.
#   feedparser     Python feedparser (PyPI `feedparser`), in-process: the files are read into
#                  memory first and only the parse() calls are timed (default options).
#   feedparser-rs  Rust parser with Python bindings (PyPI `feedparser-rs`, module feedparser_rs),
#                  timed like feedparser; once as it comes (it sanitizes HTML and resolves
#                  relative URIs, as feedparser and tributary do) and once with sanitize_html=False
#                  ("feedparser-rs-nosan"), to show how much of its time its sanitizer takes.
#   xmllint        `xmllint --stream --noout FILE...`: libxml2's streaming reader and nothing else,
#                  the floor for any libxml2-based parser such as tributary's.
# Input sets:
#   real       every .xml under ../shared/corpus/feeds/feedparser/wellformed/ (many small files)
#   rss-5mb    a generated RSS 2.0 feed, 5 MB, 5,000 entries   } scripts/bench/make_feeds.py,
#   atom-5mb   a generated Atom 1.0 feed, 5 MB, 5,000 entries  } deterministic, into
#   rss-100mb  a generated RSS 2.0 feed, 100 MB (memory check)  } .build/bench-data/
# Every number is the best of 3 runs. On rss-100mb, tributary also runs under /usr/bin/time -v
# for its peak resident set size (goal: under 150 MB). The table ends with ratios and a one-line
# summary over the three main sets together ("all-3").
#
# Usage: scripts/bench/parse.sh [--quick] [--bin PATH]
#   --quick     skip the 100 MB feed
#   --bin PATH  the tributary binary (default .build/release/tributary)
# Needs python3 (with venv) and network access to PyPI for the throwaway venv in .build/bench-venv;
# installs libxml2-utils and time with apt-get when missing and running as root.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CORPUS=../shared/corpus/feeds/feedparser/wellformed
FEEDPARSER_SPEC=${FEEDPARSER_SPEC:-feedparser==6.0.14}
FEEDPARSER_RS_SPEC=${FEEDPARSER_RS_SPEC:-feedparser-rs==0.7.1}

[[ -d $CORPUS ]] || { echo "parse.sh: corpus not found at $CORPUS" >&2; exit 2; }
snapshot_binary

# --- tools -----------------------------------------------------------------------------------
command -v xmllint >/dev/null || apt_install libxml2-utils || true
HAVE_XMLLINT=0; command -v xmllint >/dev/null && HAVE_XMLLINT=1

# --- the Python peers, in a throwaway venv -----------------------------------------------------
python_venv
HAVE_FP=0; HAVE_FPRS=0
pip_peer feedparser "$FEEDPARSER_SPEC" && HAVE_FP=1
pip_peer feedparser-rs "$FEEDPARSER_RS_SPEC" && HAVE_FPRS=1

# --- inputs ----------------------------------------------------------------------------------
log "generating inputs in $DATA (only when missing or changed)"
python3 "$HERE/make_feeds.py" "$DATA/rss-5mb.xml" --format rss --entries 5000 --bytes 5000000
python3 "$HERE/make_feeds.py" "$DATA/atom-5mb.xml" --format atom --entries 5000 --bytes 5000000
((QUICK)) || python3 "$HERE/make_feeds.py" "$DATA/rss-100mb.xml" --format rss --entries 100000 --bytes 100000000
find "$CORPUS" -type f -name '*.xml' | sort >"$DATA/real.list"

declare -A SET_FILES  # set name -> file holding its input paths, one a line
SET_FILES[real]=$DATA/real.list
for s in rss-5mb atom-5mb rss-100mb; do
    [[ -f $DATA/$s.xml ]] && echo "$DATA/$s.xml" >"$DATA/$s.list"
    SET_FILES[$s]=$DATA/$s.list
done
set_bytes() { xargs -d '\n' stat -c %s <"$1" | awk '{ n += $1 } END { print n }'; }

# --- timing ----------------------------------------------------------------------------------
# best_wall OUT ERR CMD...: runs CMD $RUNS times (stdout > OUT, stderr > ERR); sets BEST (wall
# seconds, the least), CPU (user+sys seconds, the least, from /usr/bin/time; null without it) and
# RC (the last exit status).
result() {  # result TOOL SET FILES BYTES SECONDS CPU-SECONDS ENTRIES NOTES
    printf '{"tool":"%s","set":"%s","files":%d,"bytes":%d,"seconds":%s,"cpu":%s,"entries":%s,"notes":"%s"}\n' \
        "$@" >>"$RESULTS"
}

run_set() {  # run_set SET: every tool on one input set
    local set=$1 list=${SET_FILES[$1]} files bytes counts notes
    local -a inputs
    mapfile -t inputs <"$list"
    files=${#inputs[@]}
    bytes=$(set_bytes "$list")
    log "== $set: $files files, $bytes bytes"

    log "   tributary"
    # The list file (not 1,749 arguments): swift-argument-parser is quadratic in positionals.
    best_wall /dev/null "$DATA/$set.tributary.err" "$RUN_BIN" parse --inputs-from "${SET_FILES[$set]}"
    # One more run, outside the timing, to count what it produced and keep its messages.
    "$RUN_BIN" parse "${inputs[@]}" 2>"$DATA/$set.tributary.err" | "$PY" "$HERE/parse_peers.py" count-jsonl \
        >"$DATA/$set.tributary.counts" || true
    counts=$(cat "$DATA/$set.tributary.counts")
    notes="exit $RC, $(jq_field docs "$counts") docs, not wellFormed $(jq_field not_well_formed "$counts"), stderr lines $(wc -l <"$DATA/$set.tributary.err")"
    result tributary "$set" "$files" "$bytes" "$BEST" "$CPU" "$(jq_field entries "$counts")" "$notes"
    log "   tributary --jobs 1"
    best_wall /dev/null /dev/null "$RUN_BIN" parse --jobs 1 --inputs-from "${SET_FILES[$set]}"
    result tributary-j1 "$set" "$files" "$bytes" "$BEST" "$CPU" "$(jq_field entries "$counts")" "one input at a time"

    if ((HAVE_FP)); then
        log "   feedparser"
        peer feedparser "$set" "$list"
    fi
    if ((HAVE_FPRS)); then
        log "   feedparser-rs"
        peer feedparser-rs "$set" "$list"
        log "   feedparser-rs, sanitize_html=False"
        peer feedparser-rs-nosan "$set" "$list"
    fi
    if ((HAVE_XMLLINT)); then
        log "   xmllint"
        best_wall /dev/null "$DATA/$set.xmllint.err" xmllint --stream --noout "${inputs[@]}"
        result xmllint "$set" "$files" "$bytes" "$BEST" "$CPU" null \
            "exit $RC, files failed $(grep -c 'failed to parse' "$DATA/$set.xmllint.err" || true)"
    fi
}
peer() {  # peer TOOL SET LIST: time a Python peer in-process; a crash is reported, not fatal
    "$PY" "$HERE/parse_peers.py" time --tool "$1" --set "$2" --runs "$RUNS" --list "$3" >>"$RESULTS" \
        2>"$DATA/$2.$1.err" || { log "   $1 failed: $(tail -1 "$DATA/$2.$1.err")"; note "$1 failed on $2: see $DATA/$2.$1.err"; }
}

for s in real rss-5mb atom-5mb; do run_set "$s"; done

# --- the 100 MB memory check -----------------------------------------------------------------
if ((!QUICK)); then
    big=$DATA/rss-100mb.xml
    bytes=$(stat -c %s "$big")
    log "== rss-100mb: 1 file, $bytes bytes"
    if ((HAVE_TIME)); then
        log "   tributary under /usr/bin/time -v"
        best_wall /dev/null "$DATA/rss-100mb.tributary.err" /usr/bin/time -v -o "$DATA/rss-100mb.time" "$RUN_BIN" parse "$big"
        peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/rss-100mb.time")
        printf '{"kind":"peak_rss","bytes":%d,"peak_kib":%d}\n' "$bytes" "$peak" >>"$RESULTS"
    else
        log "   tributary (no /usr/bin/time: peak RSS not measured)"
        best_wall /dev/null "$DATA/rss-100mb.tributary.err" "$RUN_BIN" parse "$big"
        note "/usr/bin/time is missing: peak RSS not measured"
    fi
    result tributary rss-100mb 1 "$bytes" "$BEST" "$CPU" null "exit $RC, stderr lines $(wc -l <"$DATA/rss-100mb.tributary.err")"
    if ((HAVE_XMLLINT)); then
        log "   xmllint"
        best_wall /dev/null "$DATA/rss-100mb.xmllint.err" xmllint --stream --noout "$big"
        result xmllint rss-100mb 1 "$bytes" "$BEST" "$CPU" null "exit $RC"
    fi
fi

# --- report ----------------------------------------------------------------------------------
echo "Feed parsing benchmark ($(date -u +%F), $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
echo "tributary: $BIN (binary built $BIN_BUILT; work tree then at git $BIN_GIT)"
version_of() {  # version_of TOOL: one line, or "not installed"
    case $1 in
        feedparser) ((HAVE_FP)) && "$PY" -c 'import feedparser; print(feedparser.__version__)' ;;
        feedparser-rs) ((HAVE_FPRS)) && "$PY" -c 'import feedparser_rs; print(feedparser_rs.__version__)' ;;
        xmllint) ((HAVE_XMLLINT)) && { xmllint --version 2>&1 || true; } | sed -n '1s/^xmllint: using //p' ;;
    esac || echo "not installed"
}
echo "feedparser $(version_of feedparser), feedparser-rs $(version_of feedparser-rs), xmllint $(version_of xmllint)," \
    "Python $("$PY" -c 'import platform; print(platform.python_version())')"
echo "best of $RUNS runs; MB = 10^6 bytes; MB/s from the wall clock, MB/cpu-s from user+sys CPU time"
echo "tributary, xmllint: one process over the whole set, timed from outside; Python peers: in-process, parse calls only"
echo "load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg), on $(nproc) cores" \
    "(other work on the machine slows every tool's wall clock)"
echo
"$PY" "$HERE/parse_peers.py" report "$RESULTS"
