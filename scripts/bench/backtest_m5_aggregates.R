# R forecast's side of scripts/bench/backtest_m5_aggregates.sh: the same 5 windows of 28 days on the
# 114 M5 aggregate series (cutoffs 140, 112, 84, 56 and 28 days before 2016-06-19), scored the same
# way as demandcast: per window the mean over series of RMSSE (M5 scale: one-step differences of the
# history from its first non-zero value) and MASE (seasonal differences, m = 7), then the mean over
# windows; coverage of the 80 % interval pooled over every period. Forecasts are clipped at 0 like
# demandcast's (the target has no negative value). auto.arima takes ~130 s per series here (14 hours
# for the 570 fits), so it runs only with ARIMA=1. Single-threaded, as R's forecast is.
# Usage: Rscript backtest_m5_aggregates.R <m5-aggregates dir>
suppressPackageStartupMessages(library(forecast))
dir <- commandArgs(trailingOnly = TRUE)[1]
read <- function(f) read.csv(file.path(dir, f))[, 1:3]
all <- rbind(read("train.csv"), read("test_validation.csv"), read("test_evaluation.csv"))
ids <- unique(all$series_id)
xs <- split(all$value, factor(all$series_id, levels = ids))
h <- 28
windows <- 5
rmsse_scale <- function(x) { x <- x[which(x != 0)[1]:length(x)]; sqrt(mean(diff(x)^2)) }
mase_scale <- function(x) mean(abs(diff(x, lag = 7)))
methods <- list(
  snaive = function(x) snaive(x, h = h, level = 80),
  ets = function(x) forecast(ets(x), h = h, level = 80),
  thetaf = function(x) thetaf(x, h = h, level = 80)
)
if (Sys.getenv("ARIMA") == "1") methods$auto.arima <- function(x) forecast(auto.arima(x), h = h, level = 80)
cat(sprintf("%-12s %8s %8s %8s %10s\n", "R model", "rmsse", "mase", "cov80", "seconds"))
for (m in names(methods)) {
  t0 <- proc.time()[["elapsed"]]
  rmsse <- numeric(windows); mase <- numeric(windows); inside <- 0; n <- 0
  for (w in 1:windows) {
    back <- (windows - w + 1) * h
    r <- numeric(length(ids)); s <- numeric(length(ids))
    for (i in seq_along(ids)) {
      v <- xs[[i]]; end <- length(v) - back
      x <- ts(v[1:end], frequency = 7); y <- v[(end + 1):(end + h)]
      f <- methods[[m]](x)
      mean <- pmax(as.numeric(f$mean), 0); lo <- pmax(as.numeric(f$lower), 0); hi <- pmax(as.numeric(f$upper), 0)
      r[i] <- sqrt(mean((y - mean)^2)) / rmsse_scale(as.numeric(x))
      s[i] <- mean(abs(y - mean)) / mase_scale(as.numeric(x))
      inside <- inside + sum(y >= lo & y <= hi); n <- n + h
    }
    rmsse[w] <- mean(r[is.finite(r)]); mase[w] <- mean(s[is.finite(s)])
  }
  secs <- proc.time()[["elapsed"]] - t0
  cat(sprintf("%-12s %8.4f %8.4f %8.4f %10.1f\n", m, mean(rmsse), mean(mase), inside / n, secs))
}
