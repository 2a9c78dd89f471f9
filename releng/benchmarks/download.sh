#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Download end to end (issue 14): the runtime product, on its embedded store and on Redis, holding
# finished sessions of board-8 messages (5 readings each); the headless client product (-Xmx256m)
# downloads each into a fresh client store, timed from the command to VERIFIED. Baselines from the
# same run: a raw DOWNLOAD over the protocol with no decoding or storing, through the DOWNLOAD-FRAMES
# extension and through the original's 100-message ACK loop, and the client store's bulk path alone.
#   releng/benchmarks/download.sh [--profile] [SIZE...]      (default sizes: 20000 200000 2000000)
#     --profile   also records the client's 200 000-message download with JFR and prints its hot frames
# Sessions are written before the runtime starts, straight through the store's own write path
# (DownloadSeed): a simulated board sends 10 messages/s. Needs the bundles and products built
# (run-benchmarks.sh builds them), redis-server and JDK 17. Prints RESULT lines; logs in $out.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
profile=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --profile) profile=1 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 200000 2000000)
out="${BLITZ_BENCH_OUT:-$root/target/benchmarks}/download"
rm -rf "$out" && mkdir -p "$out/classes"
products="$root/releng/blitz.products/target/products"
runtime_home="$products/blitz.runtime/linux/gtk/x86_64/blitz-runtime"
client_home="$products/blitz.client.headless/linux/gtk/x86_64/blitz-client"
. releng/benchmarks/classpath.sh
cp="$cp:$m2/org/zeromq/jeromq/0.6.0/jeromq-0.6.0.jar"
javac -nowarn -d "$out/classes" -cp "$cp" releng/benchmarks/blitz/bench/DownloadSeed.java \
  releng/benchmarks/blitz/bench/RawDownload.java
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts a product with its Gogo shell reading the fifo DIR/in; output to DIR/out. Sets $shell_pid.
start_shell() {
  local dir="$1"; shift
  mkfifo "$dir/in"
  sleep 100000 > "$dir/in" & pids+=($!)
  "$@" < "$dir/in" > "$dir/out" 2>&1 & shell_pid=$!; pids+=("$shell_pid")
}
# Waits until FILE holds a line matching the pattern (up to $3 seconds).
await_line() {
  for _ in $(seq $(( ${3:-120} * 50 ))); do grep -qE "$2" "$1" && return 0; sleep 0.02; done
  echo "timed out waiting for '$2' in $1" >&2; return 1
}

# One store (embedded or redis): seed, start the runtime, run the baselines and the client downloads.
run_store() {
  local kind="$1" data; data="$(mktemp -d)"
  local redis_args=() seed_args=(embedded "$data/runtime-store")
  if [ "$kind" = redis ]; then
    local redis_port; redis_port=$(free_port)
    redis-server --port "$redis_port" --save "" --appendonly no --dir "$data" > "$out/redis.log" 2>&1 & pids+=($!)
    for _ in $(seq 100); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.05; done
    redis_args=(--redis "redis://127.0.0.1:$redis_port")
    seed_args=(redis "redis://127.0.0.1:$redis_port/0" "$data/spool")
  fi
  log "$kind: seeding sessions of ${sizes[*]} messages"
  java -Xmx1g -cp "$out/classes:$cp" blitz.bench.DownloadSeed "${seed_args[@]}" "${sizes[@]}" | tee "$out/seed-$kind.log"
  local port; port=$(free_port)
  mkdir -p "$data/rt"
  start_shell "$data/rt" "$runtime_home/bin/blitz-runtime" --console --data "$data" --port "$port" "${redis_args[@]}"
  local runtime_pid=$shell_pid
  await_line "$data/rt/out" 'Logging runtime ready' 120
  local session messages
  while read -r _ session messages _; do
    local name="$kind.$messages"
    for mode in frames lockstep; do
      # the 100-message loop is slow: 2 M messages take minutes, the two smaller sessions say enough
      if [ "$mode" = lockstep ] && [ "$messages" -gt 200000 ]; then continue; fi
      java -cp "$out/classes:$cp" blitz.bench.RawDownload "$mode" 127.0.0.1 "$port" "$session" "$name" \
        | tee -a "$out/raw-$kind.log"
    done
    client_download "$kind" "$port" "$session" "$messages"
  done < <(grep '^SEEDED ' "$out/seed-$kind.log")
  echo "exit 0" > "$data/rt/in" || true
  kill "$runtime_pid" 2>/dev/null || true
  wait "$runtime_pid" 2>/dev/null || true
  rm -rf "$data"
}

# The headless client (a fresh client store) downloads one session: time from the command to VERIFIED.
client_download() {
  local kind="$1" port="$2" session="$3" messages="$4" dir; dir="$(mktemp -d)"
  local opts="-Xmx256m"
  if [ "$profile" = 1 ] && [ "$messages" = 200000 ]; then
    opts="$opts -XX:StartFlightRecording=filename=$out/client-$kind-$messages.jfr,settings=profile"
  fi
  BLITZ_JAVA_OPTS="$opts" start_shell "$dir" "$client_home/bin/blitz-client" --data "$dir/data"
  local client_pid=$shell_pid
  # the shell reads commands before the client's services are up: ask until client:status answers
  for _ in $(seq 120); do
    echo "client:status" > "$dir/in"
    await_line "$dir/out" 'DISCONNECTED' 1 2>/dev/null && break
  done
  echo "client:connect 127.0.0.1 $port" > "$dir/in"
  await_line "$dir/out" 'CONNECTED' 120
  echo "client:sessions" > "$dir/in"
  await_line "$dir/out" " $session +$messages messages" 60
  local start; start=$(now_ms)
  echo "client:download $session" > "$dir/in"
  await_line "$dir/out" "session $session: (VERIFIED|FAILED|CANCELLED|COMPLETE)" 600
  local end; end=$(now_ms)
  local line; line=$(grep -E "session $session: " "$dir/out" | tail -1)
  local heap; heap=$(jcmd "$client_pid" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 || true)
  echo "exit 0" > "$dir/in" || true
  wait "$client_pid" 2>/dev/null || true
  cp "$dir/out" "$out/client-$kind-$messages.log"
  rm -rf "$dir"
  if [[ "$line" != *VERIFIED* ]]; then echo "FAILED download.e2e.$kind.$messages: $line"; return; fi
  local ms=$(( end - start ))
  python3 - "$kind" "$messages" "$ms" "$heap" <<'PY'
import sys
kind, messages, ms, heap = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
s = ms / 1000
print(f"RESULT download.e2e.{kind}.{messages} {messages / s:.0f} msg/s readings={messages * 5 / s:.0f}/s seconds={s:.2f} heap_after=({heap})")
PY
  if [ "$profile" = 1 ] && [ -f "$out/client-$kind-$messages.jfr" ]; then
    python3 releng/benchmarks/hot-frames.py "$out/client-$kind-$messages.jfr" 15 | sed "s/^/PROFILE $kind.$messages /"
  fi
}

run_store embedded
run_store redis
# The client store's bulk path alone, on as many readings as the 200 000-message session holds.
log "client store bulk path alone"
tests/blitz.client.store.tests/perf/run-perf.sh 1000000 1000 > "$out/client-store.log" 2>&1 || true
sed -nE 's/^run [0-9]+: store ([0-9.]+)\/s, raw JDBC ([0-9.]+)\/s.*/RESULT download.store.bulk \1 readings\/s raw_jdbc=\2/p' \
  "$out/client-store.log"
