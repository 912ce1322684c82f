#!/usr/bin/env bash
# Times the verbs at each size of the M5-shaped panels that scripts/bench/make-m5-scale.sh writes
# (${DEMANDCAST_SCALE_DIR:-build/m5-scale}/<size>/{sales.csv,minimal.yaml,quickstart.yaml}),
# each step its own process under /usr/bin/time -v, so the growth of cost with size is visible:
#
#   prepare (minimal)     prepare of minimal.yaml: read, gaps, split; no features
#   prepare (quickstart)  prepare of quickstart.yaml: the quickstart's features (calendar, lags, rolling, price)
#   train auto            train of model.family auto on the minimal prepared data
#   train <ml family>     with --ml: the global gradient-boosted model (ML_FAMILY, default xgboost) on the
#                         last ML_MAX_TRAIN periods of each series (default 365; 0 = all): its training
#                         table at 1x on all 1,941 days (59 M rows x ~30 float features, then XGBoost's own
#                         copy) does not fit an 8 GiB heap; the family's max_train_periods bounds it
#   predict h=28          predict of the auto model
#   evaluate 3 windows    evaluate: the YAML's models (seasonal naive, auto) on a 3-window backtest
#
# One table row per (size, step): wall s, CPU s (user+sys), peak RSS MB, rows/s (rows of the prepared
# panel / wall s). Logs of every step go to $SCALE_WORK/<size>/<step>.log.
#
# Usage: scripts/bench/scale.sh [--ml] [size ...]        (default: every size directory present)
#   ML_MAX_TRAIN periods per series the GBM trains on (default 365; 0 = all)
#   JAVA_OPTS    JVM options of every step (default: -Xmx3g below 0.25x, -Xmx8g from 0.25x)
#   SCALE_WORK   where outputs and logs go (default build/scale); STEPS: steps to run (default all),
#                e.g. STEPS="prepare-minimal train-auto predict"
#   WAIT         seconds to wait for the scale directory's READY file (default 0)
# A step whose heap is above 3 GiB holds /tmp/bigmem.lock (flock) while it runs, so two such runs never
# overlap on a shared machine. Run from anywhere; builds cli/target/demandcast.jar when missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
script=scale
source scripts/bench/common.sh

ml=0
sizes=()
for a in "$@"; do
  case "$a" in
    --ml) ml=1 ;;
    -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) sizes+=("$a") ;;
  esac
done
scale_dir="${DEMANDCAST_SCALE_DIR:-$root/build/m5-scale}"
waited=0
until [[ -f "$scale_dir/READY" ]]; do
  if (( waited >= ${WAIT:-0} )); then
    echo "scale: $scale_dir/READY not found: make the panels with scripts/bench/make-m5-scale.sh (or set WAIT=seconds)" >&2
    exit 2
  fi
  sleep 10; waited=$((waited + 10))
done
if (( ${#sizes[@]} == 0 )); then
  mapfile -t sizes < <(find "$scale_dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -g)
fi
work="$(mkdir -p "${SCALE_WORK:-build/scale}" && cd "${SCALE_WORK:-build/scale}" && pwd)"
ml_family="${ML_FAMILY:-xgboost}"
ml_max_train="${ML_MAX_TRAIN:-365}"
steps="${STEPS:-prepare-minimal prepare-quickstart train-auto train-ml predict evaluate}"
build_jar

# heap_gib "<java options>": the -Xmx of the options in GiB (0 when none is given).
heap_gib() {
  local x
  x=$(grep -oE -- '-Xmx[0-9]+[gGmMkK]?' <<<"$1" | tail -1 | cut -c5-)
  case "$x" in
    *[gG]) echo "${x%?}" ;;
    *[mM]) echo $(( ${x%?} / 1024 )) ;;
    *[kK]) echo $(( ${x%?} / 1048576 )) ;;
    "") echo 0 ;;
    *) echo $(( x / 1073741824 )) ;;
  esac
}

printf '%-6s %-22s %9s %9s %9s %12s\n' size step wall_s cpu_s rss_mb rows/s
for size in "${sizes[@]}"; do
  dir="$scale_dir/$size"
  [[ -f "$dir/minimal.yaml" ]] || { echo "scale: $dir/minimal.yaml not found; skipped" >&2; continue; }
  if [[ -n "${JAVA_OPTS:-}" ]]; then opts="$JAVA_OPTS"
  elif awk -v s="$size" 'BEGIN {exit !(s + 0 < 0.25)}'; then opts="-Xmx3g"
  else opts="-Xmx8g"; fi
  lock=()
  if (( $(heap_gib "$opts") > 3 )); then lock=(bigmem); fi
  out="$work/$size"
  mkdir -p "$out"
  rows=""
  # run <step> <label> <verb> <config> [args...]: one timed process, one table row
  run() {
    local step="$1" label="$2" verb="$3" config="$4"; shift 4
    [[ " $steps " == *" $step "* ]] || return 0
    local status=0
    # The lock is taken before the clock starts: waiting for another big run is not this step's time.
    (cd "$out" && if (( ${#lock[@]} )); then exec 9>/tmp/bigmem.lock; flock 9; fi \
        && JAVA_OPTS="$opts" timed "$out/$step" nice -n 19 "$root/scripts/demandcast" "$verb" -c "$config" "$@" \
        >"$out/$step.out" 2>"$out/$step.log") || status=$?
    read -r wall cpu rss < "$out/$step.times"
    if [[ "$verb" == prepare && $status == 0 ]]; then
      rows=$(grep -oE '"row_count" *: *[0-9]+|"rowCount" *: *[0-9]+' "$out/$step.out" | grep -oE '[0-9]+$' | head -1)
    fi
    local rate="n/a"
    [[ -n "$rows" && $status == 0 ]] && rate=$(awk -v r="$rows" -v w="$wall" 'BEGIN {printf "%.0f", r / (w > 0 ? w : 1)}')
    (( status == 0 )) || rate="exit $status"
    printf '%-6s %-22s %9s %9s %9s %12s\n' "$size" "$label" "$wall" "$cpu" "$rss" "$rate"
  }
  run prepare-quickstart "prepare (quickstart)" prepare "$dir/quickstart.yaml" --json
  run prepare-minimal "prepare (minimal)" prepare "$dir/minimal.yaml" --json
  run train-auto "train auto" train "$dir/minimal.yaml" --force
  (( ml )) && run train-ml "train $ml_family" train "$dir/minimal.yaml" --force --set "model.family=$ml_family" \
      --set "model.name=m5-scale-$ml_family" --set "model.params.max_train_periods=$ml_max_train"
  run predict "predict h=28" predict "$dir/minimal.yaml" --set predict.horizon=28
  run evaluate "evaluate 3 windows" evaluate "$dir/minimal.yaml" --set backtest.windows=3
done
