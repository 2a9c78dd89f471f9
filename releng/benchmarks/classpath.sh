# SPDX-License-Identifier: EPL-2.0
# Sourced by the benchmark scripts: sets $cp, the class path of the bundles' target/classes, the test
# fixtures and the jars they need from the local Maven repository. Needs $root (the worktree).
m2="${HOME}/.m2/repository"
classes() { local cp=""; for b in "$@"; do cp="$cp:$root/bundles/$b/target/classes"; done; echo "${cp#:}"; }
jars=$m2/com/fazecast/jSerialComm/2.11.4/jSerialComm-2.11.4.jar:$m2/io/lettuce/lettuce-core/7.7.0.RELEASE/lettuce-core-7.7.0.RELEASE.jar
for a in buffer common codec-base handler resolver resolver-dns codec-dns transport transport-native-unix-common; do
  jars=$jars:$m2/io/netty/netty-$a/4.2.13.Final/netty-$a-4.2.13.Final.jar
done
jars=$jars:$m2/io/projectreactor/reactor-core/3.6.6/reactor-core-3.6.6.jar:$m2/org/reactivestreams/reactive-streams/1.0.4/reactive-streams-1.0.4.jar
jars=$jars:$(ls "$m2"/redis/clients/authentication/redis-authx-core/*/redis-authx-core-*.jar | grep -v sources | head -1)
jars=$jars:$m2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar:$(ls "$m2"/org/osgi/org.osgi.service.component.annotations/1.5.1/*.jar | head -1)
cp="$(classes blitz.model blitz.codec blitz.boards blitz.logger blitz.source.support blitz.serial blitz.simulator blitz.server.support \
  blitz.server.embedded blitz.server.redis):$root/tests/blitz.testing/target/classes:$jars"
