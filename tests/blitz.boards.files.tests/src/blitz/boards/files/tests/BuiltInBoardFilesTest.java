// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import blitz.boards.FieldLayoutDecoder;
import blitz.boards.files.BoardFile;
import blitz.codec.BoardMessageCodec;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.message.BoardMessage;
import blitz.model.message.MessageType;
import blitz.testing.Osgi;

/**
 * Each built-in board's file gives the Java decoder's values bit for bit: on the original's worked
 * examples, on the recorded fixtures and on random messages of several lengths.
 */
class BuiltInBoardFilesTest {
    private static final int RANDOM_MESSAGES = 2_000;

    private static BoardDecoder javaDecoder(int boardId) {
        DecoderRegistry registry = Osgi.await(DecoderRegistry.class);
        Osgi.eventually("built-in board " + boardId, () -> registry.decoderFor(boardId).isPresent());
        assertEquals(DecoderRegistry.BUILT_IN, registry.origin(boardId), "the Java decoders stay the active built-ins");
        return registry.decoderFor(boardId).orElseThrow();
    }

    private static FieldLayoutDecoder fileDecoder(int boardId) {
        return BoardFilesOnDisk.builtIn().stream().map(BoardFilesOnDisk::read).map(BoardFile::decoder)
                .filter(d -> d.boardId() == boardId).findFirst().orElseThrow();
    }

    /** @return the values as raw bits, or the refusal */
    private static List<Object> bits(BoardDecoder decoder, BoardMessage message) {
        List<Object> bits = new ArrayList<>();
        try {
            for (DecodedValue value : decoder.decode(message)) {
                bits.add(value.name() + "=" + Long.toHexString(Double.doubleToRawLongBits(value.value())) + value.unit());
            }
        } catch (MessageDecodingException e) {
            bits.add("refused");
        }
        return bits;
    }

    private static List<Double> values(BoardDecoder decoder, String line) throws Exception {
        return decoder.decode(BoardMessageCodec.standard().parse(line)).stream().map(DecodedValue::value).toList();
    }

    @TestFactory
    Stream<DynamicTest> eachFileIsItsJavaBoard() {
        return BoardFilesOnDisk.builtIn().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            FieldLayoutDecoder file = BoardFilesOnDisk.read(path).decoder();
            BoardDecoder java = javaDecoder(file.boardId());
            assertEquals(java.description(), file.description());
            assertEquals(java.variables(), file.variables());
            Random random = new Random(file.boardId());
            for (int i = 0; i < RANDOM_MESSAGES; i++) {
                int bits = random.nextInt(4) == 0 ? random.nextInt(600) : 64;
                byte[] payload = new byte[(bits + 7) / 8];
                random.nextBytes(payload);
                BoardMessage message = new BoardMessage(file.boardId(), MessageType.DATA, random.nextInt(32),
                        random.nextInt() & 0xFFFF_FFFFL, payload, bits);
                assertEquals(bits(java, message), bits(file, message), path + ": " + message);
            }
        }));
    }

    @Test
    void theOriginalsWorkedExamples() throws Exception {
        assertEquals(List.of(3276.0, 3276.0, 3264.0, 0.0, 0.0), values(fileDecoder(8), "087500005555cccccccc00000000"));
        assertEquals(List.of(2047.0, 2049.0, 15.0, 4080.0, 0.0), values(fileDecoder(8), "08a0000003e87ff80100fff00000"));
        assertEquals(List.of(300.0, 200.0, 200.0), values(fileDecoder(9), "09a0000007d0012c00c800c80000"));
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0), values(fileDecoder(3), "03A000000001A500000000000000"));
        assertEquals(List.of(1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 65535.0, 32768.0, 32767.0),
                values(fileDecoder(4), "04B6000000010001FFFF80007FFF"));
    }

    @Test
    void aNetScannerLineAsTheOriginalServerBuiltIt() throws Exception {
        for (int board : new int[] { 10, 11 }) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%02X50%08X", board, 3000));
            for (int i = 15; i >= 0; i--) {
                line.append(String.format(Locale.ROOT, "%08X", (long) ((-1.5 + i * 3.141592) * 1e6 + 2e6)));
            }
            BoardMessage message = BoardMessageCodec.standard().parse(line.toString());
            assertEquals(bits(javaDecoder(board), message), bits(fileDecoder(board), message));
            assertEquals(-1.5 + 15 * 3.141592, values(fileDecoder(board), line.toString()).get(0), 1e-6);
        }
    }

    @Test
    void theWeatherExamplesFileKeepsItsRecordedValues() {
        Path weather = BoardFilesOnDisk.weather();
        BoardFile file = BoardFilesOnDisk.read(weather);
        assertEquals(0x20, file.decoder().boardId());
        assertEquals(8, file.fixtures().size(), "the example's eight recorded lines");
    }
}
