#!/usr/bin/env python3
"""What mean RMSSE is achievable on m5-tiny? Hindsight floors, not forecasts.

For the validation window (fit to 2016-04-24, score test_validation) and the test window (fit to
2016-05-22, score test_evaluation), h = 28, prints the mean RMSSE over the 280 series (and without
the ten FOODS_3_702 series, which stop selling on day 11 of the test window) of:
  - the best constant in hindsight (each series' actual 28-day mean: the lowest RMSSE any flat
    forecast can reach), and that level times the series' day-of-week profile of the last year;
  - the mean of the last w days before the cutoff (w = 7 ... 182), an honest forecast;
  - with a `demandcast evaluate` forecasts.csv: each model's forecast rescaled per series to the
    actual 28-day mean (its shape with a perfect level), beside its own score.
RMSSE as demandcast computes it (scale: mean squared first difference of the history from the first
non-zero value). A floor uses the actuals it scores: it says how much of the error is the level.
Usage: scripts/bench/m5_tiny_floor.py [forecasts.csv ...]   (needs numpy; data from
DEMANDCAST_SHARED_DATA or ../shared/data beside the checkout)
"""
import collections
import csv
import os
import sys

import numpy as np

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.path.join(os.environ.get("DEMANDCAST_SHARED_DATA", os.path.join(root, "..", "shared", "data")), "m5-tiny")
series = collections.OrderedDict()
dates = []
for name in ["train.csv", "test_validation.csv", "test_evaluation.csv"]:
    for row in csv.DictReader(open(os.path.join(data, name))):
        if not series or row["series_id"] == next(iter(series)):
            dates.append(row["date"])
        series.setdefault(row["series_id"], []).append(float(row["value"]))
ids = list(series)
y = {k: np.array(v) for k, v in series.items()}
index = {d: i for i, d in enumerate(dates)}
windows = [("validation", "2016-04-24"), ("test", "2016-05-22")]
kept = np.array(["FOODS_3_702" not in k for k in ids])


def rmsse(k, cutoff, forecast):
    history = y[k][: index[cutoff] + 1]
    history = history[np.nonzero(history)[0][0]:]
    actual = y[k][index[cutoff] + 1: index[cutoff] + 29]
    return np.sqrt(np.mean((actual - forecast) ** 2) / np.mean(np.diff(history) ** 2))


def line(label, per_window):
    cells = []
    for scores in per_window:
        scores = np.array(scores)
        cells.append(f"{scores.mean():.4f} ({scores[kept].mean():.4f})")
    print(f"| {label} | " + " | ".join(cells) + " |")


print("| forecast | validation (without FOODS_3_702) | test (without FOODS_3_702) |")
print("|---|---|---|")
rows = collections.OrderedDict()
for _, cutoff in windows:
    c = index[cutoff]
    for k in ids:
        history, actual = y[k][: c + 1], y[k][c + 1: c + 29]
        week = history[-364:].reshape(-1, 7).mean(axis=0)
        profile = np.tile(week / week.mean() if week.mean() > 0 else np.ones(7), 4)
        rows.setdefault("hindsight: best constant (actual 28-day mean)", []).append(rmsse(k, cutoff, np.full(28, actual.mean())))
        rows.setdefault("hindsight: actual 28-day mean x last year's day-of-week profile", []).append(
            rmsse(k, cutoff, actual.mean() * profile))
        for w in [7, 14, 28, 56, 91, 182]:
            rows.setdefault(f"mean of the last {w} days", []).append(rmsse(k, cutoff, np.full(28, history[-w:].mean())))
for label, scores in rows.items():
    line(label, [scores[: len(ids)], scores[len(ids):]])

for path in sys.argv[1:]:
    forecasts = collections.defaultdict(dict)
    for row in csv.DictReader(open(path)):
        f = forecasts[(row["model"], row["cutoff"])].setdefault(row["series_id"], np.full(28, np.nan))
        f[index[row["date"]] - index[row["cutoff"]] - 1] = float(row["forecast"])
    for model in sorted({m for m, _ in forecasts}):
        own, rescaled = [], []
        for _, cutoff in windows:
            f = forecasts.get((model, cutoff))
            if f is None:
                own.append([np.nan] * len(ids))
                rescaled.append([np.nan] * len(ids))
                continue
            c = index[cutoff]
            own.append([rmsse(k, cutoff, f[k]) for k in ids])
            level = [y[k][c + 1: c + 29].mean() for k in ids]
            rescaled.append([rmsse(k, cutoff, f[k] * (m / f[k].mean()) if f[k].mean() > 0 else np.full(28, m))
                             for k, m in zip(ids, level)])
        line(f"`{model}`", own)
        line(f"hindsight: `{model}` rescaled to the actual 28-day mean", rescaled)
