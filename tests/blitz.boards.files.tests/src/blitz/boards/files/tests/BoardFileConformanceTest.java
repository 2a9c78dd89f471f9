// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import blitz.boards.files.BoardFile;
import blitz.boards.files.BoardFixture;
import blitz.boards.files.CheckBoard;
import blitz.boards.files.internal.CheckBoardCommand;
import blitz.decoder.conformance.DecoderConformanceChecks;
import blitz.decoder.conformance.DecoderFixture;
import blitz.testing.Osgi;

/** The decoder conformance kit over every board file Blitz ships, and the command line check over each. */
class BoardFileConformanceTest {

    private static DecoderFixture kitFixture(BoardFixture fixture) {
        return new DecoderFixture(fixture.origin(), fixture.line(), fixture.message(), fixture.expected());
    }

    @TestFactory
    Stream<DynamicNode> theKitPassesOnEveryFile() {
        return BoardFilesOnDisk.all().stream().map(path -> {
            BoardFile file = BoardFilesOnDisk.read(path);
            Random random = new Random(20_140_419L);
            return DynamicContainer.dynamicContainer(path.getFileName().toString(), Stream.concat(Stream.of(
                    DynamicTest.dynamicTest("constants", () -> DecoderConformanceChecks.checkConstants(file.decoder())),
                    DynamicTest.dynamicTest("has fixtures", () -> assertFalse(file.fixtures().isEmpty())),
                    DynamicTest.dynamicTest("random messages", () -> DecoderConformanceChecks.checkRandomMessages(file.decoder(), 20_140_419L, 5_000)),
                    DynamicTest.dynamicTest("concurrent", () -> DecoderConformanceChecks.checkConcurrentDecoding(file.decoder(),
                            file.fixtures().stream().map(BoardFileConformanceTest::kitFixture).toList(), 4, 2_000))),
                    file.fixtures().stream().map(BoardFileConformanceTest::kitFixture).map(fixture -> DynamicTest.dynamicTest(fixture.toString(), () -> {
                        DecoderConformanceChecks.checkFixture(file.decoder(), fixture);
                        DecoderConformanceChecks.checkShortPayloads(file.decoder(), fixture, true);
                        DecoderConformanceChecks.checkExtraBitsIgnored(file.decoder(), fixture, random);
                    }))));
        });
    }

    @TestFactory
    Stream<DynamicTest> theCommandLineCheckPassesEveryFile() {
        return BoardFilesOnDisk.all().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean passed = CheckBoard.report(path, new PrintStream(out, true, StandardCharsets.UTF_8));
            String report = out.toString(StandardCharsets.UTF_8);
            assertEquals(true, passed, report);
            assertEquals(true, report.startsWith("PASS " + path), report);
        }));
    }

    @org.junit.jupiter.api.Test
    void theShellCommandReportsAsTheMainClass() {
        CheckBoardCommand command = Osgi.await(CheckBoardCommand.class, "(&(osgi.command.scope=client)(osgi.command.function=check-board))");
        String report = command._main("check-board", BoardFilesOnDisk.weather().toString());
        assertTrue(report.startsWith("PASS " + BoardFilesOnDisk.weather()), report);
        assertTrue(command._main("check-board", "/no/such/board.json").startsWith("FAIL /no/such/board.json:0:0: cannot read"));
    }
}
