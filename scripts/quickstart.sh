#!/usr/bin/env bash
# Runs the whole pipeline on sample-data/ with configs/quickstart.yaml:
# prepare -> train -> predict -> evaluate. Builds demandcast first if needed.
# Each run publishes a new model version; earlier versions are kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
config=configs/quickstart.yaml
dc=scripts/demandcast

$dc prepare  -c "$config"
$dc train    -c "$config"
$dc predict  -c "$config"
$dc evaluate -c "$config"

# Each evaluate run writes its own directory; LATEST names the one just written.
run="$(tr -d '\n' < build/evaluation/quickstart/LATEST)"

echo >&2
echo "quickstart done:" >&2
echo "  forecasts: build/forecasts/quickstart.csv" >&2
echo "  backtest:  build/evaluation/quickstart/$run/report.html (leaderboard, charts), metrics.json, leaderboard.csv, per_series.csv" >&2
echo "             (one directory per run; build/evaluation/quickstart/LATEST names the newest, evaluate.keep: 10 keeps ten)" >&2
echo "  models:    build/artifacts/quickstart-snaive/ (LATEST names the newest version)" >&2
