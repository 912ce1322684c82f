#!/usr/bin/env bash
# Backtested service levels (issue 17): runs evaluate with inventory policies on ../shared/data/m5-tiny
# (daily, lead time 7 days; configs/service-m5-tiny.yaml) and ../shared/data/dominicks-orange-juice
# (weekly, lead time 1 week; configs/service-dominicks.yaml), 95 % and 99 % cycle-service-level
# policies each, and prints per dataset, model and target the achieved cycle service level, fill
# rate, average stock and stockout periods per cycle, for the model's own levels (bootstrap of its
# backtest errors) and for the normal-approximation baseline. "best" marks the model ranked first on
# the backtest's accuracy metric (rmsse); "ok" marks an achieved level within 2 points of its target.
# Usage: scripts/bench/service-level.sh [m5-tiny|dominicks ...]   (default: both)
# CPU seconds and peak memory of each evaluate run go to build/bench/service-level/<dataset>.times.
set -euo pipefail
script=service-level.sh
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/bench/common.sh
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}"
for d in m5-tiny dominicks-orange-juice; do
  [[ -d "$data/$d" ]] || { echo "$script: $data/$d not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
done
build_jar
if [[ $# -gt 0 ]]; then sets=("$@"); else sets=(m5-tiny dominicks); fi
out=build/bench/service-level
mkdir -p "$out"
for set in "${sets[@]}"; do
  case "$set" in
    m5-tiny) config=configs/service-m5-tiny.yaml ;;
    dominicks) config=configs/service-dominicks.yaml ;;
    *) echo "$script: unknown data set '$set' (m5-tiny or dominicks)" >&2; exit 2 ;;
  esac
  name=$(basename "$config" .yaml)
  [[ -f "build/prepared/$name/manifest.json" ]] || scripts/demandcast prepare -c "$config" -q
  echo "$script: evaluate $config ..." >&2
  timed "$out/$set" scripts/demandcast evaluate -c "$config" -q --set "evaluate.output=$out/$set" > /dev/null
  read -r wall cpu rss < "$out/$set.times"
  echo "== $set ($config; wall ${wall} s, CPU ${cpu} s, peak ${rss} MiB)"
  python3 - "$out/$set/metrics.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print(f"{'model':<16} {'rank':>4} {'policy':<14} {'level from':<10} {'cycles':>6} {'CSL %':>6} {'fill %':>6} {'avg stock':>10} {'stockout/cyc':>12}")
for model in m["models"]:
    for o in model.get("service_levels", []):
        if o["demand_class"] != "all":
            continue
        ok = o["target"] == "service_level" and abs(o["achieved_service_level"] - o["target_value"]) <= 0.02 + 1e-12
        fill = o["fill_rate"] * 100 if o["fill_rate"] is not None else float("nan")
        print(f"{model['name']:<16} {model['rank']:>4} {o['policy']:<14} {o['method']:<10} {o['cycles']:>6}"
              f" {o['achieved_service_level'] * 100:6.2f} {fill:6.2f} {o['average_stock']:10.2f} {o['stockout_periods']:12.3f}"
              f"{'  best' if model['rank'] == 1 else ''}{'  ok' if ok else ''}")
PY
done
