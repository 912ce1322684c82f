#!/usr/bin/env bash
# CI backtest with a gate: prepare, then evaluate an experiment and check its gate rules.
# Run from anywhere; paths are relative to the repository root. Builds demandcast first if needed.
#
# Environment:
#   DEMANDCAST_CONFIG  experiment file (default configs/quickstart.yaml)
#   DEMANDCAST_GATE    gate rules, one YAML flow mapping per line, each passed as --gate
#                      (default: {relative_to: seasonal_naive, metric: mase, max_ratio: 1.0});
#                      'none' for no --gate rule. Rules in the config's gate: list are checked too
#   DEMANDCAST         the demandcast command (default scripts/demandcast, which builds the jar if missing)
#   GITHUB_STEP_SUMMARY  set by GitHub Actions: the Markdown summary is appended to it
#
# Writes build/ci/junit.xml (JUnit XML, one test case per rule and model) and build/ci/summary.md;
# the backtest itself goes to the config's evaluate.output, else to its own directory
# build/evaluation/<name>/<run-id>/ (build/evaluation/<name>/LATEST names the newest).
# Exits with evaluate's code: 0 all rules passed, 3 a rule failed, 2 config error, 1 runtime error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

config="${DEMANDCAST_CONFIG:-configs/quickstart.yaml}"
default_gate='{relative_to: seasonal_naive, metric: mase, max_ratio: 1.0}'
rules="${DEMANDCAST_GATE:-$default_gate}"
dc="${DEMANDCAST:-scripts/demandcast}"
out=build/ci

gate_args=()
[[ "$rules" == none ]] && rules=''
while IFS= read -r rule; do
  if [[ -n "${rule//[[:space:]]/}" ]]; then
    gate_args+=(--gate "$rule")
  fi
done <<< "$rules"

mkdir -p "$out"
rm -f "$out/junit.xml" "$out/summary.md"

"$dc" prepare -c "$config" -q

status=0
"$dc" evaluate -c "$config" ${gate_args[@]+"${gate_args[@]}"} --junit "$out/junit.xml" --summary "$out/summary.md" || status=$?

if [[ -n "${GITHUB_STEP_SUMMARY:-}" && -f "$out/summary.md" ]]; then
  cat "$out/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi

case "$status" in
  0) echo "backtest: gate passed ($out/junit.xml, $out/summary.md)" >&2 ;;
  3) echo "backtest: gate failed, see $out/summary.md" >&2 ;;
  *) echo "backtest: evaluate exited with $status" >&2 ;;
esac
exit "$status"
