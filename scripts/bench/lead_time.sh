#!/usr/bin/env bash
# Lead-time demand sanity check on ../shared/data/m5-tiny (issue 17): each model is trained on
# train + test_validation (to 2016-05-22), then `predict --lead-time L` (default 7); printed per model:
# the methods used, the share of the 280 series whose actual demand over the first L days of
# test_evaluation is at or below each lead-time quantile, and the CPU seconds of a plain `predict`
# against `predict --lead-time` (whole processes, /usr/bin/time). Not an acceptance test: the
# backtest of service levels is evaluate's. The global ML model reads SNAP and events but not
# sell_price, which the test files leave empty, with test_evaluation as predict.future.
# Usage: scripts/bench/lead_time.sh [family ...]   (default: seasonal_naive sba auto auto_ets auto_arima xgboost)
# INTERVALS=conformal trains with predict.intervals: conformal, whose calibration backtest (3 windows
# of LEAD_TIME days) gives the families that cannot simulate the backtest_bootstrap method.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m5-tiny"
[[ -d "$data" ]] || { echo "lead_time.sh: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
lead="${LEAD_TIME:-7}"
intervals="${INTERVALS:-model}"
if [[ $# -gt 0 ]]; then models=("$@"); else models=(seasonal_naive sba auto auto_ets auto_arima xgboost); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/x.yaml" <<YAML
name: lead-time-m5-tiny
data:
  files: ["$data/train.csv", "$data/test_validation.csv"]
  frequency: daily
  season_length: 7
  schema:
    covariates: [snap]
    categorical: [event_name_1, event_type_1, event_name_2, event_type_2]
  attributes: {file: "$data/meta.csv", columns: [item_id, dept_id, cat_id, store_id, state_id]}
prepare: {output: "$work/prepared", gaps: {target: missing, covariates: ffill}}
model: {name: m, family: naive}
train: {store: "$work/store", fit_on: all}
predict: {horizon: $lead, future: "$data/test_evaluation.csv"}
monitor: {log_forecasts: false}
YAML
dc() { "$root/scripts/demandcast" "$@"; }
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f", $1 + $2}'; }
dc prepare -q -c "$work/x.yaml"
for family in "${models[@]}"; do
  params='{}'
  [[ "$family" == xgboost || "$family" == gbm || "$family" == random_forest ]] && params='{max_train_periods: 365}'
  set_model=(--set "model.family=$family" --set "model.name=$family" --set "model.params=$params" --set "predict.intervals=$intervals")
  dc train -q -c "$work/x.yaml" "${set_model[@]}"
  plain=$(cpu "$root/scripts/demandcast" predict -q -c "$work/x.yaml" "${set_model[@]}" -o "$work/forecast.csv")
  timed=$(cpu "$root/scripts/demandcast" predict -q -c "$work/x.yaml" "${set_model[@]}" --lead-time "$lead" -o "$work/$family.csv")
  python3 - "$work/$family.csv" "$data/test_evaluation.csv" "$lead" "$family" "$plain" "$timed" <<'PY'
import collections, csv, sys
path, actual, days, family, plain, timed = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
values = collections.defaultdict(list)
for r in csv.DictReader(open(actual)):
    values[r["series_id"]].append((r["date"], float(r["value"])))
rows = list(csv.DictReader(open(path)))
levels = [c for c in rows[0] if c.startswith("q")]
covered, methods = collections.Counter(), collections.Counter()
for r in rows:
    total = sum(v for _, v in sorted(values[r["series_id"]])[:days])
    methods[r["method"]] += 1
    for c in levels:
        covered[c] += total <= float(r[c])
print(f"{family:<16} " + " ".join(f"{c} {covered[c] / len(rows):.3f}" for c in levels)
      + f"  CPU s predict {plain} -> --lead-time {timed}  " + ", ".join(f"{m} {n}" for m, n in methods.items()))
PY
done
