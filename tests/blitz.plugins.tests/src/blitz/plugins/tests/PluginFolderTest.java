// SPDX-License-Identifier: EPL-2.0
package blitz.plugins.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import blitz.testing.CapturedLog;
import blitz.testing.Osgi;

/**
 * The plug-ins folder of the test runtime ({@code blitz.plugins}, polled every 100 ms): jars dropped in
 * are installed and started, changed ones updated, removed ones uninstalled, bad ones refused with an
 * error and nothing else changed.
 */
class PluginFolderTest {
    private static final Path FOLDER = Path.of(System.getProperty("blitz.plugins"));
    private final CapturedLog log = new CapturedLog("blitz.plugins");

    @BeforeEach
    void attachLog() {
        log.attach();
    }

    @AfterEach
    void emptyTheFolder() throws IOException {
        try (var jars = Files.list(FOLDER)) {
            for (Path jar : jars.toList()) {
                Files.delete(jar);
            }
        }
        Osgi.eventually("every plug-in uninstalled", () -> plugins().isEmpty());
        log.close();
    }

    /** The bundles the folder installed, by symbolic name. */
    private static Map<String, Bundle> plugins() {
        return Arrays.stream(Osgi.context().getBundles()).filter(b -> b.getLocation().startsWith("blitz-plugins:"))
                .collect(Collectors.toMap(Bundle::getSymbolicName, b -> b));
    }

    private static Optional<Bundle> plugin(String symbolicName) {
        return Optional.ofNullable(plugins().get(symbolicName));
    }

    /** Writes a jar with the given main manifest headers, through a temporary name so the folder never sees half a file. */
    private static Path dropJar(String fileName, Map<String, String> headers) throws IOException {
        Path staged = FOLDER.resolveSibling(fileName + ".part");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (OutputStream out = Files.newOutputStream(staged); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return Files.move(staged, FOLDER.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Map<String, String> bundle(String symbolicName, String version) {
        return Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", symbolicName, "Bundle-Version", version);
    }

    @Test
    void aDroppedJarIsStartedAndItsRemovalUninstallsIt() throws Exception {
        Path jar = dropJar("demo.jar", bundle("blitz.demo.plugin", "1.0.0"));
        Osgi.eventually("the plug-in started and logged", () -> plugin("blitz.demo.plugin").map(b -> b.getState() == Bundle.ACTIVE)
                .orElse(false) && log.text().contains("plug-in blitz.demo.plugin 1.0.0 installed from " + jar));

        Files.delete(jar);
        Osgi.eventually("the plug-in uninstalled and logged", () -> plugin("blitz.demo.plugin").isEmpty()
                && log.text().contains("plug-in blitz.demo.plugin 1.0.0 uninstalled: its jar was removed"));
    }

    @Test
    void aChangedJarUpdatesItsBundle() throws Exception {
        Path jar = dropJar("demo.jar", bundle("blitz.demo.plugin", "1.0.0"));
        Osgi.eventually("version 1 started", () -> plugin("blitz.demo.plugin").map(b -> b.getState() == Bundle.ACTIVE).orElse(false));
        long installedId = plugin("blitz.demo.plugin").orElseThrow().getBundleId();
        Thread.sleep(20); // a later modification time than the install
        dropJar("demo.jar", bundle("blitz.demo.plugin", "1.1.0"));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 1_000));
        Osgi.eventually("version 1.1 started", () -> plugin("blitz.demo.plugin")
                .map(b -> b.getVersion().toString().equals("1.1.0") && b.getState() == Bundle.ACTIVE).orElse(false));
        assertEquals(installedId, plugin("blitz.demo.plugin").orElseThrow().getBundleId(), "updated, not installed again");
    }

    @Test
    void badJarsAreRefusedWithAClearErrorAndChangeNothingElse() throws Exception {
        dropJar("good.jar", bundle("blitz.good.plugin", "1.0.0"));
        Osgi.eventually("the good plug-in started", () -> plugin("blitz.good.plugin").map(b -> b.getState() == Bundle.ACTIVE).orElse(false));
        int bundlesBefore = Osgi.context().getBundles().length;

        Path garbage = Files.writeString(FOLDER.resolve("garbage.jar"), "this is no zip file");
        Path plainJar = dropJar("plain.jar", Map.of("Created-By", "a test"));
        Path unresolvable = dropJar("unresolvable.jar", Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName",
                "blitz.unresolvable.plugin", "Import-Package", "no.such.package"));
        Osgi.eventually("three errors", () -> log.count("plug-ins folder: ") >= 3);

        assertTrue(log.text().contains(garbage + ": not a readable jar"), log.text());
        assertTrue(log.text().contains(plainJar + ": no Bundle-SymbolicName in its manifest: not an OSGi bundle"), log.text());
        assertTrue(log.text().contains("blitz.unresolvable.plugin 0.0.0 from " + unresolvable + " does not start: ")
                && log.text().contains("no.such.package"), log.text());
        Thread.sleep(500); // several more polls: a refused jar is not tried again while it is unchanged
        assertEquals(3, log.count("plug-ins folder: "), log.text());
        assertEquals(bundlesBefore, Osgi.context().getBundles().length, "no bad jar left a bundle behind");
        assertEquals(Bundle.ACTIVE, plugin("blitz.good.plugin").orElseThrow().getState());
    }
}
