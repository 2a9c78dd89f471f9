// SPDX-License-Identifier: EPL-2.0
package blitz.logging.eclipselink;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EclipseLink's log as SLF4J records of {@code org.eclipse.persistence.<category>} (e.g.
 * {@code org.eclipse.persistence.sql}). The launch scripts select it with
 * {@code -Declipselink.logging.logger=blitz.logging.eclipselink.Slf4jSessionLog}; EclipseLink loads
 * the class with its JPA bundle's class loader, which is why this is a fragment of that bundle.
 * EclipseLink's own level ({@code eclipselink.logging.level}, INFO by default) filters first.
 */
public final class Slf4jSessionLog extends AbstractSessionLog {
    private static final String PREFIX = "org.eclipse.persistence.";

    @Override
    public void log(SessionLogEntry entry) {
        if (!shouldLog(entry.getLevel(), entry.getNameSpace())) {
            return;
        }
        Logger logger = LoggerFactory.getLogger(PREFIX + (entry.getNameSpace() == null ? "default" : entry.getNameSpace()));
        String message = formatMessage(entry);
        Throwable thrown = entry.getException();
        switch (entry.getLevel()) {
        case SessionLog.SEVERE -> logger.error(message, thrown);
        case SessionLog.WARNING -> logger.warn(message, thrown);
        case SessionLog.INFO, SessionLog.CONFIG -> logger.info(message, thrown);
        case SessionLog.FINE -> logger.debug(message, thrown);
        default -> logger.trace(message, thrown);
        }
    }
}
