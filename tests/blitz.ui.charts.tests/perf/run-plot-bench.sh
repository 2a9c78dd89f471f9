#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Plot benchmark (not run by verify): first paint of a large session in the real Plot view and frame
# times while panning, under X (Xvfb). Builds the bundles first if needed; the Derby store with the
# session is built once under target/plot-bench/ and reused. Runs PlotBenchmark on a plain class path:
# SWT, JFace, Eclipse jobs, SLF4J, EclipseLink and Derby from the local Maven repository, and the
# classes of the model, the store, the workbench (its ServiceSlot) and the plot bundle.
# Usage: run-plot-bench.sh [readings=10000000] [runs=3]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
readings="${1:-10000000}"
runs="${2:-3}"
. "$root/tests/blitz.client.store.tests/perf/store-classpath.sh"
if [ ! -d "$root/bundles/blitz.ui.charts/target/classes/blitz" ] || [ ! -d "$root/bundles/blitz.ui/target/classes/blitz" ]; then
  (cd "$root" && ./mvnw -o -q -B package -DskipTests -pl bundles/blitz.ui.charts -am)
fi
for jar in org/eclipse/platform/org.eclipse.swt.gtk.linux.x86_64/3.132.0/org.eclipse.swt.gtk.linux.x86_64-3.132.0.jar \
           org/eclipse/platform/org.eclipse.jface/3.38.0/org.eclipse.jface-3.38.0.jar \
           org/eclipse/platform/org.eclipse.core.commands/3.12.400/org.eclipse.core.commands-3.12.400.jar \
           org/eclipse/platform/org.eclipse.core.jobs/3.15.700/org.eclipse.core.jobs-3.15.700.jar \
           org/eclipse/platform/org.eclipse.equinox.common/3.20.200/org.eclipse.equinox.common-3.20.200.jar \
           org/eclipse/platform/org.eclipse.osgi/3.23.200/org.eclipse.osgi-3.23.200.jar \
           org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar; do
  cp="$cp:$m2/$jar"
done
cp="$cp:$root/bundles/blitz.ui/target/classes:$root/bundles/blitz.ui.charts/target/classes"

# the session's store: built on the first run, reused after (delete the folder to build it again)
work="$root/target/plot-bench/session-$readings"
mkdir -p "$work"
out="$(mktemp -d)"
xvfb_pid=""
trap 'rm -rf "$out"; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT
if [ -z "${DISPLAY:-}" ]; then
  for number in $(seq 70 99); do
    [ -e "/tmp/.X11-unix/X$number" ] && continue
    Xvfb ":$number" -screen 0 1280x1024x24 -nolisten tcp > /dev/null 2>&1 & xvfb_pid=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$number" ] && break; sleep 0.1; done
    export DISPLAY=":$number"
    break
  done
fi
javac -nowarn -d "$out/classes" -cp "$cp" "$here"/blitz/ui/charts/internal/*.java
# The cold run measures a freshly started JVM, not a freshly booted machine: the store's files are read
# once first, so whether the OS still caches them from an earlier run does not decide the figure
# (measured: 2.6 s with none of them cached, 0.84 s with them cached). PLOT_BENCH_DISK_COLD=1 skips this.
if [ "${PLOT_BENCH_DISK_COLD:-0}" != 1 ]; then
  find "$work" -type f -exec cat {} + > /dev/null
fi
# PLOT_BENCH_JAVA_OPTS: extra JVM options, e.g. a flight recording for a profile
java -Xmx1g ${PLOT_BENCH_JAVA_OPTS:-} -cp "$out/classes:$cp" blitz.ui.charts.internal.PlotBenchmark "$work" "$readings" "$runs"
