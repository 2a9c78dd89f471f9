#!/usr/bin/env bash
# Client store benchmark (not run by verify). Builds the store first if needed, then runs
# ClientStorePerf on a plain class path: Derby's jars, EclipseLink from the local Maven repository,
# the model and the store's classes. Usage: run-perf.sh [readings-per-run, 0 skips] [bucket-session-readings] [readings-per-tile]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
m2="${HOME}/.m2/repository"
if [ ! -f "$root/bundles/blitz.derby/lib/derby.jar" ] || [ ! -d "$root/bundles/blitz.client.store/target/classes/blitz" ]; then
  (cd "$root" && ./mvnw -o -q -B package -pl bundles/blitz.client.store -am)
fi
cp="$root/bundles/blitz.derby/lib/derby.jar:$root/bundles/blitz.derby/lib/derbyshared.jar:$root/bundles/blitz.derby/lib/derbytools.jar"
for jar in org/eclipse/persistence/org.eclipse.persistence.jpa/5.0.0/org.eclipse.persistence.jpa-5.0.0.jar \
           org/eclipse/persistence/org.eclipse.persistence.core/5.0.0/org.eclipse.persistence.core-5.0.0.jar \
           org/eclipse/persistence/org.eclipse.persistence.jpa.jpql/5.0.0/org.eclipse.persistence.jpa.jpql-5.0.0.jar \
           jakarta/persistence/jakarta.persistence-api/3.2.0/jakarta.persistence-api-3.2.0.jar \
           org/ow2/asm/asm/9.9.1/asm-9.9.1.jar \
           org/ow2/asm/asm-commons/9.9.1/asm-commons-9.9.1.jar \
           org/ow2/asm/asm-tree/9.9.1/asm-tree-9.9.1.jar; do
  cp="$cp:$m2/$jar"
done
# the store bundle's root holds META-INF/persistence.xml
cp="$cp:$root/bundles/blitz.model/target/classes:$root/bundles/blitz.client.store/target/classes:$root/bundles/blitz.client.store"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -d "$out/classes" -cp "$cp" "$here"/blitz/client/store/perf/*.java
exec java -Xmx1g -cp "$out/classes:$cp" blitz.client.store.perf.ClientStorePerf "$out/db" "$@"
