#!/usr/bin/env bash
# Runs every benchmark and prints one table (docs/benchmarks.md explains it).
# Builds the sample app's Lambda artifact, the baselines and the harness first, without tests.
# Extra arguments go to Maven, for example a quick check:
#   benchmarks/run.sh -o -Dbenchmarks.coldstart.runs=3 -Dbenchmarks.throughput.measure=2s
set -euo pipefail
cd "$(dirname "$0")/.."

exec mvn -B -ntp -q -DskipTests -Pbenchmarks verify \
	-pl sample-app,benchmarks/launcher,benchmarks/baseline-plain,benchmarks/baseline-spring,benchmarks/harness -am \
	"$@"
