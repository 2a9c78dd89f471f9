// SPDX-License-Identifier: EPL-2.0
package blitz.derby.internal;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete, non-blank line (without its line end) to a consumer. */
final class LineWriter extends Writer {
    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() {
        // a line is handed on when it ends; Derby flushes after every part of one
    }

    @Override
    public synchronized void close() {
        emit();
    }

    private void emit() {
        if (!pending.toString().isBlank()) {
            lines.accept(pending.toString());
        }
        pending.setLength(0);
    }
}
