#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Installs the Debian packages Blitz needs, only those that are missing.
#   build   JDK 17 and Debian's Maven (used once by ./mvnw to fetch the pinned Maven)
#   runtime build + socat (the demo runtime's simulated board talks over a pty pair)
#   workbench build + GTK 3 (the desktop workbench)
#   test    build + redis-server, socat (pty pairs), Xvfb, GTK 3, X11 tools, ImageMagick (screenshots),
#           e2fsprogs (chattr: the read-only store fault test runs as root, whom chmod does not stop),
#           openssl (certificates for the Redis TLS test)
set -euo pipefail
what="${1:-build}"
packages=(openjdk-17-jdk-headless maven ca-certificates)
if [ "$what" = runtime ]; then
  packages+=(socat)
fi
if [ "$what" = workbench ]; then
  packages+=(libgtk-3-0)
fi
if [ "$what" = test ]; then
  packages+=(redis-server socat xvfb libgtk-3-0 x11-utils x11-apps imagemagick e2fsprogs openssl)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# redis-server's Debian package starts a system service; the tests start their own servers.
if [[ " ${missing[*]} " == *" redis-server "* ]] && command -v systemctl >/dev/null && systemctl is-active -q redis-server 2>/dev/null; then
  "${sudo[@]}" systemctl stop redis-server || true
fi
