#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Installs what the build needs, builds the headless logging runtime (tests skipped) and starts it with
# its interactive shell and a simulated expansion board (board 8 on a socat pty pair). It runs on the
# embedded session store: no external server is needed. Arguments go to bin/blitz-runtime
# (e.g. --data DIR, or --simulate 8,9 for two boards).
set -euo pipefail
cd "$(dirname "$0")/.."
releng/scripts/install-debian-packages.sh runtime
./mvnw -q -DskipTests verify
exec releng/blitz.products/target/products/blitz.runtime/linux/gtk/x86_64/blitz-runtime/bin/blitz-runtime --console --simulate 8 "$@"
