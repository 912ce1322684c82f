#!/usr/bin/env bash
# Achieved cycle service of `plan` on ../shared/data/m5-tiny (issue 17), one origin: each model is
# fitted on everything before 2016-05-23 (split test 28, train.fit_on: train_validation,
# predict.update: false), every one of the 280 series gets L = R = 7 and nothing on hand, and `plan`
# runs at alpha 0.95 and 0.99 with each plan.method (sample_paths with predict.sample_paths 1000,
# seed 42; normal_from_quantiles). Printed per model, method and alpha: the share of series whose
# actual demand over the first 7 (14) days of test_evaluation stayed at or below the reorder point
# (order-up-to level), the same for the normal baseline, the mean safety stock, and the methods the
# rows name. One origin shared by all series: a direction, not a calibration.
# Usage: scripts/bench/plan_m5_tiny.sh [family ...]   (default: seasonal_naive sba auto)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m5-tiny"
[[ -d "$data" ]] || { echo "plan_m5_tiny.sh: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
if [[ $# -gt 0 ]]; then models=("$@"); else models=(seasonal_naive sba auto); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/x.yaml" <<YAML
name: plan-m5-tiny
data:
  files: ["$data/train.csv", "$data/test_validation.csv", "$data/test_evaluation.csv"]
  frequency: daily
  season_length: 7
  schema:
    covariates: [sell_price, snap]
    categorical: [event_name_1, event_type_1, event_name_2, event_type_2]
prepare: {output: "$work/prepared", gaps: {target: missing, covariates: ffill}, split: {test: 28}}
model: {name: m, family: naive}
train: {store: "$work/store", fit_on: train_validation}
predict: {update: false}
YAML
dc() { "$root/scripts/demandcast" "$@"; }
dc prepare -q -c "$work/x.yaml"
# every series: L = R = 7, nothing on hand or on order
python3 - "$data/test_evaluation.csv" "$work/inventory.csv" <<'PY'
import csv, sys
ids = sorted({r['series_id'] for r in csv.DictReader(open(sys.argv[1]))})
with open(sys.argv[2], 'w') as f:
    f.write('series_id,on_hand,on_order,lead_time,review_period\n')
    for i in ids:
        f.write(f'{i},0,0,7,7\n')
PY
for family in "${models[@]}"; do
  dc train -q -c "$work/x.yaml" --set "model.family=$family" --set "model.name=m-$family"
  for method in sample_paths normal_from_quantiles; do
    for alpha in 0.95 0.99; do
      dc plan -q -c "$work/x.yaml" --model "m-$family" --inventory "$work/inventory.csv" --method "$method" \
        --service-level "$alpha" -o "$work/plan-$family-$method-$alpha.csv"
    done
  done
done
python3 - "$data/test_evaluation.csv" "$work" "${models[@]}" <<'PY'
import collections, csv, sys
actual = collections.defaultdict(list)
for r in csv.DictReader(open(sys.argv[1])):
    actual[r['series_id']].append((r['date'], float(r['value'] or 0)))
d7, d14 = {}, {}
for k, v in actual.items():
    v.sort()
    d7[k] = sum(x for _, x in v[:7])
    d14[k] = sum(x for _, x in v[:14])
print("first test date", min(d for v in actual.values() for d, _ in v))
print("| model | method | alpha | achieved at ROP (baseline) | achieved at S (baseline) | mean safety stock (baseline) | methods of the rows |")
print("|---|---|---|---|---|---|---|")
for family in sys.argv[3:]:
    for method in ['sample_paths', 'normal_from_quantiles']:
        for alpha in ['0.95', '0.99']:
            rows = list(csv.DictReader(open(f'{sys.argv[2]}/plan-{family}-{method}-{alpha}.csv')))
            n = len(rows)
            share = lambda demand, col: sum(demand[r['series_id']] <= float(r[col]) for r in rows) / n
            mean = lambda col: sum(float(r[col]) for r in rows) / n
            methods = collections.Counter(r['method'] for r in rows)
            print(f"| `{family}` | {method} | {alpha} | {share(d7, 'reorder_point'):.3f} ({share(d7, 'baseline_reorder_point'):.3f}) "
                  f"| {share(d14, 'order_up_to'):.3f} ({share(d14, 'baseline_order_up_to'):.3f}) "
                  f"| {mean('safety_stock'):.1f} ({mean('baseline_safety_stock'):.1f}) "
                  f"| {', '.join(f'{m} {c}' for m, c in methods.most_common())} |")
PY
