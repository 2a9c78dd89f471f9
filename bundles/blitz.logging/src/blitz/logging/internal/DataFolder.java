// SPDX-License-Identifier: EPL-2.0
package blitz.logging.internal;

import java.nio.file.Path;
import java.util.Optional;

/** The data folder the launch scripts pass as {@code -Dblitz.data=DIR}. */
final class DataFolder {
    static final String PROPERTY = "blitz.data";

    private DataFolder() {
    }

    /** @return the folder, or empty when the JVM was started without one (tests, a bare OSGi launch) */
    static Optional<Path> fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()).toAbsolutePath());
    }
}
