#!/usr/bin/env bash
# Issue 13's benchmark: the deep families against seasonal naive, auto ETS and the best ML model, on
# real data, from one run. Per data set, each model of its bench config (configs/deep-<set>.yaml,
# `models:`) is backtested by its own `demandcast evaluate` process on the reference protocol, so
# each model's peak memory (maximum resident set size of the JVM, /usr/bin/time -v) and wall / CPU
# seconds are its own; the deep families' epochs run, best epoch and seconds per epoch come from the
# fit summaries of metrics.json (`fits`). R forecast's reference methods run on the same protocol
# (scripts/bench/ml.R). One table per data set.
#   m5-aggregates  114 M5 aggregate series, h = 28: mean WRMSSE over levels 1, 2, 3, 8, 9; target:
#                  the LSTM beats R ets (0.609)
#   m5-tiny        280 intermittent M5 item-store series, h = 28: mean RMSSE; the LSTM pre-trained on
#                  m5-smooth-items-ca and fine-tuned, against the same network trained on m5-tiny
#                  alone and sba (0.842)
# A model added to a bench config appears without touching this script.
# Usage: scripts/bench/deep.sh [m5-aggregates] [m5-tiny]    (default: both)
#   R=0          skip the R references
#   ONLY=a,b     run only these models of the configs (by name; seasonal naive always runs)
#   REPORT=1     run nothing: print the tables of an earlier run's outputs
#   BENCH_OUT    output folder (default build/bench/deep)
#   BACKEND=cuda every run with --backend cuda (a CUDA build, docs/gpu.md): fails rather than time the CPU
#   OMP_NUM_THREADS  ND4J threads (scripts/demandcast's default: 1)
#   JAVA_OPTS    the JVM's options (default -Xmx6g)
# Needs ../shared/data beside the checkout (the configs read it in place), python3 with PyYAML.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ -d ../shared/data ]] || { echo "deep.sh: ../shared/data not found beside the checkout" >&2; exit 2; }
python3 -c 'import yaml' 2>/dev/null || { echo "deep.sh: python3 with PyYAML is needed (apt-get install python3-yaml)" >&2; exit 2; }
out="${BENCH_OUT:-build/bench/deep}"
datasets=("$@")
[[ ${#datasets[@]} -gt 0 ]] || datasets=(m5-aggregates m5-tiny)
config_of() {
  case "$1" in
    m5-aggregates) echo configs/deep-m5-aggregates.yaml ;;
    m5-tiny) echo configs/deep-m5-tiny-transfer.yaml ;;
    *) echo "deep.sh: unknown data set '$1' (m5-aggregates, m5-tiny)" >&2; exit 2 ;;
  esac
}
# Configs whose prepared data a bench config reads besides its own (lstm's pretrain: {prepared: ...}).
also_prepare() {
  case "$1" in
    m5-tiny) echo configs/deep-m5-smooth-ca-pretrain.yaml ;;
  esac
}
data_dir() {
  case "$1" in
    m5-aggregates) echo ../shared/data/m5-aggregates ;;
    m5-tiny) echo ../shared/data/m5-tiny ;;
  esac
}
for d in "${datasets[@]}"; do
  config_of "$d" > /dev/null
  [[ -f "$(config_of "$d")" ]] || { echo "deep.sh: $(config_of "$d") not found" >&2; exit 2; }
done
script=deep.sh
# The heap the measured runs had: the 4-network lstm and its combination partner train in one process.
export JAVA_OPTS="${JAVA_OPTS:--Xmx6g}"
# shellcheck source=scripts/bench/common.sh
source scripts/bench/common.sh
check_r
build_jar

for d in "${datasets[@]}"; do
  [[ "${REPORT:-0}" == 1 ]] && break
  config="$(config_of "$d")"
  dir="$out/$d"
  rm -rf "$dir"
  mkdir -p "$dir/models"
  echo "== $d ($config)" >&2
  for other in $(also_prepare "$d"); do
    scripts/demandcast prepare -q -c "$other"
  done
  timed "$dir/prepare" scripts/demandcast prepare -q -c "$config"
  # One line per model of the config: "<name>\t<model entry as JSON>".
  python3 - "$config" "${ONLY:-}" > "$dir/models.tsv" <<'PY'
import json, sys, yaml
cfg = yaml.safe_load(open(sys.argv[1]))
only = {n for n in sys.argv[2].split(",") if n}
for m in cfg.get("models") or []:
    name = m.get("name") or m["family"]
    if not only or name in only:
        print(name + "\t" + json.dumps(m))
PY
  while IFS=$'\t' read -r name entry; do
    echo "-- $d: $name" >&2
    timed "$dir/models/$name" scripts/demandcast evaluate -q -c "$config" --backend "${BACKEND:-auto}" --set "models=[$entry]" \
      --set "evaluate.output=$dir/models/$name" \
      || echo "deep.sh: $name failed on $d (see above)" >&2
  done < "$dir/models.tsv"
  if [[ $with_r == 1 ]]; then
    timed "$dir/r" Rscript scripts/bench/ml.R "$d" "$(data_dir "$d")" > "$dir/r.tsv" 2> "$dir/r.log" \
      || { echo "deep.sh: R failed on $d (see $dir/r.log)" >&2; : > "$dir/r.tsv"; }
  fi
done

python3 - "$out" "${datasets[@]}" <<'PY'
import json, math, os, sys

out, datasets = sys.argv[1], sys.argv[2:]
SPECS = {
    "m5-aggregates": dict(
        title="M5 aggregates, 114 series (levels 1, 2, 3, 8, 9), fit to 2016-05-22, h = 28 (test_evaluation)",
        headline=("wrmsse", "WRMSSE"),
        columns=[("wrmsse_l1", "L1"), ("wrmsse_l2", "L2"), ("wrmsse_l3", "L3"), ("wrmsse_l8", "L8"),
                 ("wrmsse_l9", "L9"), ("direction_f1", "dirF1")],
        target=("lstm", 0.609, "the best lstm row (the family, or a combination of its models) beats R ets (0.609)"),
        note="WRMSSE: mean over the 5 levels of the official evaluation-weighted RMSSE; references: "
             "M5 ES_bu 0.578, R ets 0.609, sNaive 0.728, winner 0.392"),
    "m5-tiny": dict(
        title="m5-tiny, 280 intermittent M5 item-store series, fit to 2016-05-22, h = 28 (test_evaluation)",
        headline=("rmsse", "RMSSE"),
        columns=[("mase", "MASE"), ("rmsse_l12_weighted", "RMSSE w12"), ("direction_f1", "dirF1")],
        target=None,
        note="references: sba 0.842, croston 0.849 (R identical), seasonal naive 1.071"),
}

def fmt(v, width=8):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a".rjust(width)
    if isinstance(v, str):
        return v.rjust(width)
    return (f"{v:.2f}" if abs(v) >= 10 else f"{v:.4f}").rjust(width)

def times(path):
    try:
        return open(path).read().split()
    except OSError:
        return ["n/a", "n/a", "n/a"]

def model_rows(base):
    """One row per model run: its values, its process's wall / CPU / peak memory, its fits."""
    rows = []
    models = os.path.join(base, "models")
    tsv = os.path.join(base, "models.tsv")
    entries = dict(l.rstrip("\n").split("\t", 1) for l in open(tsv)) if os.path.exists(tsv) else {}
    for name, entry in entries.items():
        entry = json.loads(entry)
        metrics = os.path.join(models, name, "metrics.json")
        if not os.path.exists(metrics):
            rows.append((name, {}, None, times(os.path.join(models, name + ".times")), "failed"))
            continue
        report = json.load(open(metrics))
        for m in report["models"]:
            if m.get("role") == "baseline" and m["name"] != name:
                continue
            values = dict(m["metrics"])
            levels = {}
            for w in m.get("by_window") or []:
                for level, v in (w.get("wrmsse_by_level") or {}).items():
                    levels.setdefault(level, []).append(v)
            for level, vs in levels.items():
                values[f"wrmsse_l{level}"] = sum(vs) / len(vs)
            values["rmsse_l12_weighted"] = (m.get("file_weighted") or {}).get("rmsse")
            # a combination reports its networks' fits under "members": one entry per network member
            fits = [member for f in m.get("fits") or [] for member in (f.get("members") or [f])]
            family = m["family"]
            members = {e.get("family") for e in (entry.get("params") or {}).get("members") or []}
            if m["name"] == name and family == "combination" and len(members) == 1:
                family += "(" + members.pop() + ")"   # a combination of one family's models counts as that family
            rows.append((m["name"], values, fits, times(os.path.join(models, name + ".times")), family))
    return rows

def r_rows(tsv):
    rows = []
    if not os.path.exists(tsv):
        return rows
    for line in open(tsv):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2:
            continue
        values = {k: float(v) for k, v in (c.split("=", 1) for c in cells[1:])}
        cpu = values.pop("cpu_seconds", None)
        rows.append((cells[0] if cells[0].startswith("R ") else "R " + cells[0], values, None, ["n/a", f"{cpu:.1f}" if cpu is not None else "n/a", "n/a"], "R"))
    return rows

for d in datasets:
    spec = SPECS[d]
    key, label = spec["headline"]
    base = os.path.join(out, d)
    ours = model_rows(base)
    if not ours:
        print(f"\n== {d}: no model runs in {base}/models (failed or not run)")
        continue
    theirs = r_rows(os.path.join(base, "r.tsv"))
    headline = lambda r: r[1].get(key) if r[1].get(key) is not None else math.inf
    print(f"\n== {d}: {spec['title']}")
    print(f"   {spec['note']}")
    cols = spec["columns"]
    widths = [max(8, len(c[1])) for c in cols]
    header = (f"{'model':<30} {'family':<18} {label:>8} " + " ".join(f"{c[1]:>{w}}" for c, w in zip(cols, widths))
              + f" {'epochs':>6} {'best':>4} {'s/epoch':>7} {'wall s':>7} {'cpu s':>7} {'peak MiB':>8}")
    print(header)
    print("-" * len(header))
    for name, values, fits, (wall, cpu, rss), family in sorted(ours, key=headline) + sorted(theirs, key=headline):
        epochs = best = per_epoch = "-"
        if fits:
            epochs = "/".join(str(f.get("epochs_run")) for f in fits)
            best = "/".join(str(f.get("best_epoch")) for f in fits)
            per_epoch = "/".join(f"{f.get('seconds_per_epoch', float('nan')):.1f}" for f in fits)
        print(f"{name:<30} {family:<18} {fmt(values.get(key))} "
              + " ".join(fmt(values.get(c[0]), w) for c, w in zip(cols, widths))
              + f" {epochs:>6} {best:>4} {per_epoch:>7} {wall:>7} {cpu:>7} {rss:>8}")
    backends = sorted({f.get("backend") for r in ours for f in (r[2] or []) if f.get("backend")})
    if backends:
        print("deep families trained on: " + "; ".join(backends))
    if spec["target"]:
        family, bound, text = spec["target"]
        deep = [r for r in ours if r[4] in (family, f"combination({family})") and r[1].get(key) is not None]
        if deep:
            best_row = min(deep, key=headline)
            verdict = "PASS" if headline(best_row) < bound else "FAIL"
            print(f"target: {text}: best {best_row[0]} {fmt(headline(best_row), 0)} -> {verdict}")
    p = times(os.path.join(base, "prepare.times"))
    print(f"prepare wall {p[0]} s; wall / cpu s and peak memory are each model's own evaluate process"
          + " (seasonal naive, the baseline, runs in every one); R: CPU seconds")
print(f"\nreports: {out}/<dataset>/models/<model>/report.html")
PY
