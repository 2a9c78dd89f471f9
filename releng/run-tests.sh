#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Installs what the tests need, then builds Blitz and runs every test (JUnit 5 inside Equinox, real
# redis-server, Derby files, socat ptys and SWT under Xvfb). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
releng/scripts/install-debian-packages.sh test

# SWT tests need an X display: use the caller's or start an Xvfb of our own, stopped by PID.
if [ -z "${DISPLAY:-}" ]; then
  for number in $(seq 70 99); do
    [ -e "/tmp/.X11-unix/X$number" ] && continue
    Xvfb ":$number" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$number" ] && break; sleep 0.1; done
    export DISPLAY=":$number"
    break
  done
fi

./mvnw verify "$@"
