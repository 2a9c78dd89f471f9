// SPDX-License-Identifier: EPL-2.0
package blitz.server.support.internal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import blitz.model.server.ServerStore;

/**
 * The on-disk record format shared by the embedded journal and the outage spool:
 * {@code [int payload length][int CRC32 of payload][payload]}, big-endian. A record whose length is
 * out of range, that is cut short, or whose CRC does not match ends the valid part of a file (a torn
 * write after a crash).
 */
public final class RecordCodec {
    /** Bytes before the payload. */
    public static final int HEADER_BYTES = 8;
    /** Largest payload: a longest message in UTF-8 plus room for an op header. */
    public static final int MAX_PAYLOAD_BYTES = ServerStore.MAX_MESSAGE_LENGTH * 4 + 64;

    private RecordCodec() {
    }

    /** @return the bytes {@code payload} takes as a record */
    public static int recordLength(byte[] payload) {
        return HEADER_BYTES + payload.length;
    }

    /** Writes one record; {@code target} must have {@link #recordLength} bytes remaining. */
    public static void put(ByteBuffer target, byte[] payload) {
        target.putInt(payload.length);
        target.putInt(crc(payload, 0, payload.length));
        target.put(payload);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static boolean plausibleLength(int length) {
        return length >= 0 && length <= MAX_PAYLOAD_BYTES;
    }
}
