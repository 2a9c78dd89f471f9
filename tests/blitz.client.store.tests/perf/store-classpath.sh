# SPDX-License-Identifier: EPL-2.0
# Sourced by the benchmarks that run the client store outside OSGi (run-perf.sh here, the plot
# benchmark): sets $cp to Derby's jars, EclipseLink from the local Maven repository, and the model's
# and the store's classes. Needs $root (the checkout); builds the store first when it is not built.
m2="${HOME}/.m2/repository"
if [ ! -f "$root/bundles/blitz.derby/lib/derby.jar" ] || [ ! -d "$root/bundles/blitz.client.store/target/classes/blitz" ]; then
  (cd "$root" && ./mvnw -o -q -B package -DskipTests -pl bundles/blitz.client.store -am)
fi
cp="$root/bundles/blitz.derby/lib/derby.jar:$root/bundles/blitz.derby/lib/derbyshared.jar:$root/bundles/blitz.derby/lib/derbytools.jar"
for jar in org/eclipse/persistence/org.eclipse.persistence.jpa/5.0.0/org.eclipse.persistence.jpa-5.0.0.jar \
           org/eclipse/persistence/org.eclipse.persistence.core/5.0.0/org.eclipse.persistence.core-5.0.0.jar \
           org/eclipse/persistence/org.eclipse.persistence.jpa.jpql/5.0.0/org.eclipse.persistence.jpa.jpql-5.0.0.jar \
           jakarta/persistence/jakarta.persistence-api/3.2.0/jakarta.persistence-api-3.2.0.jar \
           org/ow2/asm/asm/9.9.1/asm-9.9.1.jar \
           org/ow2/asm/asm-commons/9.9.1/asm-commons-9.9.1.jar \
           org/ow2/asm/asm-tree/9.9.1/asm-tree-9.9.1.jar \
           org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar; do
  cp="$cp:$m2/$jar"
done
# the store bundle's root holds META-INF/persistence.xml
cp="$cp:$root/bundles/blitz.model/target/classes:$root/bundles/blitz.derby/target/classes:$root/bundles/blitz.client.store/target/classes:$root/bundles/blitz.client.store"
