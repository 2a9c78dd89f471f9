// SPDX-License-Identifier: EPL-2.0
package blitz.derby.internal;

import java.io.Writer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derby's error log ({@code derby.log}: boot and shutdown lines, errors with their stack traces) as
 * SLF4J records of the logger {@code org.apache.derby}. Derby finds it by the system property
 * {@code derby.stream.error.method=blitz.derby.internal.DerbyErrorLog.writer}, which the launch scripts
 * set; Derby loads the class with this bundle's class loader, so the package need not be exported.
 */
public final class DerbyErrorLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.apache.derby");

    private DerbyErrorLog() {
    }

    /** @return a writer whose every line becomes one record: a warning when it tells of an error, else info */
    public static Writer writer() {
        return new LineWriter(line -> {
            if (line.startsWith("ERROR") || line.contains("Exception")) {
                LOG.warn("{}", line);
            } else {
                LOG.info("{}", line);
            }
        });
    }
}
