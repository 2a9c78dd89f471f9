#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Client store benchmarks (not run by verify). Builds the store first if needed, then runs them on a
# plain class path: Derby's jars, EclipseLink from the local Maven repository, the model's and the
# store's classes (and the client's CSV export, compiled from its source).
#   run-perf.sh [readings-per-run, 0 skips] [bucket-session-readings] [readings-per-tile]
#       ClientStorePerf: the bulk path against raw JDBC, then the bucket query
#   run-perf.sh --download [messages-per-chunk=10000] [session sizes in messages=200000 2000000]
#       DownloadStorePerf: addDownloadChunk of board-8 messages against raw JDBC, per session size
#   run-perf.sh --long [messages=200000]
#       LongOperationsPerf: CSV export and the store side of a re-decode, each against a raw baseline
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
. "$here/store-classpath.sh"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -nowarn -d "$out/classes" -cp "$cp" "$here"/blitz/client/store/perf/*.java "$here"/blitz/client/internal/*.java \
  "$root/bundles/blitz.client/src/blitz/client/internal/CsvSessionExport.java"
run() { java -Xmx1g -cp "$out/classes:$cp" "$@"; }
case "${1:-}" in
  --download)
    shift; chunk="${1:-10000}"; shift || true
    [ $# -gt 0 ] || set -- 200000 2000000
    run blitz.client.store.perf.DownloadStorePerf "$out/db" "$chunk" "$@" ;;
  --long) run blitz.client.internal.LongOperationsPerf "$out/long" "${2:-200000}" ;;
  *) run blitz.client.store.perf.ClientStorePerf "$out/db" "$@" ;;
esac
