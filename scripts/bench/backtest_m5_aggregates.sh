#!/usr/bin/env bash
# Rolling-origin backtest cost and accuracy on the 114 M5 aggregate series (levels 1, 2, 3, 8, 9;
# ../shared/data/m5-aggregates), configs/m5-aggregates-backtest.yaml: seasonal naive, auto ETS,
# theta, auto ARIMA and their combination, 5 windows of 28 days, conformal 80 % intervals.
# In one run it times, each as one whole `evaluate` process (wall and CPU seconds from
# /usr/bin/time when present):
#   single  one window (each model fitted once, on the data up to 28 days before the end)
#   refit1  5 windows, refit on every window
#   refit5  5 windows, fitted on the first, updated with the new actuals on the other four
# then prints the ratios to the single fit and the refit1 leaderboard (mean RMSSE, WRMSSE with the
# official evaluation weights, MASE, 80 % coverage of model and conformal intervals, overall and
# on the last window).
# With Rscript and R's forecast package (Debian: r-cran-forecast), R's snaive, ets and thetaf on the
# same windows, scored the same way, in the same run (backtest_m5_aggregates.R; BACKTEST_R=0 skips
# it; ARIMA=1 adds auto.arima, ~130 s per series). R is single-threaded: compare CPU seconds.
# Usage: scripts/bench/backtest_m5_aggregates.sh        (needs ../shared/data beside the checkout)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
config=configs/m5-aggregates-backtest.yaml
[[ -d ../shared/data/m5-aggregates ]] || { echo "backtest_m5_aggregates.sh: ../shared/data/m5-aggregates not found" >&2; exit 2; }
out="${BENCH_OUT:-build/bench/backtest-m5-aggregates}"
mkdir -p "$out"
scripts/demandcast prepare -q -c "$config"

timed() { # name, then evaluate arguments
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$out/$name.time" scripts/demandcast evaluate -q -c "$config" \
      --set "evaluate.output=$out/$name" "$@"
  else
    scripts/demandcast evaluate -q -c "$config" --set "evaluate.output=$out/$name" "$@"
  fi
  end=$(date +%s.%N)
  local cpu="n/a"
  if [[ -f "$out/$name.time" ]]; then
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$out/$name.time")
  fi
  awk -v n="$name" -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN {printf "%s %.1f %s\n", n, e - s, c}' >> "$out/times.txt"
}

rm -f "$out/times.txt"
timed single --set backtest.windows=1
timed refit1
timed refit5 --set backtest.refit_every=5

echo "== wall and CPU seconds (whole evaluate process, 2-core machine)"
awk 'NR == 1 {w0 = $2; c0 = $3} {printf "%-7s wall %8.1f s  cpu %8s s  wall / single %5.2f\n", $1, $2, $3, $2 / w0}' "$out/times.txt"
echo
echo "== refit1 leaderboard (mean over 5 windows; _last = last window, 2016-05-23 .. 2016-06-19)"
awk -F, 'function f(name) { return !(name in col) || $col[name] == "" ? "  n/a " : sprintf("%.4f", $col[name]) }
  NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  { printf "%-16s rmsse %s  wrmsse %s  mase %s  cov80 %s  cov80_conformal %s  cov80_last %s  cov80_conformal_last %s  wall %.1f s\n",
      $col["model"], f("rmsse"), f("wrmsse"), f("mase"), f("coverage_80"), f("coverage_80_conformal"),
      f("coverage_80_last"), f("coverage_80_conformal_last"), $col["wall_seconds"] }' "$out/refit1/leaderboard.csv"
echo
echo "== refit5 leaderboard"
awk -F, 'function f(name) { return !(name in col) || $col[name] == "" ? "  n/a " : sprintf("%.4f", $col[name]) }
  NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  { printf "%-16s rmsse %s  wrmsse %s  mase %s  cov80 %s  cov80_conformal %s  wall %.1f s\n",
      $col["model"], f("rmsse"), f("wrmsse"), f("mase"), f("coverage_80"), f("coverage_80_conformal"),
      $col["wall_seconds"] }' "$out/refit5/leaderboard.csv"
echo
if [[ "${BACKTEST_R:-1}" != 0 ]] && command -v Rscript >/dev/null && Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  echo "== R forecast, same 5 windows (refit every window), single-threaded"
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$out/r.time" Rscript scripts/bench/backtest_m5_aggregates.R ../shared/data/m5-aggregates 2>/dev/null
    awk -F': ' '/Elapsed \(wall clock\)/ {w=$2} /User time/ {u=$2} /System time/ {s=$2} END {printf "R total: wall %s, cpu %.1f s\n", w, u + s}' "$out/r.time"
  else
    Rscript scripts/bench/backtest_m5_aggregates.R ../shared/data/m5-aggregates 2>/dev/null
  fi
  echo
fi
echo "reports: $out/{single,refit1,refit5}/report.html"
