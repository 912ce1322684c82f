# R forecast's side of scripts/bench/percore.sh (issue 16: per-core efficiency against R).
#   Rscript percore.R fit <data set> <data folder> <family> <forecasts.csv>
#     fits R's counterpart of the demandcast family (auto_ets: ets(), auto_arima: auto.arima(),
#     theta: thetaf()) on every series of the data set's reference history, forecasts the test
#     horizon, writes series_id,step,forecast and prints one tab-separated line with this
#     process's CPU seconds (user + system, proc.time(); R is single-threaded) and the wall
#     seconds of the fit + forecast loop only (data loading excluded).
#   Rscript percore.R score <data set> <data folder> <R forecasts.csv> <demandcast forecasts.csv>
#     scores both forecast files on the test data with the same formula and prints one line: sMAPE
#     of each (M3/M4, percent, 0 when actual and forecast are both 0; forecasts not clipped), and
#     how many series' forecasts differ by more than 1 % at some step (|a - b| / max(|a|, |b|)).
# Env SERIES=n: only the first n series of the file (both modes).
# Histories (as PerCoreBenchmark builds them): m5-aggregates train + test_validation -> the 28 days
# of test_evaluation (m = 7); aus-retail train -> the 24 test months (m = 12; the 4 series that end
# before 2017 are fitted but have nothing to score); Dominick's weeks 40-148 -> weeks 149-160
# (m = 52), each series from its first week to week 148 with missing weeks linearly interpolated
# (a trailing gap carries the last value: approx(rule = 2), demandcast's SeriesCleaner), only the
# test weeks present scored.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
mode <- args[1]
dataset <- args[2]
dir <- args[3]

# Returns list(ids, xs = ts histories, h, test = list of data.frame(step, value) per series).
load_data <- function(dataset, dir) {
  if (dataset == "m5-aggregates") {
    read <- function(f) read.csv(file.path(dir, f), stringsAsFactors = FALSE)[, 1:3]
    hist <- rbind(read("train.csv"), read("test_validation.csv"))
    te <- read("test_evaluation.csv")
    ids <- unique(hist$series_id)
    xs <- lapply(split(hist$value, factor(hist$series_id, levels = ids)), function(v) ts(v, frequency = 7))
    test <- lapply(split(te, factor(te$series_id, levels = ids)), function(s) data.frame(step = seq_len(nrow(s)), value = s$value[order(s$date)]))
    list(ids = ids, xs = xs, h = 28, test = test)
  } else if (dataset == "aus-retail") {
    tr <- read.csv(file.path(dir, "train.csv"), stringsAsFactors = FALSE)
    te <- read.csv(file.path(dir, "test.csv"), stringsAsFactors = FALSE)
    ids <- unique(tr$series_id)
    xs <- lapply(split(tr, factor(tr$series_id, levels = ids)), function(s) ts(s$value[order(s$date)], frequency = 12))
    # a series' forecast starts the month after its last train month (2016-12 for all that have tests)
    month <- function(d) as.integer(substr(d, 1, 4)) * 12 + as.integer(substr(d, 6, 7))
    last <- tapply(month(tr$date), factor(tr$series_id, levels = ids), max)
    test <- lapply(split(te, factor(te$series_id, levels = ids)), function(s) {
      if (nrow(s) == 0) return(data.frame(step = integer(0), value = numeric(0)))
      data.frame(step = month(s$date) - last[[s$series_id[1]]], value = s$value)
    })
    list(ids = ids, xs = xs, h = 24, test = test)
  } else if (dataset == "dominicks-orange-juice") {
    tr <- read.csv(file.path(dir, "train.csv"), stringsAsFactors = FALSE)
    te <- read.csv(file.path(dir, "test.csv"), stringsAsFactors = FALSE)
    ids <- unique(tr$series_id)
    a <- split(tr, factor(tr$series_id, levels = ids))
    xs <- lapply(a, function(s) {
      v <- rep(NA_real_, 148 - min(s$week) + 1)
      v[s$week - min(s$week) + 1] <- s$value
      seen <- which(!is.na(v))
      ts(approx(seen, v[seen], xout = seq_along(v), rule = 2)$y, frequency = 52)
    })
    test <- lapply(split(te, factor(te$series_id, levels = ids)), function(s) data.frame(step = s$week - 148, value = s$value))
    list(ids = ids, xs = xs, h = 12, test = test)
  } else {
    stop("unknown data set ", dataset)
  }
}

methods <- list(
  auto_ets = function(x, h) forecast(ets(x), h = h)$mean,
  auto_arima = function(x, h) forecast(auto.arima(x), h = h)$mean,
  theta = function(x, h) thetaf(x, h = h)$mean)

d <- load_data(dataset, dir)
n <- as.integer(Sys.getenv("SERIES", "0"))
if (!is.na(n) && n > 0 && n < length(d$ids)) {
  keep <- seq_len(n)
  d <- list(ids = d$ids[keep], xs = d$xs[keep], h = d$h, test = d$test[keep])
}
if (mode == "fit") {
  family <- args[4]
  method <- methods[[family]]
  if (is.null(method)) stop("no R counterpart for family ", family)
  t0 <- proc.time()
  fc <- lapply(d$xs, function(x) as.numeric(suppressWarnings(method(x, d$h))))
  t1 <- proc.time()
  cpu <- (t1[["user.self"]] + t1[["sys.self"]]) - (t0[["user.self"]] + t0[["sys.self"]])
  out <- data.frame(series_id = rep(d$ids, each = d$h), step = rep(seq_len(d$h), length(d$ids)), forecast = sprintf("%.17g", unlist(fc)))
  write.csv(out, args[5], row.names = FALSE, quote = FALSE)
  cat(sprintf("R\t%s\t%s\tseries=%d\tcpu_seconds=%.3f\twall_seconds=%.3f\n", dataset, family, length(d$ids), cpu,
              t1[["elapsed"]] - t0[["elapsed"]]))
} else if (mode == "score") {
  read_fc <- function(f) {
    x <- read.csv(f, stringsAsFactors = FALSE)
    lapply(split(x, factor(x$series_id, levels = d$ids)), function(s) s$forecast[order(s$step)])
  }
  r <- read_fc(args[4])
  dc <- read_fc(args[5])
  smape <- function(y, f) { s <- abs(y) + abs(f); mean(ifelse(s == 0, 0, 200 * abs(y - f) / s)) }
  scored <- which(sapply(d$test, nrow) > 0)
  score <- function(fc) mean(sapply(scored, function(i) smape(d$test[[i]]$value, fc[[i]][d$test[[i]]$step])))
  rel <- function(a, b) { s <- pmax(abs(a), abs(b)); ifelse(s == 0, 0, abs(a - b) / s) }
  differing <- sum(sapply(seq_along(d$ids), function(i) length(dc[[i]]) != d$h || any(!is.finite(dc[[i]])) || max(rel(r[[i]], dc[[i]])) > 0.01))
  cat(sprintf("SCORE\t%s\tsmape_r=%.4f\tsmape_dc=%.4f\tdiffering=%d\tseries=%d\tscored=%d\n", dataset, score(r), score(dc), differing,
              length(d$ids), length(scored)))
} else {
  stop("mode must be fit or score")
}
