# R forecast reference for scripts/bench/m3.sh: fits ets(), auto.arima() and thetaf() (and their
# average) on the M3 monthly series and prints sMAPE, MASE (m = 12) and wall time per method,
# with the same formulas as demandcast's scorer.
# Usage: Rscript m3_forecast.R <m3-competition folder>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
meta <- read.csv(file.path(dir, "meta.csv"), stringsAsFactors = FALSE)
ids <- meta$series_id[meta$frequency == "monthly"]
train <- read.csv(file.path(dir, "train.csv"), stringsAsFactors = FALSE)
test <- read.csv(file.path(dir, "test.csv"), stringsAsFactors = FALSE)
train <- train[train$series_id %in% ids, ]
test <- test[test$series_id %in% ids, ]
xs <- split(train$value, factor(train$series_id, levels = ids))
ys <- split(test$value, factor(test$series_id, levels = ids))
h <- 18
m <- 12
smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
mase <- function(x, y, f) mean(abs(y - f)) / mean(abs(diff(x, lag = m)))
run <- function(name, fc) {
  t0 <- proc.time()[["elapsed"]]
  fcs <- lapply(seq_along(ids), function(i) fc(ts(xs[[i]], frequency = m)))
  secs <- proc.time()[["elapsed"]] - t0
  report(name, fcs, secs)
  list(fcs = fcs, secs = secs)
}
report <- function(name, fcs, secs) {
  s <- mean(sapply(seq_along(ids), function(i) smape(ys[[i]], fcs[[i]])))
  q <- mean(sapply(seq_along(ids), function(i) mase(xs[[i]], ys[[i]], fcs[[i]])))
  cat(sprintf("%-24s %8.3f %8.4f %10.2f\n", name, s, q, secs))
}
cat(sprintf("# R forecast %s: %d series, h = %d, m = %d\n", packageVersion("forecast"), length(ids), h, m))
cat(sprintf("%-24s %8s %8s %10s\n", "model", "sMAPE", "MASE", "seconds"))
sn <- run("R snaive", function(x) as.numeric(snaive(x, h = h)$mean))
e <- run("R ets", function(x) as.numeric(forecast(ets(x), h = h)$mean))
a <- run("R auto.arima", function(x) as.numeric(forecast(suppressWarnings(auto.arima(x)), h = h)$mean))
t <- run("R thetaf", function(x) as.numeric(thetaf(x, h = h)$mean))
avg <- lapply(seq_along(ids), function(i) (e$fcs[[i]] + a$fcs[[i]] + t$fcs[[i]]) / 3)
report("R ets+arima+theta mean", avg, e$secs + a$secs + t$secs)
cat(sprintf("R_TOTAL_ETS_ARIMA_THETA_SECONDS %.2f\n", e$secs + a$secs + t$secs))
