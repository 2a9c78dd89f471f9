// SPDX-License-Identifier: EPL-2.0
package blitz.netscanner.tests.kit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import blitz.model.source.CommandResult;
import blitz.source.support.PolledSource;
import blitz.source.support.SourceSettings;

/** A correct source of a {@link MemoryDevice}: only the transport steps, on {@link PolledSource}. */
final class MemorySource extends PolledSource {
    static final long STOP_TIMEOUT_MS = 1000;

    private final MemoryDevice device;
    private boolean connected;

    MemorySource(String id, MemoryDevice device) {
        super(new SourceSettings(id, "memory device " + id, "memory-source-" + id, TimeUnit.MILLISECONDS.toNanos(20), 200,
                STOP_TIMEOUT_MS, ""));
        this.device = device;
    }

    @Override
    public String description() {
        return "memory device";
    }

    @Override
    public CommandResult sendCommand(int boardId, String hexCommand) {
        return CommandResult.failed("no commands");
    }

    @Override
    protected Set<Integer> connect() throws IOException {
        try {
            device.connect(this::stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        connected = true;
        return Set.of(8);
    }

    @Override
    protected void exchange() throws IOException {
        String line;
        try {
            line = device.request(this::stopping);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (line == null) {
            drainCutShort("the device did not answer");
        } else if (line.equals(MemoryDevice.NOT_A_MESSAGE)) {
            badLine(8, line);
        } else {
            deliver(line);
        }
    }

    @Override
    protected void drain() {
        // the device buffers nothing
    }

    @Override
    protected void hangUp() {
        if (connected) {
            connected = false;
            device.disconnect();
        }
    }
}
