#!/usr/bin/env python3
"""Simulated stockouts on m5-tiny (M5 has no stock data): a helper of scripts/bench/stockouts.sh.

  stockouts.py mark <m5-tiny dir> <out.csv> [min_run] [min_rate]
      Writes train.csv + test_validation.csv (never test_evaluation) as one file with an in_stock
      column: 0 on every run of at least min_run (14) zero-sale days after a series' first sale, in
      series that sell at least min_rate (1.0) units a day on their other days (a Poisson rate of 1
      gives 14 zero days in a row with probability e^-14: such a run is a stockout, not chance);
      1 elsewhere. Prints how many series and days it marked.

  stockouts.py inject <m5-tiny dir> <out.csv> <truth.csv> [seed]
      Stockouts with a known truth: in every series selling at least 1 unit a day over the year before
      2016-03-27, two runs of 14 to 28 days placed at random in that year (seeded) have their sales set
      to 0 and in_stock 0. Writes them as out.csv, and the untouched data (in_stock 1 everywhere) as
      truth.csv, so runs can be compared with the one fitted on the true demand. The validation
      windows after 2016-03-27 are not touched.

  stockouts.py score <out.csv> [--affected-from <injected.csv>] <forecasts.csv> [<forecasts.csv> ...]
      Scores each evaluate forecasts.csv (columns series_id,date,model,window,...,actual,forecast)
      on the days in stock only, so runs fitted with and without censoring are compared on the same
      periods: MAE, RMSE, bias (mean f - y) and mean RMSSE per series and window (M5 scale: lag-1
      differences of the series before the cutoff, from its first sale, the days in stock only).
"""
import csv
import math
import sys
from collections import defaultdict


def read_rows(paths):
    header = None
    rows = []
    for path in paths:
        with open(path, newline="") as f:
            r = csv.reader(f)
            h = next(r)
            if header is None:
                header = h
            elif h != header:
                sys.exit(f"{path}: header differs from the first file's")
            rows.extend(r)
    return header, rows


def mark(data, out, min_run=14, min_rate=1.0):
    header, rows = read_rows([f"{data}/train.csv", f"{data}/test_validation.csv"])
    by_series = defaultdict(list)
    for i, row in enumerate(rows):
        by_series[row[0]].append(i)
    stock = [1] * len(rows)
    marked_series = 0
    marked_days = 0
    for sid, idx in by_series.items():
        idx.sort(key=lambda i: rows[i][1])
        y = [float(rows[i][2]) if rows[i][2] not in ("", "NA") else math.nan for i in idx]
        first = next((t for t, v in enumerate(y) if v > 0), None)
        if first is None:
            continue
        runs = []
        t = first
        while t < len(y):
            if y[t] == 0:
                u = t
                while u < len(y) and y[u] == 0:
                    u += 1
                if u - t >= min_run:
                    runs.append((t, u))
                t = u
            else:
                t += 1
        inside = set(t for a, b in runs for t in range(a, b))
        other = [v for t, v in enumerate(y) if t >= first and t not in inside and not math.isnan(v)]
        if not runs or not other or sum(other) / len(other) < min_rate:
            continue
        marked_series += 1
        for t in inside:
            stock[idx[t]] = 0
            marked_days += 1
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + ["in_stock"])
        for row, s in zip(rows, stock):
            w.writerow(row + [s])
    print(f"marked {marked_days} days out of stock in {marked_series} of {len(by_series)} series "
          f"(runs of >= {min_run} zero days after the first sale, series selling >= {min_rate}/day otherwise)")


def inject(data, out, truth, seed=7):
    import random
    rng = random.Random(seed)
    header, rows = read_rows([f"{data}/train.csv", f"{data}/test_validation.csv"])
    by_series = defaultdict(list)
    for i, row in enumerate(rows):
        by_series[row[0]].append(i)
    stock = [1] * len(rows)
    sales = [row[2] for row in rows]
    injected_series = injected_days = 0
    for sid in sorted(by_series):
        idx = sorted(by_series[sid], key=lambda i: rows[i][1])
        year = [i for i in idx if "2015-03-28" <= rows[i][1] <= "2016-03-27"]
        values = [float(rows[i][2]) for i in year if rows[i][2] not in ("", "NA")]
        if len(year) < 365 or sum(values) / len(values) < 1.0:
            continue
        injected_series += 1
        for _ in range(2):
            length = rng.randint(14, 28)
            start = rng.randrange(0, len(year) - length + 1)
            for i in year[start:start + length]:
                if stock[i]:
                    injected_days += 1
                stock[i] = 0
                sales[i] = "0"
    for path, cells, flags in ((out, sales, stock), (truth, [row[2] for row in rows], [1] * len(rows))):
        with open(path, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header + ["in_stock"])
            for row, v, flag in zip(rows, cells, flags):
                w.writerow([row[0], row[1], v] + row[3:] + [flag])
    print(f"injected {injected_days} out-of-stock days (sales set to 0) in {injected_series} of {len(by_series)} series (seed {seed})")


def score(marked, forecast_files, affected_from=None):
    header, rows = read_rows([marked])
    col = {c: i for i, c in enumerate(header)}
    history = defaultdict(list)
    for row in rows:
        history[row[0]].append((row[1], float(row[2]) if row[2] not in ("", "NA") else math.nan, row[col["in_stock"]] == "1"))
    for h in history.values():
        h.sort()
    out_of_stock = {(sid, d) for sid, h in history.items() for d, _, ok in h if not ok}

    def scale(sid, cutoff):
        xs = [v if ok else math.nan for d, v, ok in history[sid] if d <= cutoff]
        start = next((t for t, v in enumerate(xs) if v == v and v != 0), None)
        if start is None:
            return math.nan
        diffs = [(xs[t] - xs[t - 1]) ** 2 for t in range(start + 1, len(xs)) if xs[t] == xs[t] and xs[t - 1] == xs[t - 1]]
        return math.sqrt(sum(diffs) / len(diffs)) if diffs else math.nan

    affected = {sid for sid, _ in out_of_stock}
    if affected_from:  # injected stockouts: the series they were injected into (the scored truth has none)
        _, injected = read_rows([affected_from])
        affected = {r[0] for r in injected if r[-1] == "0"}
    for label, keep in (("every series", lambda sid: True), (f"the {len(affected)} series with stockouts", affected.__contains__)):
        print(f"== {label}")
        table(forecast_files, out_of_stock, scale, keep)


def table(forecast_files, out_of_stock, scale, keep):
    print(f"{'run':<28} {'model':<16} {'periods':>8} {'excluded':>8} {'MAE':>8} {'RMSE':>8} {'bias':>8} {'RMSSE':>8}")
    for path in forecast_files:
        _, frows = read_rows([path])
        by_model = defaultdict(lambda: defaultdict(list))
        for r in frows:
            sid, date, model, window, cutoff, intervals, actual, forecast = r[:8]
            if intervals != "model" or not keep(sid):
                continue
            by_model[model][(sid, window, cutoff)].append((date, float(actual) if actual else math.nan, float(forecast)))
        for model, cells in by_model.items():
            n = excluded = 0
            abs_sum = sq_sum = err_sum = 0.0
            rmsses = []
            for (sid, window, cutoff), points in cells.items():
                sq = 0.0
                k = 0
                for date, y, f in points:
                    if (sid, date) in out_of_stock:
                        excluded += 1
                        continue
                    if y != y:
                        continue
                    n += 1
                    k += 1
                    abs_sum += abs(f - y)
                    sq_sum += (f - y) ** 2
                    err_sum += f - y
                    sq += (f - y) ** 2
                s = scale(sid, cutoff)
                if k and s == s and s > 0:
                    rmsses.append(math.sqrt(sq / k) / s)
            run = path.split("/")[-3] if path.count("/") >= 2 else path
            print(f"{run:<28} {model:<16} {n:>8} {excluded:>8} {abs_sum / n:>8.4f} {math.sqrt(sq_sum / n):>8.4f} "
                  f"{err_sum / n:>8.4f} {sum(rmsses) / len(rmsses):>8.4f}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "mark":
        mark(sys.argv[2], sys.argv[3], *(int(sys.argv[4]),) if len(sys.argv) > 4 else (),
             *(float(sys.argv[5]),) if len(sys.argv) > 5 else ())
    elif len(sys.argv) >= 5 and sys.argv[1] == "inject":
        inject(sys.argv[2], sys.argv[3], sys.argv[4], *(int(sys.argv[5]),) if len(sys.argv) > 5 else ())
    elif len(sys.argv) >= 6 and sys.argv[1] == "score" and sys.argv[3] == "--affected-from":
        score(sys.argv[2], sys.argv[5:], sys.argv[4])
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
