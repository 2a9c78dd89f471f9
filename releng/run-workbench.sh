#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Installs what the workbench needs (JDK 17, GTK 3), builds the products when they are not built yet
# (tests skipped; --build forces it), and starts the desktop workbench. Start a runtime first
# (releng/run-runtime.sh, in another terminal), then in the workbench: Logger ▸ Connect… (Ctrl+K),
# Logger ▸ Start (F5), and press Live in the Plot view. Other arguments go to bin/blitz-workbench
# (e.g. --data DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
home=releng/blitz.products/target/products/blitz.workbench/linux/gtk/x86_64/blitz-workbench
build=0
if [ "${1:-}" = --build ]; then build=1; shift; fi
releng/scripts/install-debian-packages.sh workbench
if [ "$build" = 1 ] || [ ! -x "$home/bin/blitz-workbench" ]; then
  ./mvnw -q -DskipTests verify
fi
exec "$home/bin/blitz-workbench" "$@"
