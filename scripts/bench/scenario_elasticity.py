#!/usr/bin/env python3
"""Compares predict --scenario's price-cut lifts with each series' own-price elasticity (issue 17).

Usage: scenario_elasticity.py <train.csv> <scenarios.totals.csv> [scenario] [cut]
  train.csv: series_id,date,...,value,price,deal,feat (Dominick's orange juice layout)
  totals:    the per-series totals CSV of predict --scenario (series_id,scenario,...,lift_pct)
  scenario:  the scenario to read (default price_cut_10); cut: its price multiplier (default 0.9)

Per series, e is the slope on log(price) of a plain OLS of log(units) on 1, log(price), deal and feat
over the weeks with units > 0 and a price (the issue's "plain per-series log-log regression"); the
lift it implies for price x cut is cut**e - 1. Prints the lift's figures and how they compare.
"""
import csv
import sys
from collections import defaultdict

import numpy as np


def elasticities(path):
    rows = defaultdict(list)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            try:
                y = float(r["value"])
                p = float(r["price"])
            except ValueError:
                continue
            if y > 0 and p > 0:
                rows[r["series_id"]].append((np.log(y), np.log(p), float(r["deal"] or 0), float(r["feat"] or 0)))
    out = {}
    for sid, obs in rows.items():
        a = np.array(obs)
        x = np.column_stack([np.ones(len(a)), a[:, 1], a[:, 2], a[:, 3]])
        # a dummy that never varies in a series' history is dropped rather than made singular
        keep = [0, 1] + [j for j in (2, 3) if np.ptp(x[:, j]) > 0]
        if len(a) <= len(keep) or np.ptp(x[:, 1]) == 0:
            continue
        beta, *_ = np.linalg.lstsq(x[:, keep], a[:, 0], rcond=None)
        out[sid] = beta[1]
    return out


def main():
    train, totals = sys.argv[1], sys.argv[2]
    scenario = sys.argv[3] if len(sys.argv) > 3 else "price_cut_10"
    cut = float(sys.argv[4]) if len(sys.argv) > 4 else 0.9
    e = elasticities(train)
    lift = {}
    with open(totals, newline="") as f:
        for r in csv.DictReader(f):
            if r["scenario"] == scenario and r["lift_pct"] != "":
                lift[r["series_id"]] = float(r["lift_pct"])
    ids = sorted(set(e) & set(lift))
    el = np.array([e[i] for i in ids])
    lp = np.array([lift[i] for i in ids])
    implied = 100 * (cut ** el - 1)
    diff = lp - implied
    neg = el < 0
    print(f"series with a lift and an elasticity: {len(ids)} (lifts {len(lift)}, elasticities {len(e)})")
    print(f"elasticity e: median {np.median(el):.3f}, negative for {neg.mean() * 100:.1f} % of series")
    print(f"lift % of the scenario: median {np.median(lp):.2f}, positive for {(lp > 0).mean() * 100:.1f} % of series"
          f" ({(lp > 0).sum()} of {len(lp)}), negative for {(lp < 0).sum()}")
    print(f"implied lift % (cut**e - 1): median {np.median(implied):.2f}")
    print(f"lift - implied, percentage points: median {np.median(diff):.2f}, median |.| {np.median(np.abs(diff)):.2f},"
          f" within 10 points for {(np.abs(diff) <= 10).mean() * 100:.1f} %")
    print(f"correlation of lift % and implied %: Pearson {np.corrcoef(lp, implied)[0, 1]:.3f},"
          f" Spearman {np.corrcoef(np.argsort(np.argsort(lp)), np.argsort(np.argsort(implied)))[0, 1]:.3f}")
    wrong = (neg & (lp < 0)).sum()
    print(f"wrong sign (e < 0 but the cut lowers demand): {wrong} of {neg.sum()} series ({wrong / max(neg.sum(), 1) * 100:.1f} %)")
    edges = np.percentile(el, [25, 50, 75])
    band = np.digitize(el, edges)
    parts = []
    for b in range(4):
        m = band == b
        parts.append(f"e {np.median(el[m]):.2f}: lift {np.median(lp[m]):.1f} (implied {np.median(implied[m]):.1f})")
    print("by quartile of e, most elastic first, medians: " + "; ".join(parts))
    ratio = lp[neg] / implied[neg]
    print(f"lift / implied over series with e < 0: median {np.median(ratio):.3f}, quartiles {np.percentile(ratio, 25):.3f} .. {np.percentile(ratio, 75):.3f}")


if __name__ == "__main__":
    main()
