#!/usr/bin/env bash
# M3 monthly benchmark (1428 series, h = 18, m = 12): demandcast's statistical models against
# seasonal naive and, when Rscript with the forecast package is installed, R's ets(),
# auto.arima() and thetaf() in the same run. Prints sMAPE, MASE and wall time per model, and the
# wall-time ratio R / demandcast for ETS + ARIMA + Theta.
# Usage: scripts/bench/m3.sh [family ...]    (default: every statistical family available)
# Needs ../shared/data/m3-competition (or DEMANDCAST_SHARED_DATA).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m3-competition"
[[ -d "$data" ]] || { echo "m3.sh: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
jar="$root/cli/target/demandcast.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package)
if [[ $# -gt 0 ]]; then
  models=("$@")
else
  models=(naive seasonal_naive)
  for f in drift theta auto_ets auto_arima croston sba tsb combination; do
    if java -cp "$jar" io.demandcast.cli.bench.ListFamilies | grep -qx "$f"; then models+=("$f"); fi
  done
fi
echo "== demandcast (${models[*]})"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
java -Xmx4g -cp "$jar" io.demandcast.cli.bench.M3Benchmark "$data" "${models[@]}" | tee "$out"
if command -v Rscript >/dev/null && Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  echo "== R forecast"
  rout="$(mktemp)"
  Rscript "$root/scripts/bench/m3_forecast.R" "$data" > "$rout"
  grep -v '^R_TOTAL' "$rout"
  r_total="$(awk '/^R_TOTAL_ETS_ARIMA_THETA_SECONDS/ {print $2}' "$rout")"
  rm -f "$rout"
  dc_total="$(awk '$1=="auto_ets"||$1=="auto_arima"||$1=="theta" {s+=$4; n++} END {if (n==3) print s}' "$out")"
  if [[ -n "$dc_total" && -n "$r_total" ]]; then
    awk -v r="$r_total" -v d="$dc_total" 'BEGIN {printf "ETS+ARIMA+Theta wall time: R %.1f s, demandcast %.1f s, ratio R/demandcast %.1fx\n", r, d, r/d}'
  else
    echo "(ratio needs auto_ets, auto_arima and theta in the demandcast run)"
  fi
else
  echo "(Rscript with the forecast package not found: apt-get install -y r-cran-forecast to compare)"
fi
