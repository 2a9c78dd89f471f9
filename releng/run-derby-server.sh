#!/usr/bin/env bash
# SPDX-License-Identifier: EPL-2.0
# Starts Apache Derby's network server for a lab's shared client data (docs/scale-out.md), in the
# foreground; stop it with Ctrl-C or by its PID. Users must give the user name and password set here.
#   releng/run-derby-server.sh --data DIR --user NAME --password SECRET [--port 1527] [--host 127.0.0.1]
# --host 0.0.0.0 listens on every interface (then protect the port: credentials travel in clear text).
# Needs the Derby jars bundles/blitz.derby/lib/ holds after a build (./mvnw -o verify -pl bundles/blitz.derby -am -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="" user="" password="" port=1527 host=127.0.0.1
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --password) password="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
if [ -z "$data" ] || [ -z "$user" ] || [ -z "$password" ]; then
  echo "usage: $0 --data DIR --user NAME --password SECRET [--port 1527] [--host 127.0.0.1]" >&2; exit 2
fi
case "$user" in *[!A-Za-z0-9_]*) echo "--user: letters, digits and _ only" >&2; exit 2 ;; esac
lib="$root/bundles/blitz.derby/lib"
for jar in derby derbyshared derbytools derbynet derbyclient; do
  [ -f "$lib/$jar.jar" ] || { echo "$lib/$jar.jar is missing: build bundles/blitz.derby first" >&2; exit 1; }
done
mkdir -p "$data"
data="$(cd "$data" && pwd)"
# Derby reads its system-wide settings from derby.properties in derby.system.home: every connection
# must authenticate as a user defined here (BUILTIN users; the password file is readable by its owner only).
umask 077
cat > "$data/derby.properties" <<PROPS
derby.connection.requireAuthentication=true
derby.authentication.provider=BUILTIN
derby.user.$user=$password
derby.drda.host=$host
derby.drda.portNumber=$port
derby.stream.error.file=$data/derby.log
PROPS
echo "Derby network server on $host:$port, databases in $data; clients use jdbc:derby://<this host>:$port/<db>" >&2
exec java -Dderby.system.home="$data" -cp "$lib/derby.jar:$lib/derbyshared.jar:$lib/derbytools.jar:$lib/derbynet.jar" \
  org.apache.derby.drda.NetworkServerControl start -h "$host" -p "$port"
