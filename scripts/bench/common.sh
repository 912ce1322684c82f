# Shared by the bench scripts (sourced, from the repository root): the R check, building the jar
# when missing, and timing a command. The caller sets $script (its name, for messages).

# Sets with_r=1 when R with the forecast package is here and R rows are wanted (R != 0, REPORT != 1).
check_r() {
  with_r=0
  if [[ "${R:-1}" != 0 && "${REPORT:-0}" != 1 ]]; then
    if command -v Rscript >/dev/null && Rscript -e 'library(forecast)' >/dev/null 2>&1; then
      with_r=1
    else
      echo "$script: Rscript with the forecast package not found (apt-get install r-cran-forecast): no R rows" >&2
    fi
  fi
}

# Builds cli/target/demandcast.jar when it is missing (and something is to run).
build_jar() {
  [[ -f cli/target/demandcast.jar || "${REPORT:-0}" == 1 ]] || mvn -B -q -DskipTests package >&2
}

# Runs a command under /usr/bin/time -v (when present) and writes "<wall> <cpu> <peak MiB>" to
# $1.times: wall and CPU seconds, and the maximum resident set size (n/a without /usr/bin/time).
timed() {
  local file="$1"; shift
  local start end
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$file.time" "$@"
  else
    "$@"
  fi
  end=$(date +%s.%N)
  local cpu=n/a rss=n/a
  if [[ -f "$file.time" ]]; then
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$file.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$file.time")
  fi
  awk -v s="$start" -v e="$end" -v c="$cpu" -v r="$rss" 'BEGIN {printf "%.1f %s %s\n", e - s, c, r}' > "$file.times"
}
