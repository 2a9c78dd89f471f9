// SPDX-License-Identifier: EPL-2.0
package blitz.logging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter;

/** Configures Logback from {@code DATA/logback.xml}, writing that file from the bundle's defaults when it is missing. */
final class LogbackSetup {
    static final String FILE_NAME = "logback.xml";
    private static final Logger LOG = LoggerFactory.getLogger(LogbackSetup.class);

    private LogbackSetup() {
    }

    /**
     * @param data     the data folder; empty leaves Logback as it configured itself (its
     *                 {@code logback.configurationFile}, or its console default)
     * @param defaults the configuration written to {@code DATA/logback.xml} when it is missing, and used
     *                 when that file cannot be written
     */
    static void fromDataFolder(Optional<Path> data, URL defaults) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            LOG.warn("SLF4J is bound to {}, not Logback: {} is not read", factory.getClass().getName(), FILE_NAME);
            return;
        }
        if (data.isEmpty()) {
            LOG.info("no -D{} given: logging only as Logback configured itself, not to files", DataFolder.PROPERTY);
            return;
        }
        Path folder = data.get();
        Path file = folder.resolve(FILE_NAME);
        context.reset();
        context.putProperty(DataFolder.PROPERTY, folder.toString());
        String problem = writeIfMissing(file, defaults);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            if (problem == null) {
                configurator.doConfigure(file.toFile());
            } else {
                configurator.doConfigure(defaults);
            }
        } catch (JoranException e) {
            // Joran has recorded what is wrong in the context's status list, printed below
        }
        StatusPrinter.printInCaseOfErrorsOrWarnings(context);
        if (problem != null) {
            LOG.warn("{}; logging with the built-in defaults", problem);
        }
        LOG.info("logging configured by {}, files in {}", problem == null ? file : defaults, folder.resolve("logs"));
    }

    /** @return null when {@code file} exists or was written, else what went wrong */
    private static String writeIfMissing(Path file, URL defaults) {
        if (Files.exists(file)) {
            return null;
        }
        try (InputStream in = defaults.openStream()) {
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            return null;
        } catch (IOException e) {
            return "cannot write " + file + ": " + e;
        }
    }
}
