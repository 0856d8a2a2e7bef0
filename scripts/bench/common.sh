# shellcheck shell=bash
# What every benchmark under scripts/bench/ shares. Source it right after `set -euo pipefail`:
#   options --quick and --bin PATH (and --help, which prints the calling script's header);
#   the project root as working folder; BIN, QUICK, RUNS, VENV, DATA, HERE, RESULTS, LOAD_START;
#   log, note, apt_install, snapshot_binary, python_venv, pip_peer, best_wall, jq_field.
export LC_ALL=C

SCRIPT=$(basename "$0")
BIN=.build/release/tributary
QUICK=0
while (($#)); do
    case $1 in
        --quick) QUICK=1 ;;
        --bin) BIN=$(realpath -- "${2:?--bin needs a path}"); shift ;;
        --bin=*) BIN=$(realpath -- "${1#--bin=}") ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "$SCRIPT: unknown option $1 (try --help)" >&2; exit 64 ;;
    esac
    shift
done
cd "$(dirname "${BASH_SOURCE[0]}")/../.."   # the project root: every path below is relative to it
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

RUNS=${RUNS:-3}
VENV=.build/bench-venv
DATA=.build/bench-data
HERE=scripts/bench

[[ -x $BIN ]] || { echo "$SCRIPT: no tributary binary at $BIN (build it with swift build -c release)" >&2; exit 2; }
mkdir -p "$DATA"
RESULTS=$DATA/${SCRIPT%.sh}-results.jsonl
: >"$RESULTS"

log() { printf '%s\n' "$*" >&2; }
note() { printf '{"kind":"note","text":"%s"}\n' "$*" >>"$RESULTS"; }

# snapshot_binary: time a copy of the binary (RUN_BIN), so that a rebuild during the run cannot
# mix two builds; BIN_BUILT and BIN_GIT say which build it is.
snapshot_binary() {
    RUN_BIN=$DATA/tributary-${SCRIPT%.sh}
    BIN_BUILT=$(date -u -r "$BIN" '+%F %H:%M UTC')
    BIN_GIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+uncommitted changes')"
    cp "$BIN" "$RUN_BIN" && "$RUN_BIN" --help >/dev/null 2>&1 || RUN_BIN=$BIN
}

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

python_venv() {  # python_venv: the throwaway venv every benchmark shares; sets PY
    if [[ ! -x $VENV/bin/python ]]; then
        log "creating $VENV"
        python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$VENV"; }
    fi
    PY=$VENV/bin/python
}

# pip_peer LABEL SPEC: install one peer into the venv (one package per pip call: pip 23's
# resolver trips over some extras when several are resolved together); on failure, say so and
# return 1 so the peer is skipped.
pip_peer() {
    if "$PY" -m pip install -q --disable-pip-version-check "$2" >"$DATA/pip.log" 2>&1; then return 0; fi
    log "$1 could not be installed ($2): $(tail -1 "$DATA/pip.log")"
    note "$1 could not be installed here ($2); skipped"
    return 1
}

# best_wall OUT ERR COMMAND...: run COMMAND RUNS times; BEST = the shortest wall time (s), CPU =
# the smallest user+sys time (null without /usr/bin/time), RC = the last exit status.
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
