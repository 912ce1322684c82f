#!/usr/bin/env bash
# Intermittent-demand benchmark on ../shared/data/m5-tiny (280 M5 item-store daily series; fit on
# train + test_validation, forecast the 28 days of test_evaluation): mean RMSSE, level-12 WRMSSE
# with the official weights, MASE and wall time per model, seasonal naive first. With M5_TINY_R=1
# (and Rscript with the forecast package), R's snaive() and croston() in the same run: R's croston
# takes ~5 s CPU per series here (~25 min for the 280), so it is opt-in. Our croston matches R's
# point forecasts to 1e-9 (CrostonTest).
# Usage: [M5_TINY_R=1] scripts/bench/m5_tiny.sh [family ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}/m5-tiny"
[[ -d "$data" ]] || { echo "m5_tiny.sh: $data not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
jar="$root/cli/target/demandcast.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package)
if [[ $# -gt 0 ]]; then models=("$@"); else models=(seasonal_naive naive croston sba tsb adida imapa theta auto); fi
echo "== demandcast"
java -Xmx4g -cp "$jar" io.demandcast.cli.bench.M5TinyBenchmark "$data" "${models[@]}"
if [[ "${M5_TINY_R:-0}" == 1 ]] && command -v Rscript >/dev/null && Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  echo "== R forecast"
  Rscript - "$data" <<'RSCRIPT'
suppressPackageStartupMessages(library(forecast))
dir <- commandArgs(trailingOnly = TRUE)[1]
tr <- rbind(read.csv(file.path(dir, "train.csv"))[, 1:3], read.csv(file.path(dir, "test_validation.csv"))[, 1:3])
te <- read.csv(file.path(dir, "test_evaluation.csv"))[, 1:3]
ids <- unique(tr$series_id)
xs <- split(tr$value, factor(tr$series_id, levels = ids))
ys <- split(te$value, factor(te$series_id, levels = ids))
rmsse <- function(x, y, f) { x <- x[which(x != 0)[1]:length(x)]; sqrt(mean((y - f)^2) / mean(diff(x)^2)) }
for (m in c("snaive", "croston")) {
  t0 <- proc.time()[["elapsed"]]
  fc <- lapply(ids, function(i) { x <- ts(xs[[i]], frequency = 7)
    as.numeric(if (m == "snaive") snaive(x, h = 28)$mean else croston(x, h = 28)$mean) })
  secs <- proc.time()[["elapsed"]] - t0
  r <- mean(sapply(seq_along(ids), function(i) rmsse(xs[[i]], ys[[i]], fc[[i]])))
  cat(sprintf("%-28s %8.4f %8s %8s %9.2f\n", paste("R", m), r, "", "", secs))
}
RSCRIPT
fi
