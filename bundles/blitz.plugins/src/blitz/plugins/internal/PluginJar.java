// SPDX-License-Identifier: EPL-2.0
package blitz.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A jar in the plug-ins folder, with what tells a changed file from the one seen before (size and
 * modification time).
 *
 * @param file     the jar
 * @param location the bundle location it is installed under: {@link #LOCATION_PREFIX} and the file name
 * @param stamp    size and modification time; a different stamp means the file changed
 */
record PluginJar(Path file, String location, String stamp) {
    /** Marks the bundles this folder installed, so that only those are ever updated or uninstalled. */
    static final String LOCATION_PREFIX = "blitz-plugins:";
    private static final String SYMBOLIC_NAME = "Bundle-SymbolicName";

    /** @return the folder's regular {@code *.jar} files, by name; an unreadable folder lists none */
    static List<PluginJar> list(Path folder) throws IOException {
        List<PluginJar> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file)) {
                    jars.add(new PluginJar(file, LOCATION_PREFIX + file.getFileName(),
                            Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis()));
                }
            }
        }
        return jars;
    }

    /** @return why this jar is no OSGi bundle (not a jar, no manifest, no symbolic name), or empty when it is one */
    Optional<String> notABundle() {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return Optional.of("no META-INF/MANIFEST.MF: not an OSGi bundle");
            }
            String name = manifest.getMainAttributes().getValue(SYMBOLIC_NAME);
            return name == null || name.isBlank() ? Optional.of("no " + SYMBOLIC_NAME + " in its manifest: not an OSGi bundle")
                    : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("not a readable jar: " + e.getMessage());
        }
    }
}
