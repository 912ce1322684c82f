#!/usr/bin/env bash
# Prepares all 280 series of ../shared/data/m5-tiny (train + both test horizons), then times, in one
# JVM, parsing that CSV against loading the prepared dataset. Prints both times and the ratio.
# Usage: scripts/bench/prepared_load.sh [repeats]   (run from anywhere; needs ../shared/data)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m5-tiny"
[[ -d "$data" ]] || { echo "prepared_load: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/m5-tiny.yaml" <<YAML
name: m5-tiny-bench
data:
  files: [$data/train.csv, $data/test_validation.csv, $data/test_evaluation.csv]
  frequency: daily
  schema:
    covariates: [sell_price, snap]
    categorical: [event_name_1, event_type_1, event_name_2, event_type_2]
prepare:
  output: $work/prepared
  features:
    calendar: [day_of_week, week_of_year, month, events]
    lags: [7, 28]
    rolling: {windows: [7, 28], stats: [mean, std]}
    price: {column: sell_price}
  split: {validation: 28, test: 28}
YAML
"$root/scripts/demandcast" prepare -c "$work/m5-tiny.yaml"
java -cp "$root/cli/target/demandcast.jar" io.demandcast.cli.bench.LoadBenchmark "$work/m5-tiny.yaml" "${1:-5}"
