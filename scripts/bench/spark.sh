#!/usr/bin/env bash
# The Spark job in local mode (scripts/demandcast-spark) against the single-process CLI (scripts/demandcast)
# on one config, in one run, interleaved: train and predict of each, wall and CPU seconds (user + sys from
# /usr/bin/time) and peak RSS; CPU milliseconds of train per series; and whether the two forecast files are
# byte-identical. The figures docs/scaling.md bases its cluster estimates on.
# With EVALUATE=1 also evaluate of each (the config's backtest) and whether the two per_series.csv and
# forecasts.csv are byte-identical.
# Usage: [EVALUATE=1] scripts/bench/spark.sh <config.yaml> [partitions]
#   e.g. scripts/bench/spark.sh /path/to/m5-scale/0.05/minimal.yaml   (a panel of scripts/bench/make-m5-scale.sh)
# SPARK_MASTER (default local[2]) and JAVA_OPTS (default -Xmx4g) apply to both sides' JVMs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
config="${1:?usage: scripts/bench/spark.sh <config.yaml> [partitions]}"
partitions="${2:-16}"
out="${BENCH_OUT:-build/bench/spark}"
mkdir -p "$out"
export SPARK_MASTER="${SPARK_MASTER:-local[2]}"
sets=(--set "prepare.output=$out/prepared" --set "train.store=$out/store")
nice -n 19 scripts/demandcast prepare -q -c "$config" "${sets[@]}"

timed() { # name, then the command
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$out/$name.time" nice -n 19 "$@"
  end=$(date +%s.%N)
  local cpu rss
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$out/$name.time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$out/$name.time")
  printf '%s\t%.1f\t%s\t%s\n' "$name" "$(echo "$end - $start" | bc)" "$cpu" "$rss" >> "$out/times.tsv"
}

: > "$out/times.tsv"
timed cli_train     scripts/demandcast train -q -c "$config" "${sets[@]}"
timed spark_train   scripts/demandcast-spark train -c "$config" "${sets[@]}" --partitions "$partitions"
timed cli_predict   scripts/demandcast predict -q -c "$config" "${sets[@]}" -o "$out/cli.csv"
timed spark_predict scripts/demandcast-spark predict -c "$config" "${sets[@]}" -o "$out/spark.csv"
if [[ "${EVALUATE:-0}" == 1 ]]; then
  timed cli_evaluate   scripts/demandcast evaluate -q -c "$config" "${sets[@]}" -o "$out/cli-evaluation"
  timed spark_evaluate scripts/demandcast-spark evaluate -c "$config" "${sets[@]}" --partitions "$partitions" -o "$out/spark-evaluation"
fi

series=$(tail -n +2 "$out/cli.csv" | cut -d, -f1 | uniq | wc -l)
echo
echo "config $config: $series series, Spark master $SPARK_MASTER, $partitions partitions"
printf '%-14s %9s %9s %12s %16s\n' step wall_s cpu_s peak_rss_GB train_cpu_ms/series
while IFS=$'\t' read -r name wall cpu rss; do
  per="-"
  [[ "$name" == *train ]] && per=$(echo "scale=1; 1000 * $cpu / $series" | bc)
  printf '%-14s %9s %9s %12s %16s\n' "$name" "$wall" "$cpu" "$rss" "$per"
done < "$out/times.tsv"
if cmp -s "$out/cli.csv" "$out/spark.csv"; then
  echo "forecasts: byte-identical ($(($(wc -l < "$out/cli.csv") - 1)) rows)"
else
  echo "forecasts: DIFFER (cmp $out/cli.csv $out/spark.csv)"; exit 1
fi
if [[ "${EVALUATE:-0}" == 1 ]]; then
  for f in per_series.csv forecasts.csv; do
    if cmp -s "$out/cli-evaluation/$f" "$out/spark-evaluation/$f"; then
      echo "evaluate $f: byte-identical ($(($(wc -l < "$out/cli-evaluation/$f") - 1)) rows)"
    else
      echo "evaluate $f: DIFFER (cmp $out/cli-evaluation/$f $out/spark-evaluation/$f)"; exit 1
    fi
  done
fi
