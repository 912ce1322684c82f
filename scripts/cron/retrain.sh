#!/usr/bin/env bash
# Keeps the forecasts of one or more experiments current, from cron:
#
#   retrain.sh <experiment.yaml> [<experiment.yaml> ...]
#
# For each experiment, under an exclusive lock (flock) of its own, runs:
#   prepare   the raw data into the prepared dataset
#   monitor   the published forecasts against the actuals since arrived (exit 3: drift); MONITOR=0 skips it
#   train     train --if-older-than $MAX_AGE: retrains only a model older than that; on drift, plain
#             train: retrains whatever the model's age (an identical config and data still publish nothing)
#   predict   predict --max-model-age $MAX_MODEL_AGE: refuses (exit 2) to forecast from an older model
#   prune     models prune <model> --keep $KEEP --yes: removes the oldest versions, never LATEST; KEEP=0 skips it
# A step that fails (exit 1 or 2, or any other code but 0 and 3) ends that experiment's run; the
# next experiment is still run. train's exit 3 (a quality limit: nothing published) goes on to
# predict from the current model.
#
# Output: one line per step on stdout, when the step ends, and one 'done' line per experiment:
#   2026-11-30T14:35:02Z retrain configs/shop.yaml prepare exit=0 12s
#   2026-11-30T14:36:40Z retrain configs/shop.yaml done exit=0 110s
# (UTC time, the experiment as given, the step, its exit code, its seconds). Append-only lines for a
# log file and a log rotator: verbs run with -q (no progress), their stdout is sent to stderr, and
# their stderr (the one-line error of a failure, data warnings) passes through on stderr.
#
# Exit codes (of the whole run: the most severe of its experiments', in this order):
#   130, 143  interrupted (SIGINT, SIGTERM): the running step is stopped with SIGTERM
#   1         a step failed at runtime (demandcast exit 1: I/O, an unexpected error; or no demandcast or flock found)
#   2         invalid input: a step exited 2 (config, data, a tampered artifact, a model older than
#             MAX_MODEL_AGE), or retrain.sh was called without an existing experiment file
#   75        EX_TEMPFAIL: another run holds an experiment's lock; that experiment was skipped, try later
#   3         drift: monitor exited 3 and the model was retrained; or train's quality limit failed
#   0         every step of every experiment succeeded (a train that had nothing to do included)
#
# Environment:
#   DEMANDCAST     the demandcast command (default: demandcast on the PATH, else the launcher of this checkout)
#   MAX_AGE        train --if-older-than (default 7d); MAX_MODEL_AGE: predict --max-model-age (default 14d)
#   KEEP           versions models prune keeps (default 10; 0: no pruning)
#   MONITOR        1 (default) runs monitor; 0 skips it (an experiment without a monitor: section)
#   MODEL_NAME     the model to prune (default: model.name of the experiment file, else its name)
#   RETRAIN_LOCK_DIR  where the lock files are (default ${TMPDIR:-/tmp}): one per experiment file
# Durations are demandcast's: 90s, 20m, 1h30m, 7d, 2w. Relative paths resolve against the working
# directory, as for demandcast itself: cd to the project in the crontab line.
set -uo pipefail

MAX_AGE="${MAX_AGE:-7d}"
MAX_MODEL_AGE="${MAX_MODEL_AGE:-14d}"
KEEP="${KEEP:-10}"
MONITOR="${MONITOR:-1}"
lock_dir="${RETRAIN_LOCK_DIR:-${TMPDIR:-/tmp}}"

readonly EX_TEMPFAIL=75

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
fail_usage() { echo "retrain.sh: error: $*" >&2; exit 2; }

if [[ $# -eq 0 ]]; then
  fail_usage "no experiment given; usage: retrain.sh <experiment.yaml> [<experiment.yaml> ...]"
fi
for experiment in "$@"; do
  [[ -f "$experiment" ]] || fail_usage "$experiment: no such experiment file"
done

# The launcher: $DEMANDCAST, else demandcast on the PATH, else this checkout's scripts/demandcast.
if [[ -n "${DEMANDCAST:-}" ]]; then
  dc="$DEMANDCAST"
elif command -v demandcast > /dev/null 2>&1; then
  dc="$(command -v demandcast)"
else
  dc="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../demandcast"
fi
if [[ ! -x "$dc" ]] && ! command -v "$dc" > /dev/null 2>&1; then
  echo "retrain.sh: error: demandcast not found (tried '$dc'); set DEMANDCAST to the launcher" >&2
  exit 1
fi

if ! command -v flock > /dev/null 2>&1; then
  echo "retrain.sh: error: flock not found (util-linux); it keeps two runs of an experiment apart" >&2
  exit 1
fi

# The model prune works on: MODEL_NAME, else model.name in the file's model: section, else the
# experiment's top-level name (model.name's default). Reads block-style YAML, as the examples write it.
model_name() {
  if [[ -n "${MODEL_NAME:-}" ]]; then
    echo "$MODEL_NAME"
    return
  fi
  awk '
    function value(v) { sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t]+#.*$/, "", v); gsub(/^["\047]|["\047][ \t]*$/, "", v); return v }
    /^[A-Za-z_][A-Za-z0-9_]*:/ { section = $0; sub(/:.*/, "", section); if (section == "name") top = value($0) }
    section == "model" && /^[ \t]+name:/ { model = value($0) }
    END { print (model != "" ? model : top) }
  ' "$1"
}

# Severity of an exit code, to pick the run's code among its experiments'.
severity() {
  case "$1" in
    0) echo 0 ;; 3) echo 1 ;; "$EX_TEMPFAIL") echo 2 ;; 2) echo 3 ;; 1) echo 4 ;; 129|130|143) echo 6 ;; *) echo 5 ;;
  esac
}

overall=0
worse() { (( $(severity "$1") > $(severity "$overall") )) && overall="$1"; return 0; }

child=""
experiment=""
step=""
step_start=0
# Stops the running step with SIGTERM (a background child of a script ignores SIGINT), logs it and
# exits with the signal's code.
interrupted() {
  local code="$1"
  if [[ -n "$child" ]]; then
    kill -TERM "$child" 2> /dev/null
    wait "$child"
    local stopped=$?
    echo "$(now) retrain $experiment $step exit=$stopped $(( SECONDS - step_start ))s"
  fi
  exit "$code"
}
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

# Runs one step: demandcast <args> -q -c <experiment>, its stdout to stderr; logs its line; sets $code.
run_step() {
  step="$1"
  shift
  step_start=$SECONDS
  "$dc" "$@" -q -c "$experiment" >&2 &
  child=$!
  wait "$child"
  code=$?
  child=""
  echo "$(now) retrain $experiment $step exit=$code $(( SECONDS - step_start ))s"
}

# The steps of one experiment; returns its exit code.
retrain() {
  local drift=0 result=0
  run_step prepare prepare
  (( code == 0 )) || return "$code"
  if [[ "$MONITOR" != 0 ]]; then
    run_step monitor monitor --allow-no-log
    case "$code" in
      0) ;;
      3) drift=1 result=3 ;;
      *) return "$code" ;;
    esac
  fi
  if (( drift )); then
    run_step train train
  else
    run_step train train --if-older-than "$MAX_AGE"
  fi
  case "$code" in
    0) ;;
    3) result=3 ;;  # a quality limit: nothing published; the current model still forecasts
    *) return "$code" ;;
  esac
  run_step predict predict --max-model-age "$MAX_MODEL_AGE"
  (( code == 0 )) || return "$code"
  if [[ "$KEEP" != 0 ]]; then
    run_step prune models prune "$(model_name "$experiment")" --keep "$KEEP" --yes
    (( code == 0 )) || return "$code"
  fi
  return "$result"
}

mkdir -p "$lock_dir" || { echo "retrain.sh: error: cannot create the lock directory $lock_dir" >&2; exit 1; }
for experiment in "$@"; do
  started=$SECONDS
  # One lock per experiment file (by its real path), so different experiments may run at once.
  lock="$lock_dir/demandcast-retrain-$(readlink -f "$experiment" | sha256sum | cut -c1-16).lock"
  if ! exec 9>> "$lock"; then
    echo "retrain.sh: error: cannot open the lock file $lock" >&2
    worse 1
    continue
  fi
  if ! flock -n 9; then
    echo "$(now) retrain $experiment lock exit=$EX_TEMPFAIL 0s"
    echo "retrain.sh: $experiment: another run holds $lock; skipped" >&2
    exec 9>&-
    worse "$EX_TEMPFAIL"
    continue
  fi
  retrain
  result=$?
  exec 9>&-
  echo "$(now) retrain $experiment done exit=$result $(( SECONDS - started ))s"
  worse "$result"
done
exit "$overall"
