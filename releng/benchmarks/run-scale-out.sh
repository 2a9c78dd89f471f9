#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# On-demand scale-out benchmark (docs/scale-out.md): the cost of WAIT 1 on a master with one replica,
# then four runtimes x four boards into a Redis Cluster (3 masters + 3 replicas) against one node, in
# one run. Real redis-server processes on loopback, stopped by PID.
#   releng/benchmarks/run-scale-out.sh [seconds-per-load-phase (default 300)] [messages-for-WAIT (default 200000)]
# Build first (tests skipped):  ./mvnw -o -q verify -DskipTests -pl tests/blitz.testing,bundles/blitz.server.redis -am
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/releng/benchmarks/classpath.sh"
out="$root/target/benchmarks/scale-out"
mkdir -p "$out/classes"
javac -nowarn -d "$out/classes" -cp "$cp" "$root/releng/benchmarks/blitz/bench/ScaleOutBenchmark.java"
exec java -Xmx1g -Dblitz.test.workdir="$out/work" -cp "$out/classes:$cp" blitz.bench.ScaleOutBenchmark "$@"
