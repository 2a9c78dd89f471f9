#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Runs every Blitz benchmark and regenerates the summary at the top of docs/performance.md (between
# the GENERATED markers; the hand-written sections below stay). Builds first (tests skipped).
#   releng/run-benchmarks.sh [--quick] [--runs N] [--offline] [--no-build] [--download [SIZE...]]
#     --download  only the end-to-end download benchmark (releng/benchmarks/download.sh; products built first)
#     --quick     one short run of each benchmark (a smoke test of the command, noisy figures)
#     --runs N    repetitions of each benchmark (default 3); the report gives median and min-max
#     --offline   pass -o to Maven;   --no-build   use what an earlier build left in target/
# Needs: JDK 17, python3, redis-server, socat, xvfb, x11-utils (xwininfo). Raw logs: target/benchmarks/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
runs=3 quick=0 build=1 mvn_opts=() download=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 runs=1; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --offline) mvn_opts+=(-o); shift ;;
    --no-build) build=0; shift ;;
    --download) download=(--); shift; while [ $# -gt 0 ] && [[ "$1" != --* ]]; do download+=("$1"); shift; done ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then
  serial_seconds=2 ingest=300000 heap_messages=2000000 latency_samples=100
  client_readings=200000 client_buckets=200000 store_messages=300000
else
  serial_seconds=5 ingest=2000000 heap_messages=10000000 latency_samples=500
  client_readings=1000000 client_buckets=1000000 store_messages=2000000
fi

out="$root/target/benchmarks"
rm -rf "$out" && mkdir -p "$out/classes"
results="$out/results.txt"
: > "$results"
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

if [ "$build" = 1 ]; then
  log "building (tests skipped)"
  ./mvnw "${mvn_opts[@]}" -q -B -DskipTests verify
fi

if [ ${#download[@]} -gt 0 ]; then
  BLITZ_BENCH_OUT="$out" releng/benchmarks/download.sh "${download[@]:1}" | tee "$out/download.txt"
  exit 0
fi

. releng/benchmarks/classpath.sh
javac -nowarn -d "$out/classes" -cp "$cp" \
  tests/blitz.serial.tests/perf/blitz/serial/perf/PtyReadBenchmark.java \
  tests/blitz.codec.tests/perf/blitz/codec/perf/LineSplitterBenchmark.java \
  releng/benchmarks/blitz/bench/RuntimeBenchmark.java
bench() { java -Xmx1g -Dblitz.test.workdir="$out/work" -cp "$out/classes:$cp" "$@"; }

# Runs one step; its RESULT lines go to the results, everything to its log.
step() {
  local name="$1"; shift
  log "$name"
  if "$@" > "$out/$name.log" 2>&1; then
    grep '^RESULT ' "$out/$name.log" >> "$results" || true
  else
    log "$name FAILED (see $out/$name.log)"; echo "FAILED $name" >> "$results"
  fi
}

# Time from launching the runtime product until its Gogo prompt shows and the logging runtime is ready.
runtime_startup() {
  local home="$root/releng/blitz.products/target/products/blitz.runtime/linux/gtk/x86_64/blitz-runtime"
  local data; data="$(mktemp -d)"
  mkfifo "$data/stdin"
  sleep 300 > "$data/stdin" & local keep=$!; pids+=("$keep")
  local start; start=$(date +%s%N)
  "$home/bin/blitz-runtime" --console --data "$data" < "$data/stdin" > "$data/out" 2>&1 & local pid=$!; pids+=("$pid")
  local ready=""
  for _ in $(seq 1200); do
    if grep -q 'g! ' "$data/out" && grep -q 'Logging runtime ready' "$data/out"; then ready=$(date +%s%N); break; fi
    sleep 0.025
  done
  kill "$pid" "$keep" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  cat "$data/out"; rm -rf "$data"
  [ -n "$ready" ] && echo "RESULT startup.runtime $(( (ready - start) / 1000000 )) ms"
}

# Time from launching the workbench product under Xvfb until its main window (>= 600x400) exists.
workbench_startup() {
  local home="$root/releng/blitz.products/target/products/blitz.workbench/linux/gtk/x86_64/blitz-workbench"
  local data; data="$(mktemp -d)"
  local start; start=$(date +%s%N)
  DISPLAY="$display" "$home/bin/blitz-workbench" --data "$data" > "$data/out" 2>&1 & local pid=$!; pids+=("$pid")
  local ready=""
  for _ in $(seq 1200); do
    if DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -E '"Blitz Data Logger ?":' \
        | grep -qE ' ([6-9][0-9]{2}|[0-9]{4,})x([4-9][0-9]{2}|[0-9]{4,})\+'; then ready=$(date +%s%N); break; fi
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  cat "$data/out"; rm -rf "$data"
  [ -n "$ready" ] && echo "RESULT startup.workbench $(( (ready - start) / 1000000 )) ms"
}

display=""
for number in $(seq 70 99); do
  [ -e "/tmp/.X11-unix/X$number" ] && continue
  Xvfb ":$number" -screen 0 1280x1024x24 -nolisten tcp > /dev/null 2>&1 & pids+=($!)
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$number" ] && break; sleep 0.1; done
  display=":$number"; break
done

# The store benchmarks repeat their rounds themselves (three each); the others run $runs times.
step client-store tests/blitz.client.store.tests/perf/run-perf.sh "$client_readings" "$client_buckets"
sed -nE 's/^run [0-9]+: store ([0-9.]+)\/s, raw JDBC ([0-9.]+)\/s.*/RESULT clientstore.download \1 readings\/s baseline=\2/p' \
  "$out/client-store.log" >> "$results"
sed -nE 's/^bucket query, whole session, [0-9]+ buckets:.*runs \[(.*)\]\).*/\1/p' "$out/client-store.log" \
  | tr ',' '\n' | sed -E 's/ //g; /^$/d; s/.*/RESULT clientstore.buckets & ms/' >> "$results"
step server-store tests/blitz.server.tests/perf/run.sh "$store_messages"
if [ "$quick" = 1 ]; then download_sizes=(20000) long_messages=20000 sessions=20; else download_sizes=(200000 2000000) long_messages=200000 sessions=200; fi
step client-download tests/blitz.client.store.tests/perf/run-perf.sh --download 10000 "${download_sizes[@]}"
step client-long tests/blitz.client.store.tests/perf/run-perf.sh --long "$long_messages"
step session-latency releng/benchmarks/run-session-latency.sh "$sessions"
for run in $(seq "$runs"); do
  log "run $run of $runs"
  step "serial-$run" bench blitz.serial.perf.PtyReadBenchmark "$serial_seconds"
  step "codec-$run" bench blitz.codec.perf.LineSplitterBenchmark
  step "runtime-$run" bench blitz.bench.RuntimeBenchmark "$ingest" "$heap_messages" "$latency_samples"
  step "runtime-startup-$run" runtime_startup
  [ -n "$display" ] && step "workbench-startup-$run" workbench_startup
done

# Plot: the real Plot view on a 10 M-reading session under Xvfb (the session's store is built once under
# target/plot-bench/ and reused); the script repeats its runs itself.
if [ -n "$display" ]; then
  if [ "$quick" = 1 ]; then plot_readings=200000; else plot_readings=10000000; fi
  DISPLAY="$display" step plot tests/blitz.ui.charts.tests/perf/run-plot-bench.sh "$plot_readings" "$runs"
fi

log "writing docs/performance.md"
python3 releng/benchmarks/report.py "$results" docs/performance.md "$runs" "$quick"
log "done: docs/performance.md (raw logs in $out)"
