#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# START/STOP latency (on demand): starts the runtime product (embedded store, simulated board 8 on a
# socat pty pair, a free port) and runs SessionLatencyBenchmark against it: <sessions> sessions in a
# row while a download and a plot query run. Needs a built product (./mvnw verify -DskipTests).
#   releng/benchmarks/run-session-latency.sh [sessions=200] [session-ms=200] [-- runtime options, e.g. --redis URI]
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
sessions="${1:-200}" session_ms="${2:-200}"
shift $(( $# < 2 ? $# : 2 )); [ "${1:-}" = "--" ] && shift
home="$root/releng/blitz.products/target/products/blitz.runtime/linux/gtk/x86_64/blitz-runtime"
out="$root/target/benchmarks-latency"
rm -rf "$out" && mkdir -p "$out/classes" "$out/data" "$out/tmp"
. "$root/tests/blitz.client.store.tests/perf/store-classpath.sh"
cp="$cp:$(ls "$HOME"/.m2/repository/org/zeromq/jeromq/0.6.0/jeromq-0.6.0.jar)"
javac -nowarn -d "$out/classes" -cp "$cp" releng/benchmarks/blitz/bench/SessionLatencyBenchmark.java
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkfifo "$out/stdin"
sleep 100000 > "$out/stdin" & keep=$!
BLITZ_JAVA_OPTS="-Djava.io.tmpdir=$out/tmp" "$home/bin/blitz-runtime" --console --simulate 8 --data "$out/data" \
  --port "$port" "$@" < "$out/stdin" > "$out/runtime.log" 2>&1 & runtime=$!
trap 'kill $runtime $keep 2>/dev/null || true; wait $runtime 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q "Logger protocol listening on tcp://127.0.0.1:$port" "$out/runtime.log" && break; sleep 0.1; done
sleep 3 # the simulated board's first poll
java -Xmx512m -cp "$out/classes:$cp" blitz.bench.SessionLatencyBenchmark "$port" "$sessions" "$session_ms" "$out/store"
grep -E "WARN|ERROR" "$out/runtime.log" | grep -i "session" | head -20 || true
