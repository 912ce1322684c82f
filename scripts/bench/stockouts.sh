#!/usr/bin/env bash
# Stockout-aware demand on m5-tiny, a simulation (M5 has no stock data; see README "Stockouts:
# censored demand"). Marks as out of stock every run of >= 14 zero-sale days after a series' first
# sale in series that otherwise sell >= 1 unit a day (scripts/bench/stockouts.py mark), then backtests
# the same models on the two 28-day validation windows before the test window (cutoffs 2016-03-27,
# 2016-04-24; test_evaluation is never read) twice: without the mark (the zeros are demand) and with
# data.schema.availability (the zeros are censored). Both runs' forecasts are scored on the days in
# stock only (stockouts.py score), so the figures compare the same periods.
# MODE=inject injects stockouts into the history instead (known truth; see stockouts.py inject) and adds
# a run fitted on the untouched data; the windows are then wholly in stock and scored on the truth.
# Usage: [MODE=inject] [SEED=7] scripts/bench/stockouts.sh [family ...]   (default: seasonal_naive sba tsb auto_ets xgboost)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m5-tiny"
[[ -d "$data" ]] || { echo "stockouts.sh: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
if [[ $# -gt 0 ]]; then families=("$@"); else families=(seasonal_naive sba tsb auto_ets xgboost); fi
models=$(printf '{family: %s}, ' "${families[@]}")
# MODE=inject: stockouts with a known truth instead (stockouts.py inject), and a third run fitted on the truth.
if [[ "${MODE:-mark}" == inject ]]; then
  python3 "$root/scripts/bench/stockouts.py" inject "$data" "$work/sales.csv" "$work/truth.csv" "${SEED:-7}"
  runs=(truth zeros censored)
  scored=("$work/truth.csv" --affected-from "$work/sales.csv")
else
  python3 "$root/scripts/bench/stockouts.py" mark "$data" "$work/sales.csv"
  runs=(zeros censored)
  scored=("$work/sales.csv")
fi
for run in "${runs[@]}"; do
  stock=""
  [[ $run == censored ]] && stock="    availability: in_stock"
  file="$work/sales.csv"
  [[ $run == truth ]] && file="$work/truth.csv"
  cat > "$work/$run.yaml" <<YAML
name: stockouts-$run
data:
  files: ['$file']
  frequency: daily
  season_length: 7
  schema:
    covariates: [sell_price, snap]
    categorical: [event_name_1, event_type_1, event_name_2, event_type_2]
$stock
  attributes: {file: '$data/meta.csv', columns: [item_id, dept_id, cat_id, store_id, state_id]}
prepare:
  output: '$work/$run/prepared'
  gaps: {target: missing, covariates: ffill}
models: [${models%, }]
backtest: {horizon: 28, cutoff_dates: [2016-03-27, 2016-04-24]}
evaluate: {output: '$work/$run/evaluation'}
YAML
  "$root/scripts/demandcast" prepare -q -c "$work/$run.yaml"
  "$root/scripts/demandcast" evaluate -q -c "$work/$run.yaml" >/dev/null
done
forecasts=()
for run in "${runs[@]}"; do forecasts+=("$work/$run/evaluation/forecasts.csv"); done
python3 "$root/scripts/bench/stockouts.py" score "${scored[@]}" "${forecasts[@]}"
