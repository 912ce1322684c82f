#!/usr/bin/env bash
# Times CSV ingest in one JVM, interleaved: the Commons CSV parse loop the reader used before issue 16
# against PanelCsvReader's byte parser on one thread and on every core, over the data.files of a config
# (default: the 0.05x M5-shaped panel of scripts/bench/make-m5-scale.sh). Prints rows/s of wall and CPU time.
# Usage: scripts/bench/ingest.sh [config.yaml] [repeats]     JAVA_OPTS: JVM options (default -Xmx3g)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
script=ingest
source scripts/bench/common.sh
config="${1:-${DEMANDCAST_SCALE_DIR:-$root/build/m5-scale}/0.05/minimal.yaml}"
[[ -f "$config" ]] || { echo "ingest: $config not found (make one with scripts/bench/make-m5-scale.sh)" >&2; exit 2; }
build_jar
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx3g} -cp cli/target/demandcast.jar io.demandcast.cli.bench.IngestBenchmark "$config" "${2:-3}"
