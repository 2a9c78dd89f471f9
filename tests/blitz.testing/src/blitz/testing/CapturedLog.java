// SPDX-License-Identifier: EPL-2.0
package blitz.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

/**
 * What a test's code logs while attached: records of an SLF4J (Logback) logger and its children, records
 * of the java.util.logging logger of the same name (where {@code System.Logger} goes in the test
 * runtimes), and everything written to {@code System.err} (where the test runtimes' console appender
 * writes), so a test can check that no secret is ever logged.
 */
public final class CapturedLog extends Handler {
    private final Logger logger;
    private final ch.qos.logback.classic.Logger slf4jLogger;
    private final AppenderBase<ILoggingEvent> slf4jRecords = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            IThrowableProxy thrown = event.getThrowableProxy();
            String line = event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage() + "\n"
                    + (thrown == null ? "" : ThrowableProxyUtil.asString(thrown) + "\n");
            synchronized (CapturedLog.this) {
                lines.add(line);
            }
        }
    };
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    /** @param loggerName the logger (and its children) to capture, e.g. {@code "blitz"} */
    public CapturedLog(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.slf4jLogger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(loggerName);
    }

    public CapturedLog attach() {
        logger.addHandler(this);
        slf4jRecords.setContext(slf4jLogger.getLoggerContext());
        slf4jRecords.start();
        slf4jLogger.addAppender(slf4jRecords);
        originalErr = System.err;
        PrintStream original = originalErr;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (CapturedLog.this) {
                    stderr.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (CapturedLog.this) {
                    stderr.write(b, off, len);
                }
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        return this;
    }

    public void detach() {
        logger.removeHandler(this);
        slf4jLogger.detachAppender(slf4jRecords);
        slf4jRecords.stop();
        if (originalErr != null) {
            System.setErr(originalErr);
            originalErr = null;
        }
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    /** Forgets what was captured so far. */
    public synchronized void clear() {
        lines.clear();
        stderr.reset();
    }

    /** @return the captured records, formatted, then what went to {@code System.err} */
    public synchronized String text() {
        return String.join("", lines) + stderr.toString(StandardCharsets.UTF_8);
    }

    /** @return how many logged records contain {@code part} */
    public synchronized long count(String part) {
        return lines.stream().filter(line -> line.contains(part)).count();
    }

    /** @return how many records were logged */
    public synchronized int records() {
        return lines.size();
    }

    /** @throws AssertionError naming the first of {@code secrets} that shows in the captured text */
    public void assertNeverContains(String... secrets) {
        String text = text();
        for (String secret : secrets) {
            if (text.contains(secret)) {
                throw new AssertionError("the log contains '" + secret + "':\n" + text);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
