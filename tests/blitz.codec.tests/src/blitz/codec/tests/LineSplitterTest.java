// SPDX-License-Identifier: EPL-2.0
package blitz.codec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import blitz.codec.BoardMessageCodec;
import blitz.codec.LineSplitter;
import blitz.codec.MalformedLineException;

class LineSplitterTest {
    private static final String GOOD_1 = "08A0000003E87FF80100FFF00000";
    private static final String GOOD_2 = "09a0000007d0012c00c800c80000";
    /** What a board port delivers after a reset: noise, a half line, messages, short replies, blank lines. */
    private static final byte[] STREAM = concat(new byte[] { 0, (byte) 0xFF, (byte) 0x80, 'z', '\r', '\n' },
            ("7FF80100FFF00000\r\n" + GOOD_1 + "\r\n\r\n0840\r\n" + GOOD_2 + "\n" + "hello board\r" + GOOD_1 + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
    private static final List<String> STREAM_LINES = List.of("\u0000\u00FF\u0080z", "7FF80100FFF00000", GOOD_1, "0840", GOOD_2,
            "hello board", GOOD_1);

    private final List<String> lines = new ArrayList<>();

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private LineSplitter splitter(int max) {
        return new LineSplitter(max, lines::add);
    }

    @Test
    void splitsAStreamWithGarbageBetweenLines() {
        LineSplitter splitter = splitter(64);
        splitter.feed(STREAM, 0, STREAM.length);
        assertEquals(STREAM_LINES, lines);
        assertEquals(STREAM_LINES.size(), splitter.lines());
        assertEquals(0, splitter.overflows());

        int messages = 0;
        int bad = 0;
        for (String line : lines) {
            try {
                BoardMessageCodec.standard().parse(line);
                messages++;
            } catch (MalformedLineException e) {
                bad++;
            }
        }
        assertEquals(3, messages);
        assertEquals(4, bad);
    }

    @Test
    void aLineSplitAcrossTwoReadsAtAnyOffsetComesOutWhole() {
        for (int cut = 0; cut <= STREAM.length; cut++) {
            lines.clear();
            LineSplitter splitter = splitter(64);
            splitter.feed(STREAM, 0, cut);
            splitter.feed(STREAM, cut, STREAM.length - cut);
            assertEquals(STREAM_LINES, lines, "cut at " + cut);
        }
    }

    @Test
    void byteByByteAndInThreeChunksGiveTheSameLines() {
        LineSplitter splitter = splitter(64);
        for (int i = 0; i < STREAM.length; i++) {
            splitter.feed(STREAM, i, 1);
        }
        assertEquals(STREAM_LINES, lines);
        for (int first = 1; first < STREAM.length - 1; first += 3) {
            for (int second = first; second < STREAM.length; second += 7) {
                lines.clear();
                LineSplitter chunked = splitter(64);
                chunked.feed(STREAM, 0, first);
                chunked.feed(STREAM, first, second - first);
                chunked.feed(STREAM, second, STREAM.length - second);
                assertEquals(STREAM_LINES, lines, "cuts at " + first + " and " + second);
            }
        }
    }

    @Test
    void acceptsCrLfAndCrlfAndSkipsEmptyLines() {
        byte[] bytes = ascii("a\rb\nc\r\nd\n\re\r\r\n\n\nf");
        splitter(8).feed(bytes, 0, bytes.length);
        assertEquals(List.of("a", "b", "c", "d", "e"), lines, "f has no terminator yet");
        LineSplitter splitter = splitter(8);
        lines.clear();
        splitter.feed(bytes, 0, bytes.length);
        assertEquals(1, splitter.pending());
        splitter.feed(ascii("\n"), 0, 1);
        assertEquals("f", lines.get(lines.size() - 1));
    }

    @Test
    void discardsAndCountsOverLongLinesWithBoundedMemory() {
        LineSplitter splitter = splitter(28);
        byte[] overlong = ascii(GOOD_1 + "0");
        byte[] exact = ascii(GOOD_1 + "\r\n");
        splitter.feed(exact, 0, exact.length);
        for (int i = 0; i < 1000; i++) {
            splitter.feed(overlong, 0, overlong.length);
            assertTrue(splitter.pending() <= 28);
        }
        splitter.feed(ascii("\r\n"), 0, 2);
        splitter.feed(exact, 0, exact.length);
        byte[] longInOneRead = ascii("X".repeat(100) + "\n0840\n" + "Y".repeat(29) + "\r\n");
        splitter.feed(longInOneRead, 0, longInOneRead.length);
        assertEquals(List.of(GOOD_1, GOOD_1, "0840"), lines);
        assertEquals(3, splitter.overflows());
        assertEquals(3, splitter.lines());
    }

    @Test
    void resetForgetsAPartialLine() {
        LineSplitter splitter = splitter(28);
        splitter.feed(ascii("08A00000"), 0, 8);
        splitter.reset();
        splitter.feed(ascii("0840\n"), 0, 5);
        assertEquals(List.of("0840"), lines);
    }

    @Test
    void readsHeapAndDirectByteBuffers() {
        LineSplitter splitter = splitter(64);
        ByteBuffer heap = ByteBuffer.wrap(STREAM, 3, STREAM.length - 3).slice();
        splitter.feed(ByteBuffer.wrap(STREAM, 0, 3));
        splitter.feed(heap);
        assertEquals(0, heap.remaining());
        assertEquals(STREAM_LINES, lines);

        lines.clear();
        ByteBuffer direct = ByteBuffer.allocateDirect(20_000);
        for (int i = 0; i < 500; i++) {
            direct.put(ascii(GOOD_2 + "\r\n"));
        }
        direct.flip();
        splitter.feed(direct);
        assertEquals(500, lines.size());
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new LineSplitter(0, lines::add));
        assertThrows(IndexOutOfBoundsException.class, () -> splitter(8).feed(new byte[4], 2, 3));
    }
}
