#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Client store benchmark (not run by verify). Builds the store first if needed, then runs
# ClientStorePerf on a plain class path: Derby's jars, EclipseLink from the local Maven repository,
# the model and the store's classes. Usage: run-perf.sh [readings-per-run, 0 skips] [bucket-session-readings] [readings-per-tile]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$here/store-classpath.sh"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -d "$out/classes" -cp "$cp" "$here"/blitz/client/store/perf/*.java
exec java -Xmx1g -cp "$out/classes:$cp" blitz.client.store.perf.ClientStorePerf "$out/db" "$@"
