// SPDX-License-Identifier: EPL-2.0
package blitz.products.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a numbered board's stored session holds, from the sequence numbers of its lines (the
 * numbered-message extension, docs/protocol.md: type EXTENDED, the first 32 payload bits count from 0
 * when the board starts). {@code sent} is the highest sequence number stored plus one: the messages
 * the board had sent up to the last one stored.
 */
record SequenceTally(long sent, long stored, long lost, long duplicated, long firstMissing) {
    /** sender 2 hex, meta byte of type EXTENDED (code 7 in its top 3 bits), timestamp 8 hex, then the sequence number. */
    private static final Pattern NUMBERED = Pattern.compile("(?i)([0-9a-f]{2})([ef][0-9a-f])[0-9a-f]{8}([0-9a-f]{8})[0-9a-f]*");

    static SequenceTally of(List<String> lines, int boardId) {
        BitSet seen = new BitSet();
        long duplicated = 0;
        for (String line : lines) {
            Matcher m = NUMBERED.matcher(line);
            assertTrue(m.matches(), () -> "not a numbered board message: '" + line + "'");
            assertEquals(boardId, Integer.parseInt(m.group(1), 16), () -> "a line of another board: " + line);
            long sequence = Long.parseLong(m.group(3), 16);
            assertTrue(sequence < Integer.MAX_VALUE, () -> "sequence number out of this test's range: " + line);
            if (seen.get((int) sequence)) {
                duplicated++;
            }
            seen.set((int) sequence);
        }
        long sent = seen.length();
        long lost = sent - seen.cardinality();
        return new SequenceTally(sent, lines.size(), lost, duplicated, lost == 0 ? -1 : seen.nextClearBit(0));
    }

    /**
     * Downloads the newest session, counts it, reports the case ({@code extra} followed by the ledger)
     * and checks that nothing is missing or doubled and the ledger is empty.
     */
    static SequenceTally checkNothingLost(LoggerClient client, String fault, String extra) {
        List<long[]> sessions = FaultRuntime.sessions(client.request("SESSIONS"));
        long[] session = sessions.get(sessions.size() - 1);
        List<String> lines = client.download(session[0]);
        assertEquals(session[3], lines.size(), "every listed message downloads");
        SequenceTally tally = of(lines, FaultRuntime.BOARD);
        Map<String, Long> ledger = FaultRuntime.gapTotals(client.request("GAPS " + session[0]), session[0]);
        tally.report(fault, extra + ", ledger " + ledger);
        assertEquals(0, tally.duplicated(), "duplicates");
        assertEquals(0, tally.lost(), () -> "hole in the sequence at " + tally.firstMissing());
        assertEquals(Map.of(), ledger, "nothing lost, nothing in the ledger");
        return tally;
    }

    /** Prints and returns the report line of a fault case, also appended to the suite's report file. */
    String report(String fault, String extra) {
        String line = String.format(Locale.ROOT, "fault %s: sent=%d stored=%d lost=%d duplicated=%d%s", fault, sent, stored,
                lost, duplicated, extra.isEmpty() ? "" : " (" + extra + ")");
        System.out.println(line);
        appendToReport(line);
        return line;
    }

    /** Appends a line to {@code target/fault-report.txt} (system property {@code blitz.faults.report}). */
    static void appendToReport(String line) {
        Path report = Path.of(System.getProperty("blitz.faults.report", "target/fault-report.txt"));
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the fault report " + report, e);
        }
    }
}
