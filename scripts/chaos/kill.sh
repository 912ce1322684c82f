#!/usr/bin/env bash
# Crash safety under kills: runs prepare, train, predict and evaluate on a copy of sample-data/ and
# kills each run with SIGKILL or SIGTERM at a random moment between JVM start and the end of the
# verb's work, then runs the same verb again without a kill (the "next run") and checks:
#   - every version in the store loads and its checksums verify (demandcast predict
#     --set predict.version=<v>), and LATEST loads;
#   - LATEST names the newest version after the next run (never behind);
#   - no leftovers after the next run: none of our temporaries (.tmp-*, .<name>.tmp-*,
#     .<name>.old-*) anywhere in the project;
#   - the prepared dataset, the evaluation directory and the forecast file are, right after the
#     kill, either the previous complete ones or new complete ones, never torn.
# Prints a table of kills per verb and signal and of failures by kind; exits 1 on any failure.
#
# Usage: scripts/chaos/kill.sh            (from anywhere; builds cli/target/demandcast.jar if missing)
# Environment: KILLS (kills that land, default 52), SEED (of the delays and signals, default random,
# printed), VERBS (default "prepare train predict evaluate"), KEEP=1 keeps the project directory,
# JAVA_OPTS (default: a small heap and the quick JIT, as these runs are short).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
script=kill.sh
# shellcheck source=../bench/common.sh
source scripts/bench/common.sh
build_jar

KILLS="${KILLS:-52}"
SEED="${SEED:-$(( $(date +%s) % 32768 ))}"
VERBS="${VERBS:-prepare train predict evaluate}"
export JAVA_OPTS="${JAVA_OPTS:--Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
RANDOM="$SEED"
read -r -a verbs <<< "$VERBS"

work="$(mktemp -d "${TMPDIR:-/tmp}/demandcast-chaos.XXXXXX")"
log="$work.log"
cleanup() { [[ "${KEEP:-0}" == 1 ]] || rm -rf "$work"; }
trap cleanup EXIT
cp -r sample-data "$work/"
mkdir "$work/configs"
# The quickstart, with evaluate reduced to seasonal naive on two windows so that each run is short,
# and one named evaluation directory (replaced by each run: the replacement is what is checked here).
sed -e '/^  - {family: sba}/d' -e '/^  - {family: auto}/d' -e 's/^  windows: 3 .*/  windows: 2/' \
  -e 's|^evaluate:$|evaluate:\n  output: build/evaluation/quickstart|' \
  configs/quickstart.yaml > "$work/configs/chaos.yaml"
config=configs/chaos.yaml
prepared="$work/build/prepared/quickstart"
evaluation="$work/build/evaluation/quickstart"
forecast="$work/build/forecasts/quickstart.csv"
model_dir="$work/build/artifacts/quickstart-snaive"
eval_files="fit_report.csv forecasts.csv leaderboard.csv metrics.json per_series.csv report.html report.md"

say() { echo "$*" | tee -a "$log" >&2; }

# Runs a verb in the project directory, in the background; sets $pid.
start() {
  ( cd "$work" && exec "$root/scripts/demandcast" "$@" $(forced "$1") -c "$config" -q ) >>"$work.out" 2>>"$log" &
  pid=$!
}

# Runs demandcast in the foreground; its exit code.
dc() {
  ( cd "$work" && exec "$root/scripts/demandcast" "$@" $(forced "$1") -c "$config" -q ) 2>>"$log"
}

# train --force: an unforced train on unchanged data publishes nothing, and every train must publish
# for the kills to land in publishing.
forced() { [[ "$1" == train ]] && echo --force || true; }

now_ms() { date +%s%3N; }

# A random integer in [0, $1).
random_below() { echo $(( (RANDOM * 32768 + RANDOM) % $1 )); }

# Our temporaries anywhere in the project (the store's .tmp-*, AtomicFiles' .<name>.tmp-* and .<name>.old-*).
leftovers() {
  find "$work" \( -name '.tmp-*' -o -name '.*.tmp-*' -o -name '.*.old-*' \) -print 2>/dev/null | sed "s|^$work/||"
}

# Versions in the store, oldest first as ArtifactStore lists them: by name without the -N suffix, then by suffix.
versions() {
  [[ -d "$model_dir" ]] || return 0
  find "$model_dir" -mindepth 1 -maxdepth 1 -type d -name '[A-Za-z0-9_]*' -printf '%f\n' |
    awk -F- '{ n = (NF >= 3 && $NF ~ /^[0-9]+$/) ? $NF : 1; base = (n == 1 && NF < 3) ? $0 : substr($0, 1, length($0) - length($NF) - 1); print base, n, $0 }' |
    LC_ALL=C sort -k1,1 -k2,2n | awk '{ print $3 }'
}

latest() { [[ -f "$model_dir/LATEST" ]] && tr -d '\n' < "$model_dir/LATEST"; }

# Failures by kind; details in the log.
declare -A failures=()
fail() {
  local kind="$1"; shift
  failures[$kind]=$(( ${failures[$kind]:-0} + 1 ))
  say "  FAIL $kind: $*"
}

# Tree digest of a directory (names and contents), empty when it does not exist.
tree_sha() {
  [[ -d "$1" ]] || return 0
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}
file_sha() { [[ -f "$1" ]] && sha256sum < "$1" | cut -c1-16; }

# The prepared dataset is whole: a manifest whose panel_sha256 is panel.bin's.
prepared_whole() {
  [[ -f "$prepared/manifest.json" && -f "$prepared/panel.bin" ]] || return 1
  local want
  want="$(grep -o '"panel_sha256" *: *"[0-9a-f]*"' "$prepared/manifest.json" | grep -o '[0-9a-f]\{64\}')"
  [[ -n "$want" && "$want" == "$(sha256sum < "$prepared/panel.bin" | cut -d' ' -f1)" ]]
}

# The evaluation directory is whole: exactly its files, each non-empty, metrics.json closed.
evaluation_whole() {
  [[ -d "$evaluation" ]] || return 1
  [[ "$(cd "$evaluation" && find . -mindepth 1 -printf '%P\n' | sort | tr '\n' ' ')" == "$eval_files " ]] || return 1
  local f
  for f in $eval_files; do [[ -s "$evaluation/$f" ]] || return 1; done
  [[ "$(tail -c 2 "$evaluation/metrics.json" | tr -d '\n ')" == "}" ]]
}

# Forecast files of complete runs seen so far (by digest): a kill must leave one of them.
declare -A known_forecasts=()

# Checks an output right after a kill: the previous complete one or a new complete one.
check_output_after_kill() {
  local verb="$1" before="$2"
  case "$verb" in
    prepare)
      if [[ "$(tree_sha "$prepared")" != "$before" ]] && ! prepared_whole; then
        fail torn_output "prepared dataset neither the old one nor a whole new one"
      fi ;;
    evaluate)
      if [[ "$(tree_sha "$evaluation")" != "$before" ]] && ! evaluation_whole; then
        fail torn_output "evaluation directory neither the old one nor a whole new one: $(ls -A "$evaluation" 2>&1 | tr '\n' ' ')"
      fi ;;
    predict)
      local sha
      sha="$(file_sha "$forecast")"
      if [[ -z "$sha" || -z "${known_forecasts[$sha]:-}" ]]; then
        fail torn_output "forecast file ${sha:-missing} is no complete run's ($(wc -c < "$forecast" 2>/dev/null || echo 0) bytes)"
      fi ;;
  esac
}

# Checks an output after a clean run and records it.
check_output_whole() {
  local verb="$1"
  case "$verb" in
    prepare) prepared_whole || fail torn_output "prepared dataset not whole after a clean run" ;;
    evaluate) evaluation_whole || fail torn_output "evaluation directory not whole after a clean run" ;;
    predict)
      local sha
      sha="$(file_sha "$forecast")"
      [[ -n "$sha" ]] && known_forecasts[$sha]=1 ;;
  esac
}

# Every version not yet verified loads with its checksums checked; then LATEST loads.
declare -A verified=()
check_store() {
  local v
  for v in $(versions); do
    [[ -n "${verified[$v]:-}" ]] && continue
    if dc predict -o - --set "predict.version=$v" > /dev/null; then
      verified[$v]=1
    else
      fail corrupt_version "$v does not load"
      verified[$v]=bad
    fi
  done
  if [[ -n "$(versions)" ]] && ! dc predict -o - > /dev/null; then
    fail latest_unloadable "LATEST ($(latest)) does not load"
  fi
}

# Clean runs of every verb first: outputs to protect, and each verb's duration to spread kills over.
declare -A duration_ms=()
say "kill.sh: seed $SEED, $KILLS kills of: ${verbs[*]}; project $work; log $log"
for verb in prepare train predict evaluate; do
  t0=$(now_ms)
  if ! dc "$verb" > /dev/null; then
    say "kill.sh: the clean $verb run failed (see $log)"; exit 1
  fi
  duration_ms[$verb]=$(( $(now_ms) - t0 ))
  check_output_whole "$verb"
  say "clean $verb: ${duration_ms[$verb]} ms"
done
check_store

declare -A kills=() reported_leftovers=()
landed=0 missed=0 attempt=0 lagging_after_kill=0 leftovers_after_kill=0
started=$(now_ms)
while (( landed < KILLS && attempt < 3 * KILLS )); do
  attempt=$(( attempt + 1 ))
  # Verbs in turn (a run that ends before its signal is tried again), signals at random.
  verb="${verbs[$(( landed % ${#verbs[@]} ))]}"
  if (( RANDOM % 2 )); then sig=KILL; else sig=TERM; fi
  delay=$(random_below "${duration_ms[$verb]}")
  before_prepared="$(tree_sha "$prepared")" before_evaluation="$(tree_sha "$evaluation")"
  left_before="$(leftovers)"
  start "$verb"
  sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -s "$sig" "$pid" 2>/dev/null
  { wait "$pid"; rc=$?; } 2>/dev/null
  if (( rc == 0 )); then
    # The run ended before the signal: no kill; its outputs are a clean run's.
    missed=$(( missed + 1 ))
    say "#$attempt $verb SIG$sig after ${delay} ms: finished first (exit 0), not counted"
    check_output_whole "$verb"
    continue
  fi
  landed=$(( landed + 1 ))
  kills[$verb,$sig]=$(( ${kills[$verb,$sig]:-0} + 1 ))
  say "#$attempt kill $landed: $verb SIG$sig after ${delay} ms: exit $rc"
  # Right after the kill: outputs old or new and whole; what is left over (reported, the next run must clean it).
  case "$verb" in
    prepare) check_output_after_kill prepare "$before_prepared" ;;
    evaluate) check_output_after_kill evaluate "$before_evaluation" ;;
    predict) check_output_after_kill predict "" ;;
  esac
  left="$(comm -13 <(echo "$left_before" | sort) <(leftovers | sort) | sed '/^$/d')"
  if [[ -n "$left" ]]; then
    leftovers_after_kill=$(( leftovers_after_kill + 1 ))
    say "  left by the kill: $(echo "$left" | tr '\n' ' ')"
  fi
  newest="$(versions | tail -n 1)"
  if [[ -n "$newest" && "$(latest)" != "$newest" ]]; then
    lagging_after_kill=$(( lagging_after_kill + 1 ))
    say "  LATEST ($(latest)) lags the newest version $newest after the kill"
  fi
  named_after_kill="$(latest)"
  # The next run, without a kill.
  if ! dc "$verb" > /dev/null; then
    fail next_run_failed "$verb exited non-zero after the kill (see $log)"
    continue
  fi
  check_output_whole "$verb"
  # Each leftover counts once, however many next runs leave it.
  new_left=""
  for path in $(leftovers); do
    [[ -n "${reported_leftovers[$path]:-}" ]] && continue
    reported_leftovers[$path]=1
    new_left+="$path "
  done
  [[ -z "$new_left" ]] || fail leftover "after the next $verb: $new_left"
  newest="$(versions | tail -n 1)"
  [[ "$(latest)" == "$newest" ]] || fail latest_behind "after the next $verb: LATEST names '$(latest)', the newest version is $newest"
  if [[ "$verb" == train ]]; then
    # Versions never change once published: checking them after the next run covers the killed run's too,
    # and LATEST as the kill left it must be one of them.
    check_store
    [[ -z "$named_after_kill" || "${verified[$named_after_kill]:-}" == 1 ]] ||
      fail latest_unloadable "after the kill LATEST named '$named_after_kill', which does not load"
  fi
done
verified=()
check_store
wall=$(( ($(now_ms) - started) / 1000 ))
total=0
for kind in "${!failures[@]}"; do total=$(( total + failures[$kind] )); done

{
  echo
  echo "kills (landed; $missed more runs finished before the signal)"
  printf '%-9s %8s %8s %6s\n' verb SIGKILL SIGTERM total
  for verb in "${verbs[@]}"; do
    k=${kills[$verb,KILL]:-0} t=${kills[$verb,TERM]:-0}
    printf '%-9s %8d %8d %6d\n' "$verb" "$k" "$t" $(( k + t ))
  done
  printf '%-9s %8s %8s %6d\n' all '' '' "$landed"
  echo
  echo "after the kill (the next run must repair these): leftovers after $leftovers_after_kill kills, LATEST lagging after $lagging_after_kill"
  echo "versions in the store: $(versions | wc -l), all verified at the end; leftovers in the project at the end: $(leftovers | wc -l)"
  echo
  echo "failures by kind"
  for kind in corrupt_version latest_unloadable latest_behind leftover torn_output next_run_failed; do
    printf '  %-18s %d\n' "$kind" "${failures[$kind]:-0}"
  done
  echo "  (leftover counts distinct paths left after a next run)"
  echo "  total              $total"
  echo
  echo "seed $SEED, wall ${wall} s; log $log"
} | tee -a "$log" >&2
(( landed >= KILLS )) || { echo "kill.sh: only $landed kills landed in $attempt attempts" >&2; exit 1; }
(( total == 0 ))
