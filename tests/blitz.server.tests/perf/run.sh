#!/bin/sh
# SPDX-License-Identifier: EPL-2.0
# Server store benchmark (not run by verify). Build the bundles first:
#   ./mvnw -o -q install -DskipTests -pl tests/blitz.server.tests -am
# then, from the worktree root:  tests/blitz.server.tests/perf/run.sh [messages]
set -e
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
M2=${M2_REPO:-$HOME/.m2/repository}
CP=$ROOT/bundles/blitz.model/target/classes:$ROOT/bundles/blitz.server.support/target/classes
CP=$CP:$ROOT/bundles/blitz.server.embedded/target/classes:$ROOT/bundles/blitz.server.redis/target/classes
CP=$CP:$ROOT/tests/blitz.testing/target/classes
CP=$CP:$M2/io/lettuce/lettuce-core/7.7.0.RELEASE/lettuce-core-7.7.0.RELEASE.jar
for a in buffer common codec-base handler resolver resolver-dns codec-dns transport transport-native-unix-common; do
  CP=$CP:$M2/io/netty/netty-$a/4.2.13.Final/netty-$a-4.2.13.Final.jar
done
CP=$CP:$M2/io/projectreactor/reactor-core/3.6.6/reactor-core-3.6.6.jar:$M2/org/reactivestreams/reactive-streams/1.0.4/reactive-streams-1.0.4.jar
CP=$CP:$(ls $M2/redis/clients/authentication/redis-authx-core/*/redis-authx-core-*.jar | grep -v sources | head -1)
CP=$CP:$M2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar
CP=$CP:$(ls $M2/org/osgi/org.osgi.service.component.annotations/1.5.1/*.jar | head -1)
OUT=$ROOT/tests/blitz.server.tests/target/perf-classes
mkdir -p "$OUT"
javac -nowarn -d "$OUT" -cp "$CP" "$ROOT"/tests/blitz.server.tests/perf/blitz/server/perf/*.java
exec java -Xmx2g -Dblitz.test.workdir="$ROOT/tests/blitz.server.tests/target/perf-work" -cp "$OUT:$CP" blitz.server.perf.ServerStoreBenchmark "$@"
