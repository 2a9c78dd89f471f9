// SPDX-License-Identifier: EPL-2.0
package blitz.model;

import java.nio.file.Path;

/**
 * Where Blitz keeps its files. Configured folders may start with {@code ${blitz.data}} (the folder the
 * launch scripts pass as the {@code blitz.data} system property, by default {@code ~/.blitz}) or
 * {@code ${user.home}}, so that one {@code --data} option moves everything a runtime or workbench stores.
 */
public final class DataFolder {
    /** The system property the launch scripts set. */
    public static final String PROPERTY = "blitz.data";

    private DataFolder() {
    }

    /** @return the data folder: {@code -Dblitz.data}, else {@code ~/.blitz} */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        return configured == null || configured.isBlank() ? Path.of(System.getProperty("user.home"), ".blitz")
                : Path.of(configured);
    }

    /** @return {@code template} with {@code ${blitz.data}} and {@code ${user.home}} replaced */
    public static Path resolve(String template) {
        return Path.of(template.replace("${" + PROPERTY + "}", root().toString()).replace("${user.home}",
                System.getProperty("user.home")));
    }
}
