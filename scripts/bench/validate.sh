#!/usr/bin/env bash
# Feed validation speed, side by side, on the same input files in one run.
#
# Measures documents per second (and MB/s, MB = 10^6 bytes) of:
#   tributary    `tributary validate --format json --inputs-from LIST`: one process over all the
#                files of a set, JSON Lines to /dev/null; wall clock around the process (so it
#                includes process start, reading the files and writing the reports).
#   feedparser   Python feedparser (PyPI `feedparser`), in-process, parse() calls only: the
#                nearest peer that runs here. The W3C Feed Validation Service (the Python
#                project `feedvalidator`) is not on PyPI and cannot be installed on this
#                machine; its speed is taken from the task's figure of about 800 small
#                documents a second (W3C_DOCS_PER_SECOND) and reported as a reference line.
#   xmllint      `xmllint --stream --noout`: libxml2's streaming reader alone, the floor for any
#                validator built on libxml2, as tributary's is.
# Input sets:
#   fixtures   the validator's own test documents (Tests/FeedValidatorTests/Fixtures/cases)
#   corpus     every .xml under the shared feedparser corpus (shared/corpus/feeds/feedparser/
#              wellformed), when it is found beside the project
#   rss-5mb    a generated RSS 2.0 feed, 5 MB    } scripts/bench/make_feeds.py, deterministic,
#   rss-50mb   a generated RSS 2.0 feed, 50 MB   } into .build/bench-data/
# On rss-50mb tributary also runs under /usr/bin/time -v for its peak resident set size, and the
# 5 MB / 50 MB pair shows whether time grows linearly with size. Best of 3 runs.
#
# Usage: scripts/bench/validate.sh [--quick] [--bin PATH]
#   --quick     skip the 50 MB feed
#   --bin PATH  the tributary binary (default .build/release/tributary)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

W3C_DOCS_PER_SECOND=${W3C_DOCS_PER_SECOND:-800}
FEEDPARSER_SPEC=${FEEDPARSER_SPEC:-feedparser==6.0.14}
FIXTURES=Tests/FeedValidatorTests/Fixtures/cases
CORPUS=""
for candidate in ../shared/corpus/feeds/feedparser/wellformed ../../shared/corpus/feeds/feedparser/wellformed; do
    [[ -d $candidate ]] && { CORPUS=$candidate; break; }
done
snapshot_binary

command -v xmllint >/dev/null || apt_install libxml2-utils || true
HAVE_XMLLINT=0; command -v xmllint >/dev/null && HAVE_XMLLINT=1
python_venv
HAVE_FP=0
pip_peer feedparser "$FEEDPARSER_SPEC" && HAVE_FP=1

log "generating inputs in $DATA (only when missing or changed)"
python3 "$HERE/make_feeds.py" "$DATA/rss-5mb.xml" --format rss --entries 5000 --bytes 5000000
((QUICK)) || python3 "$HERE/make_feeds.py" "$DATA/rss-50mb.xml" --format rss --entries 50000 --bytes 50000000

declare -A SET_FILES
SETS=(fixtures)
find "$FIXTURES" -type f -name '*.xml' | sort >"$DATA/validate-fixtures.list"
SET_FILES[fixtures]=$DATA/validate-fixtures.list
if [[ -n $CORPUS ]]; then
    find "$CORPUS" -type f -name '*.xml' | sort >"$DATA/validate-corpus.list"
    SET_FILES[corpus]=$DATA/validate-corpus.list
    SETS+=(corpus)
else
    note "the shared feedparser corpus was not found beside the project; the corpus set is skipped"
fi
for s in rss-5mb rss-50mb; do
    [[ -f $DATA/$s.xml ]] || continue
    ((QUICK)) && [[ $s == rss-50mb ]] && continue
    echo "$DATA/$s.xml" >"$DATA/validate-$s.list"
    SET_FILES[$s]=$DATA/validate-$s.list
    SETS+=("$s")
done
set_bytes() { xargs -d '\n' stat -c %s <"$1" | awk '{ n += $1 } END { print n }'; }
result() {  # result TOOL SET FILES BYTES SECONDS CPU-SECONDS NOTES
    printf '{"tool":"%s","set":"%s","files":%d,"bytes":%d,"seconds":%s,"cpu":%s,"notes":"%s"}\n' "$@" >>"$RESULTS"
}

for set in "${SETS[@]}"; do
    list=${SET_FILES[$set]}
    files=$(wc -l <"$list")
    bytes=$(set_bytes "$list")
    log "== $set: $files files, $bytes bytes"
    log "   tributary"
    # validate exits 1 when a document has errors; sh keeps /usr/bin/time's output to one line.
    best_wall /dev/null "$DATA/$set.validate.err" sh -c '"$@"; exit 0' sh "$RUN_BIN" validate --format json --inputs-from "$list"
    "$RUN_BIN" validate --format json --inputs-from "$list" 2>/dev/null >"$DATA/$set.validate.jsonl" || true
    counts=$("$PY" -c '
import json, sys
docs = valid = messages = 0
for line in open(sys.argv[1]):
    o = json.loads(line); docs += 1; valid += o.get("valid", False); messages += len(o.get("messages", []))
print(f"{docs} reports, {valid} valid, {messages} messages")' "$DATA/$set.validate.jsonl")
    result tributary "$set" "$files" "$bytes" "$BEST" "$CPU" "exit $RC, $counts"
    if [[ $set == rss-50mb ]] && ((HAVE_TIME)); then
        /usr/bin/time -v -o "$DATA/rss-50mb.validate.time" "$RUN_BIN" validate --format json "$DATA/rss-50mb.xml" >/dev/null 2>&1 || true
        peak=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$DATA/rss-50mb.validate.time")
        printf '{"kind":"peak_rss","set":"rss-50mb","bytes":%d,"peak_kib":%d}\n' "$bytes" "$peak" >>"$RESULTS"
    fi
    if ((HAVE_FP)); then
        log "   feedparser"
        "$PY" "$HERE/parse_peers.py" time --tool feedparser --set "$set" --runs "$RUNS" --list "$list" >>"$RESULTS" \
            2>"$DATA/$set.fp.err" || note "feedparser failed on $set: see $DATA/$set.fp.err"
    fi
    if ((HAVE_XMLLINT)); then
        log "   xmllint"
        mapfile -t inputs <"$list"
        best_wall /dev/null "$DATA/$set.xmllint.err" sh -c '"$@"; exit 0' sh xmllint --stream --noout "${inputs[@]}"
        result xmllint "$set" "$files" "$bytes" "$BEST" "$CPU" "exit $RC"
    fi
done

echo "Feed validation benchmark ($(date -u +%F), $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
echo "tributary: $BIN (binary built $BIN_BUILT; work tree then at git $BIN_GIT)"
echo "feedparser $( ((HAVE_FP)) && "$PY" -c 'import feedparser; print(feedparser.__version__)' || echo 'not installed'), xmllint" \
    "$( ((HAVE_XMLLINT)) && { xmllint --version 2>&1 || true; } | sed -n '1s/^xmllint: using //p' || echo 'not installed')"
echo "best of $RUNS runs; load average at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "W3C feedvalidator: not installable here (not on PyPI); reference speed $W3C_DOCS_PER_SECOND small documents/s"
echo
"$PY" "$HERE/validate_report.py" "$RESULTS" "$W3C_DOCS_PER_SECOND"
