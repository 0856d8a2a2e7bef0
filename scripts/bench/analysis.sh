#!/usr/bin/env bash
# Near-duplicate indexing and story clustering at scale, on one core, side by side.
#
# Measures, on the same 100,000 generated articles (20,000 with --quick), pinned to one CPU with
# taskset:
#   tributary    `tributary cluster FILE.jsonl`: reads the articles, finds copies and teasers
#                ("duplicateOf") and groups articles into stories ("story"), JSON Lines written to
#                a file; one process timed from outside (so its time includes process start,
#                reading and decoding the JSON and writing the output), under /usr/bin/time -v for
#                its user+sys CPU time and peak resident set size.
#   datasketch   Python datasketch (PyPI `datasketch`), in-process: the texts are read into memory
#                first, then timed: word 5-shingles and a MinHash of 128 permutations for every
#                document (MinHash.bulk), MinHashLSH (threshold 0.5) inserts of every document and
#                a query of every document. A fair peer for the near-duplicate part only: it does
#                no story clustering (no rewrites, no teasers, no URLs). Its peak RSS is the
#                process's (ru_maxrss), texts included.
# Input: .build/bench-data/articles-100k.jsonl ({"id","url","title","text","published"}, one a
# line), written deterministically by scripts/bench/analysis_peers.py (250-400 words each from
# a vocabulary of 4,000 made-up words; 15% near-duplicate copies, 5% teasers of 40 words, about
# half the originals in groups of 3-8 rewrites of one event sharing names and numbers; URLs with
# tracking parameters on a third of the copies; dates over 30 days), with a truth file beside it:
# both tools are also scored on how many of the planted copies and teasers they link to their
# source, and tributary's stories by B-cubed F1 against the planted events.
# Goal (the issue): 100,000 articles indexed and clustered in under 20 s on one core with under
# 1 GB of memory. Prints a table (tool, docs, seconds, docs/s, CPU s, peak RSS MB), the ratios
# and a one-line summary. One run of each by default (RUNS=3 for the best of 3).
#
# Usage: scripts/bench/analysis.sh [--quick] [--bin PATH]
#   --quick     20,000 articles instead of 100,000
#   --bin PATH  the tributary binary (default .build/release/tributary)
# Environment: RUNS (default 1), CORE (the CPU to pin to; default the last one),
#   DATASKETCH_SPEC (default datasketch==2.0.0).
# Needs python3 (with venv) and network access to PyPI for the throwaway venv in .build/bench-venv;
# installs time with apt-get when missing and running as root.
set -euo pipefail
RUNS=${RUNS:-1}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CORE=${CORE:-$(($(nproc) - 1))}
DATASKETCH_SPEC=${DATASKETCH_SPEC:-datasketch==2.0.0}
if ((QUICK)); then DOCS=20000; NAME=articles-20k; else DOCS=100000; NAME=articles-100k; fi
INPUT=$DATA/$NAME.jsonl
TRUTH=$DATA/$NAME.truth.jsonl

snapshot_binary

PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "$CORE"); else
    note "taskset is missing: the tools were not pinned to one core"
fi

# --- the Python peer, in the throwaway venv shared with the other benchmarks ------------------
python_venv
HAVE_DS=0
pip_peer datasketch "$DATASKETCH_SPEC" && HAVE_DS=1

# --- input -----------------------------------------------------------------------------------
log "generating $INPUT (only when missing or changed)"
python3 "$HERE/analysis_peers.py" generate "$INPUT" --docs "$DOCS"
BYTES=$(stat -c %s "$INPUT")

# --- tributary -------------------------------------------------------------------------------
# RUNS runs; keeps the least wall clock (BEST), the least user+sys CPU time (CPU) and the largest
# peak RSS (PEAK, KiB); RC is the last exit status.
log "== tributary cluster, $DOCS articles, $BYTES bytes, on CPU $CORE"
OUT=$DATA/$NAME.tributary.jsonl
BEST="" CPU=null PEAK=null
for ((i = 0; i < RUNS; i++)); do
    RC=0
    timer=()
    ((HAVE_TIME)) && timer=(/usr/bin/time -v -o "$DATA/$NAME.tributary.time")
    t0=$EPOCHREALTIME
    "${timer[@]}" "${PIN[@]}" "$RUN_BIN" cluster "$INPUT" >"$OUT" 2>"$DATA/$NAME.tributary.err" || RC=$?
    t1=$EPOCHREALTIME
    BEST=$(awk -v best="$BEST" -v a="$t0" -v b="$t1" 'BEGIN { t = b - a; print (best == "" || t < best) ? t : best }')
    if ((HAVE_TIME)); then
        cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$DATA/$NAME.tributary.time")
        peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/$NAME.tributary.time")
        CPU=$(awk -v best="$CPU" -v t="$cpu" 'BEGIN { print (best == "null" || t < best) ? t : best }')
        PEAK=$(awk -v best="$PEAK" -v t="$peak" 'BEGIN { print (best == "null" || t > best) ? t : best }')
    fi
    log "   run $((i + 1)): $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s, exit $RC"
done
((HAVE_TIME)) || note "/usr/bin/time is missing: tributary's CPU time and peak RSS not measured"
SCORE=$("$PY" "$HERE/analysis_peers.py" score-tributary "$OUT" "$TRUTH")
f() { jq_field "$1" "$SCORE"; }
NOTES="exit $RC, $(f stories) stories for $(f events) planted events, B-cubed F1 $(awk -v x="$(f bcubed_f1)" 'BEGIN { printf "%.3f", x }')"
NOTES+=" (P $(awk -v x="$(f bcubed_p)" 'BEGIN { printf "%.3f", x }') R $(awk -v x="$(f bcubed_r)" 'BEGIN { printf "%.3f", x }'));"
NOTES+=" $(f duplicate_of) duplicateOf, $(f dups_same_story) of $(f dups_planted) copies in their source's story,"
NOTES+=" $(f dups_across_events) across events; stderr lines $(wc -l <"$DATA/$NAME.tributary.err")"
printf '{"tool":"tributary","docs":%d,"bytes":%d,"seconds":%s,"cpu":%s,"peak_kib":%s,"dups_found":%s,"dups_planted":%s,"notes":"%s"}\n' \
    "$(f docs)" "$BYTES" "$BEST" "$CPU" "$PEAK" "$(f dups_found)" "$(f dups_planted)" "$NOTES" >>"$RESULTS"

# --- datasketch ------------------------------------------------------------------------------
if ((HAVE_DS)); then
    log "== datasketch MinHash + MinHashLSH, in-process, on CPU $CORE"
    "${PIN[@]}" "$PY" "$HERE/analysis_peers.py" datasketch "$INPUT" --truth "$TRUTH" --runs "$RUNS" \
        >>"$RESULTS" 2>"$DATA/$NAME.datasketch.err" ||
        { log "   datasketch failed: $(tail -1 "$DATA/$NAME.datasketch.err")"; note "datasketch failed: see $DATA/$NAME.datasketch.err"; }
fi

# --- report ----------------------------------------------------------------------------------
echo "Near-duplicates and stories at scale ($(date -u +%F), $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory)"
echo "tributary: $BIN (binary built $BIN_BUILT; work tree then at git $BIN_GIT)"
echo "datasketch $( ((HAVE_DS)) && "$PY" -c 'import datasketch; print(datasketch.__version__)' || echo 'not installed')," \
    "numpy $("$PY" -c 'import numpy; print(numpy.__version__)' 2>/dev/null || echo '?')," \
    "Python $("$PY" -c 'import platform; print(platform.python_version())')"
echo "input: $INPUT, $DOCS articles, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB (MB = 10^6 bytes)"
echo "$( ((RUNS > 1)) && echo "best of $RUNS runs" || echo "one run each"), both pinned to CPU $CORE (taskset);" \
    "tributary timed from outside (process start, JSON in and out included), datasketch in-process (shingling, MinHash, LSH insert and query only)"
echo "datasketch finds near-duplicate candidates only (Jaccard of 5-shingles >= ~0.5): no story clustering, and teasers are out of its reach"
echo "dups found: planted copies and teasers whose own source is their duplicateOf (tributary) or among their LSH candidates (datasketch)"
echo "load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg), on $(nproc) cores" \
    "(other work on the machine slows every tool's wall clock)"
echo
"$PY" "$HERE/analysis_peers.py" report "$RESULTS"
