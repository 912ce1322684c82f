#!/usr/bin/env bash
# Issue 17's price-elasticity benchmark on Dominick's orange juice (913 store x brand series, weekly):
# one `demandcast evaluate` of configs/elasticity-dominicks.yaml (ml-dominicks.yaml's data and test
# window, evaluate.elasticity on, xgboost with and without monotone: {price: decreasing}), then
#   - the own-price elasticities of the series (elasticities.csv): series estimated, share negative,
#     median and quartiles, per-brand medians; the issue's target: >= 95 % negative, median in
#     [-2.8, -1.8] (a plain per-series log-log regression with deal and feature dummies gives ~ -2.3);
#   - per model that reads price (price_response.csv): series whose forecast falls after a 10 % price
#     cut (wrong sign), and the model's accuracy (leaderboard.csv: rmsse, the report's ranking metric,
#     and sMAPE, the ml-dominicks protocol's), so the constraint's cost is visible.
# Usage: scripts/bench/elasticity.sh            REPORT=1: print the tables of an earlier run only
#   BENCH_OUT   the evaluation folder (default build/evaluation/elasticity-dominicks, the config's)
# Needs ../shared/data beside the checkout and python3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ -d ../shared/data/dominicks-orange-juice ]] || { echo "elasticity.sh: ../shared/data/dominicks-orange-juice not found beside the checkout" >&2; exit 2; }
command -v python3 >/dev/null || { echo "elasticity.sh: python3 is needed to read the CSV files" >&2; exit 2; }
out="${BENCH_OUT:-build/evaluation/elasticity-dominicks}"
if [[ "${REPORT:-0}" != 1 ]]; then
  mkdir -p build/bench
  /usr/bin/time -v -o build/bench/elasticity.time nice -n 19 scripts/demandcast evaluate --prepare \
    -c configs/elasticity-dominicks.yaml --set "evaluate.output=$out" >&2
  grep -E "Elapsed|User time|System time" build/bench/elasticity.time >&2 || true
fi
python3 - "$out" ../shared/data/dominicks-orange-juice/meta.csv <<'PY'
import csv, statistics, sys
out, meta = sys.argv[1], sys.argv[2]

def q(values, p):  # R type 7, as the report
    v = sorted(values); h = (len(v) - 1) * p; lo = int(h)
    return v[lo] + (h - lo) * (v[min(lo + 1, len(v) - 1)] - v[lo])

brand = {r["series_id"]: r["brand"] for r in csv.DictReader(open(meta))}
rows = list(csv.DictReader(open(f"{out}/elasticities.csv")))
est = {r["series_id"]: float(r["elasticity"]) for r in rows if r["estimable"] == "true"}
e = list(est.values())
neg = sum(x < 0 for x in e) / len(e)
med = q(e, .5)
print(f"series {len(rows)}, estimated {len(e)}, negative {100 * neg:.1f}%, "
      f"quartiles {q(e, .25):.3f} / median {med:.3f} / {q(e, .75):.3f}")
ok = neg >= 0.95 and -2.8 <= med <= -1.8
print(f"target (>= 95% negative, median in [-2.8, -1.8]): {'pass' if ok else 'FAIL'}")
print("brand  series  median  negative")
by = {}
for s, x in est.items():
    by.setdefault(brand.get(s, "?"), []).append(x)
for b in sorted(by, key=lambda k: (len(k), k)):
    v = by[b]
    print(f"{b:>5}  {len(v):6d}  {statistics.median(v):6.3f}  {100 * sum(x < 0 for x in v) / len(v):6.1f}%")
board = {r["model"]: r for r in csv.DictReader(open(f"{out}/leaderboard.csv"))}
wrong, n = {}, {}
for r in csv.DictReader(open(f"{out}/price_response.csv")):
    n[r["model"]] = n.get(r["model"], 0) + 1
    wrong[r["model"]] = wrong.get(r["model"], 0) + (r["wrong_sign"] == "true")
print("model                 series  wrong_sign   rmsse    smape")
for m in n:
    print(f"{m:20s}  {n[m]:6d}  {wrong[m]:10d}  {float(board[m]['rmsse']):.4f}  {float(board[m]['smape']):7.3f}")
PY
