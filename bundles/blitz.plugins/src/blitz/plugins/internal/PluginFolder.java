// SPDX-License-Identifier: EPL-2.0
package blitz.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.DataFolder;

/**
 * The plug-ins folder ({@code DATA/plugins}, or the framework property {@code blitz.plugins}): every
 * OSGi bundle jar in it is installed and started, at start (before the application opens, so a
 * workbench sees a plug-in's model fragment) and while running (polled every
 * {@code blitz.plugins.pollMs}, default 2 s). A changed jar updates its bundle, a removed jar
 * uninstalls it. A jar that is no bundle, does not install, resolve or start is logged as an error and
 * left out, with nothing else changed; it is tried again when the file changes. Only bundles this
 * folder installed (location {@code blitz-plugins:<file name>}) are ever touched.
 */
@Component(immediate = true, service = {})
public final class PluginFolder {
    static final String FOLDER_PROPERTY = "blitz.plugins";
    static final String POLL_PROPERTY = "blitz.plugins.pollMs";
    private static final long DEFAULT_POLL_MS = 2_000;
    private static final long REFRESH_TIMEOUT_S = 30;
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

    private final BundleContext context;
    private final Path folder;
    /** Jars refused, with the stamp they were refused at: tried again only when they change. */
    private final Map<String, String> refused = new HashMap<>();
    /** Stamps of the previous scan: a new jar is taken once its stamp holds still between two scans (copy finished). */
    private Map<String, String> previousStamps = Map.of();
    private final ScheduledExecutorService poller;

    @Activate
    public PluginFolder(BundleContext context) {
        this.context = context;
        String configured = context.getProperty(FOLDER_PROPERTY);
        this.folder = configured == null || configured.isBlank() ? DataFolder.root().resolve("plugins") : Path.of(configured);
        this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "blitz-plugins " + folder);
            thread.setDaemon(true);
            return thread;
        });
        try {
            Files.createDirectories(folder);
            LOG.info("plug-ins folder {}: jars dropped here are installed, removed ones uninstalled", folder);
            scan(true);
            long pollMs = pollMs(context.getProperty(POLL_PROPERTY));
            poller.scheduleWithFixedDelay(this::scanSafely, pollMs, pollMs, TimeUnit.MILLISECONDS);
        } catch (IOException | InterruptedException e) {
            LOG.error("plug-ins folder {} cannot be used: {}; no plug-ins installed from it", folder, e.toString());
        }
    }

    private static long pollMs(String configured) {
        if (configured != null && configured.strip().matches("\\d{2,9}")) {
            return Long.parseLong(configured.strip());
        }
        if (configured != null) {
            LOG.warn("{}: '{}' is not a number of milliseconds (10 or more); polling every {} ms", POLL_PROPERTY, configured,
                    DEFAULT_POLL_MS);
        }
        return DEFAULT_POLL_MS;
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        poller.shutdownNow();
        poller.awaitTermination(REFRESH_TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** The polling thread's scan: a failure is logged and the next poll tries again. */
    private void scanSafely() {
        try {
            scan(false);
        } catch (IOException | RuntimeException e) {
            LOG.error("plug-ins folder {}: scan failed: {}", folder, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Brings the installed plug-in bundles in line with the folder.
     *
     * @param atStart whether this is the scan at start, which takes every jar at once (nothing is being copied yet)
     */
    private synchronized void scan(boolean atStart) throws IOException, InterruptedException {
        Map<String, Bundle> installed = new HashMap<>();
        Arrays.stream(context.getBundles()).filter(b -> b.getLocation().startsWith(PluginJar.LOCATION_PREFIX))
                .forEach(b -> installed.put(b.getLocation(), b));
        List<PluginJar> jars = PluginJar.list(folder);
        Map<String, String> stamps = new HashMap<>();
        jars.forEach(jar -> stamps.put(jar.location(), jar.stamp()));

        List<Bundle> replaced = new ArrayList<>();
        installed.forEach((location, bundle) -> {
            if (!stamps.containsKey(location)) {
                uninstall(bundle, "its jar was removed").ifPresent(replaced::add);
            }
        });
        refused.keySet().retainAll(stamps.keySet());
        List<Bundle> toStart = new ArrayList<>();
        for (PluginJar jar : jars) {
            boolean settled = atStart || jar.stamp().equals(previousStamps.get(jar.location()));
            if (!settled || jar.stamp().equals(refused.get(jar.location()))) {
                continue;
            }
            Bundle bundle = installed.get(jar.location());
            if (bundle == null) {
                install(jar).ifPresent(toStart::add);
            } else if (Files.getLastModifiedTime(jar.file()).toMillis() > bundle.getLastModified() && update(jar, bundle)) {
                replaced.add(bundle);
                toStart.add(bundle);
            }
        }
        previousStamps = stamps;
        if (!replaced.isEmpty()) {
            // at start the framework is still starting: the rewiring runs on the poller, not in this activation
            if (atStart) {
                poller.execute(() -> refreshQuietly(replaced));
            } else {
                refresh(replaced);
            }
        }
        toStart.forEach(bundle -> start(bundle, stamps.get(bundle.getLocation())));
    }

    private Optional<Bundle> install(PluginJar jar) throws IOException {
        if (isNoBundle(jar)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(jar.file())) {
            Bundle bundle = context.installBundle(jar.location(), in);
            LOG.info("plug-in {} installed from {}", name(bundle), jar.file());
            return Optional.of(bundle);
        } catch (BundleException | IllegalStateException e) {
            refuse(jar.location(), jar.stamp(), jar.file() + ": not installed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** @return whether the bundle now holds the jar's new content */
    private boolean update(PluginJar jar, Bundle bundle) throws IOException {
        if (isNoBundle(jar)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(jar.file())) {
            bundle.update(in);
            LOG.info("plug-in {} updated from {}", name(bundle), jar.file());
            return true;
        } catch (BundleException | IllegalStateException e) {
            refuse(jar.location(), jar.stamp(), jar.file() + ": not updated, the previous version stays: " + e.getMessage());
            return false;
        }
    }

    private boolean isNoBundle(PluginJar jar) {
        Optional<String> notABundle = jar.notABundle();
        notABundle.ifPresent(why -> refuse(jar.location(), jar.stamp(), jar.file() + ": " + why));
        return notABundle.isPresent();
    }

    /** Starts a new or updated plug-in; one that does not resolve or start is uninstalled again, so nothing else changes. */
    private void start(Bundle bundle, String stamp) {
        if (bundle.getState() == Bundle.UNINSTALLED || bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            bundle.start();
            LOG.info("plug-in {} started", name(bundle));
        } catch (BundleException | IllegalStateException e) {
            String location = bundle.getLocation();
            refuse(location, stamp, name(bundle) + " from " + folder.resolve(location.substring(PluginJar.LOCATION_PREFIX.length()))
                    + " does not start: " + e.getMessage() + "; uninstalled");
            uninstall(bundle, "it did not start");
        }
    }

    private void refuse(String location, String stamp, String why) {
        refused.put(location, stamp);
        LOG.error("plug-ins folder: {}", why);
    }

    private Optional<Bundle> uninstall(Bundle bundle, String why) {
        String name = name(bundle);
        try {
            bundle.uninstall();
            LOG.info("plug-in {} uninstalled: {}", name, why);
            return Optional.of(bundle);
        } catch (BundleException | IllegalStateException e) {
            LOG.error("plug-in {} cannot be uninstalled ({}): {}", name, why, e.getMessage());
            return Optional.empty();
        }
    }

    /** Rewires what used the changed bundles, and waits for it, so that the next start sees the new classes. */
    private void refresh(List<Bundle> changed) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(changed,
                event -> done.countDown());
        if (!done.await(REFRESH_TIMEOUT_S, TimeUnit.SECONDS)) {
            LOG.warn("plug-ins folder: refreshing {} took longer than {} s", changed.size(), REFRESH_TIMEOUT_S);
        }
    }

    private void refreshQuietly(List<Bundle> changed) {
        try {
            refresh(changed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }
}
