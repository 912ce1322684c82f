#!/usr/bin/env bash
# Per-core efficiency of the statistical engine against R forecast (issue 16): for each data set
# (m5-aggregates: 114 long daily series; aus-retail: 152 long monthly; dominicks-orange-juice: 913
# short weekly series with gaps) and each family (auto_ets vs R ets(), auto_arima vs R
# auto.arima(), theta vs R thetaf()), fits every series of the reference history and forecasts the
# test horizon in demandcast (PerCoreBenchmark: one JVM per data set and family, the family from
# ModelRegistry as `train` runs it) and in R (percore.R, single-threaded Rscript), interleaved, and
# prints per (data set, family):
#   R CPU s       CPU seconds of R's fit + forecast loop (proc.time(), data loading excluded)
#   DC CPU s      process CPU seconds of demandcast's fit + forecast loop (JIT and GC threads
#                 count; data loading excluded); with REPEAT=n the loop runs n times in one JVM and
#                 "DC warm" is the last pass (JIT warm-up = first pass - warm pass)
#   R/DC          the per-core ratio R CPU / DC CPU (first pass)
#   DC proc       the whole JVM's CPU seconds (/usr/bin/time: start-up and data loading included)
#   walls         wall seconds of each loop (demandcast fits series in parallel on every core)
#   sMAPE         of each on the test data (same formula, scored by percore.R), their difference,
#                 and how many series' forecasts differ from R's by more than 1 % at some step
# Usage: scripts/bench/percore.sh [family ...]      (default: auto_ets auto_arima theta)
# Env:   DATASETS="m5-aggregates aus-retail dominicks-orange-juice" (restrict the data sets)
#        DEMANDCAST_JAR=path/to/demandcast.jar (default: this checkout's cli/target/demandcast.jar)
#        DEMANDCAST_SHARED_DATA=folder of the data sets (default: ../shared/data)
#        REPEAT=n (passes of demandcast's loop in one JVM, default 1)   R=0 (skip R: no ratio)
#        SERIES=n (only the first n series of each data set, on both sides; R's auto.arima takes
#          minutes of CPU per long daily series, so the m5-aggregates auto_arima row needs it)
#        OUT=folder (keep the forecast CSVs there: R-<set>-<family>.csv, DC-<set>-<family>.csv)
set -euo pipefail
script=percore.sh
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DEMANDCAST_SHARED_DATA:-$root/../shared/data}"
jar="${DEMANDCAST_JAR:-$root/cli/target/demandcast.jar}"
if [[ ! -f "$jar" ]]; then
  if [[ -n "${DEMANDCAST_JAR:-}" ]]; then echo "$script: $jar not found" >&2; exit 2; fi
  (cd "$root" && nice -n 19 mvn -B -q -o -DskipTests package >&2)
fi
# shellcheck source=common.sh
source "$root/scripts/bench/common.sh"
check_r
families=("$@")
[[ ${#families[@]} -gt 0 ]] || families=(auto_ets auto_arima theta)
read -r -a datasets <<< "${DATASETS:-m5-aggregates aus-retail dominicks-orange-juice}"
for ds in "${datasets[@]}"; do
  [[ -d "$data/$ds" ]] || { echo "$script: $data/$ds not found (set DEMANDCAST_SHARED_DATA)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${OUT:-$work}"
mkdir -p "$out"
# R single-threaded, whatever BLAS it links (set for Rscript only: nproc and the JVM are left alone)
rscript=(env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice -n 19 Rscript)
field() { tr '\t' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

rows=()
for ds in "${datasets[@]}"; do
  for fam in "${families[@]}"; do
    echo "== $ds $fam" >&2
    dcf="$out/DC-$ds-$fam.csv"
    timed "$work/dc" nice -n 19 java -Xmx2g -cp "$jar" io.demandcast.cli.bench.PerCoreBenchmark \
      "$ds" "$data/$ds" "$fam" "$dcf" "${REPEAT:-1}" "${SERIES:-0}" > "$work/dc.out"
    cat "$work/dc.out" >&2
    first="$(grep -m1 $'^DC\t' "$work/dc.out")"
    last="$(grep $'^DC\t' "$work/dc.out" | tail -n 1)"
    dc_cpu="$(field "$first" cpu_seconds)"; dc_wall="$(field "$first" wall_seconds)"
    dc_warm="$(field "$last" cpu_seconds)"
    read -r _ dc_proc _ < "$work/dc.times"
    r_cpu=-; r_wall=-; ratio=-; smape_r=-; smape_dc=-; diff=-; differing=-
    if [[ $with_r == 1 ]]; then
      rf="$out/R-$ds-$fam.csv"
      rline="$("${rscript[@]}" "$root/scripts/bench/percore.R" fit "$ds" "$data/$ds" "$fam" "$rf")"
      echo "$rline" >&2
      r_cpu="$(field "$rline" cpu_seconds)"; r_wall="$(field "$rline" wall_seconds)"
      ratio="$(awk -v r="$r_cpu" -v d="$dc_cpu" 'BEGIN {printf "%.1fx", r / d}')"
      sline="$("${rscript[@]}" "$root/scripts/bench/percore.R" score "$ds" "$data/$ds" "$rf" "$dcf")"
      smape_r="$(field "$sline" smape_r)"; smape_dc="$(field "$sline" smape_dc)"
      diff="$(awk -v a="$smape_dc" -v b="$smape_r" 'BEGIN {printf "%+.4f", a - b}')"
      differing="$(field "$sline" differing)/$(field "$sline" series)"
    fi
    rows+=("$ds $fam $r_cpu $dc_cpu $ratio $dc_warm $dc_proc $r_wall $dc_wall $smape_r $smape_dc $diff $differing")
  done
done

echo "# per-core comparison with R forecast $(Rscript -e 'cat(format(packageVersion("forecast")))' 2>/dev/null || echo '?'); $(nproc) cores; REPEAT=${REPEAT:-1}${SERIES:+; first $SERIES series of each data set}"
printf '%-24s %-11s %9s %9s %7s %9s %8s %8s %8s %9s %9s %8s %10s\n' \
  "data set" family "R CPU s" "DC CPU s" "R/DC" "DC warm" "DC proc" "R wall" "DC wall" "sMAPE R" "sMAPE DC" "diff" ">1% diff"
for r in "${rows[@]}"; do
  # shellcheck disable=SC2086
  printf '%-24s %-11s %9s %9s %7s %9s %8s %8s %8s %9s %9s %8s %10s\n' $r
done
