#!/usr/bin/env bash
# predict --data (the model brought up to newer actuals, fitted parameters fixed) against a refit, on
# the 114 M5 aggregate series (../shared/data/m5-aggregates, every day to 2016-06-19). Per family,
# a model is trained (not timed) on the data up to 7 days before the end, then, each as one whole
# process timed by /usr/bin/time -v (wall and CPU seconds):
#   update  predict --data <the last 7 days>: laid over the old data's prepared panel (read alone, the
#           old data not read again), fed to the model, 28 days forecast from the new end
#   refit   train + predict on the whole data (prepared first, timed apart: prepare)
# and prints refit / update (the issue asks for at least 10x) and the mean relative difference
# |update - refit| / max(|refit|, 1) of the two forecasts: a refit re-estimates the parameters, so
# they may differ; seasonal naive and Croston with a given alpha estimate nothing and must not.
# Usage: scripts/bench/update.sh [family ...]   (default: seasonal_naive auto_ets auto_arima croston)
# DEMANDCAST_SHARED_DATA overrides ../shared/data (beside the checkout); BENCH_OUT the output folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
script=update.sh
source scripts/bench/common.sh
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m5-aggregates"
[[ -d "$data" ]] || { echo "$script: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
out="$(mkdir -p "${BENCH_OUT:-build/bench/update}" && cd "${BENCH_OUT:-build/bench/update}" && pwd)"
if [[ $# -gt 0 ]]; then families=("$@"); else families=(seasonal_naive auto_ets auto_arima croston); fi
build_jar

# The whole data, then the rows up to 7 days before its last date (old) and the 7 days after (new).
{ head -1 "$data/train.csv"; for f in train test_validation test_evaluation; do tail -n +2 "$data/$f.csv"; done; } > "$out/full.csv"
last=$(tail -n +2 "$out/full.csv" | cut -d, -f2 | sort | tail -1)
cutoff=$(date -u -d "$last - 7 days" +%F)
awk -F, -v c="$cutoff" 'NR == 1 || $2 <= c' "$out/full.csv" > "$out/old.csv"
awk -F, -v c="$cutoff" 'NR == 1 || $2 > c' "$out/full.csv" > "$out/new.csv"
echo "== m5-aggregates: old data to $cutoff, $(($(wc -l < "$out/new.csv") - 1)) newer rows ($(date -u -d "$cutoff + 1 day" +%F) .. $last)"

config() { # family, data file, folder
  local params='{season_length: 7}'
  [[ "$1" == croston ]] && params='{alpha: 0.1}'
  cat <<YAML
name: bench-update
data:
  files: [$2]
  frequency: daily
  season_length: 7
prepare:
  output: $3/prepared
  gaps: {target: missing}
model:
  name: bench-update-$1
  family: $1
  params: $params
train:
  store: $3/store
predict:
  horizon: 28
  quantiles: [0.1, 0.5, 0.9]
YAML
}

printf '%-16s %9s %9s %9s %9s %9s %9s %9s %9s %12s\n' family update_w update_c refit_w refit_c prep_w \
  'refit/upd' 'cpu ratio' '+prepare' 'mean reldiff'
for family in "${families[@]}"; do
  dir="$out/$family"
  rm -rf "$dir" && mkdir -p "$dir/old" "$dir/full"
  config "$family" "$out/old.csv" "$dir/old" > "$dir/old.yaml"
  config "$family" "$out/full.csv" "$dir/full" > "$dir/full.yaml"
  scripts/demandcast prepare -q -c "$dir/old.yaml"
  scripts/demandcast train -q -c "$dir/old.yaml"
  timed "$dir/update" scripts/demandcast predict -q -c "$dir/old.yaml" --data "$out/new.csv" -o "$dir/update.csv"
  timed "$dir/prepare" scripts/demandcast prepare -q -c "$dir/full.yaml"
  timed "$dir/train" scripts/demandcast train -q -c "$dir/full.yaml"
  timed "$dir/predict" scripts/demandcast predict -q -c "$dir/full.yaml" -o "$dir/refit.csv"
  read -r uw uc _ < "$dir/update.times"
  read -r pw pc _ < "$dir/prepare.times"
  read -r tw tc _ < "$dir/train.times"
  read -r fw fc _ < "$dir/predict.times"
  diff=$(awk -F, 'NR == FNR { if (FNR > 1) r[$1 "," $2] = $4; next }
                  FNR > 1 && ($1 "," $2) in r { d = $4 - r[$1 "," $2]; if (d < 0) d = -d; a = r[$1 "," $2]; if (a < 0) a = -a;
                                                 s += d / (a > 1 ? a : 1); n++ }
                  END { if (n == 0) print "n/a"; else printf "%.6f", s / n }' "$dir/refit.csv" "$dir/update.csv")
  awk -v f="$family" -v uw="$uw" -v uc="$uc" -v tw="$tw" -v tc="$tc" -v fw="$fw" -v fc="$fc" -v pw="$pw" -v pc="$pc" -v d="$diff" \
    'BEGIN { rw = tw + fw; rc = tc + fc;
             printf "%-16s %9.1f %9.1f %9.1f %9.1f %9.1f %8.1fx %8.1fx %8.1fx %12s\n", f, uw, uc, rw, rc, pw, rw / uw, rc / uc, (rw + pw) / uw, d }'
done
echo "(wall and CPU seconds of whole processes, JVM start included; refit = train + predict on the whole data,"
echo " +prepare adds the refit's prepare to its wall time; mean reldiff over every forecast row of the 114 series x 28 days)"

# The model work alone, in one JVM on one loaded panel: a refit of the whole history against the
# update of the model fitted without the last 7 days (what both processes above pay alike left out).
echo
echo "== the model work alone (one JVM, the prepared whole data; UpdateBenchmark)"
args=()
for family in "${families[@]}"; do
  if [[ "$family" == croston ]]; then args+=("croston={alpha: 0.1}"); else args+=("$family={season_length: 7}"); fi
done
java -cp cli/target/demandcast.jar io.demandcast.cli.bench.UpdateBenchmark "$out/${families[0]}/full.yaml" 7 "${ROUNDS:-3}" "${args[@]}"
