// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.ui.internal.TinyLogger;
import blitz.testing.swt.UiFixture;

/** Runtime &amp; Boards lists the built-in boards from the real registry and marks the runtime's boards. */
class RuntimePartTest {
    private final LoggerConnection connection = UiFixture.service(LoggerConnection.class);

    @AfterEach
    void disconnect() {
        connection.disconnect();
    }

    @Test
    void listsTheSixBuiltInBoards() {
        try (UiFixture ui = new UiFixture()) {
            ui.make(RuntimePart.class);
            Table table = ui.table();
            UiFixture.waitUntil("six boards listed", 10_000, () -> table.getItemCount() == 6);
            List<List<String>> rows = UiFixture.rows(table);
            assertEquals(List.of("3 (03)", "4 (04)", "8 (08)", "9 (09)", "10 (0a)", "11 (0b)"),
                    rows.stream().map(row -> row.get(0)).toList());
            assertEquals(List.of("8 (08)", "Blitz Basic Expansion Board"), rows.get(2).subList(0, 2));
            assertEquals("Motor Expansion Board", rows.get(3).get(1));
            assertTrue(rows.stream().allMatch(row -> Integer.parseInt(row.get(2)) > 0), rows::toString);
            assertTrue(rows.stream().allMatch(row -> row.get(3).isEmpty()), "nothing connected yet: " + rows);
        }
    }

    @Test
    void marksTheBoardsTheRuntimeReports() throws Exception {
        try (UiFixture ui = new UiFixture(); TinyLogger logger = new TinyLogger()) {
            ui.make(RuntimePart.class);
            Table table = ui.table();
            new Thread(() -> connection.connect(Endpoint.of("127.0.0.1", logger.port()))).start();
            UiFixture.waitUntil(() -> "boards 8 and 9 marked connected: " + UiFixture.rows(table), 15_000,
                    () -> UiFixture.rows(table).stream().filter(row -> row.get(3).equals("✓"))
                            .map(row -> row.get(0)).toList().equals(List.of("8 (08)", "9 (09)")));
            List<String> labels = UiFixture.find(ui.shell(), Label.class).stream().map(Label::getText).toList();
            assertTrue(labels.contains("127.0.0.1:" + logger.port()), labels::toString);
            assertTrue(labels.contains("none (the original logger protocol)"), labels::toString);
        }
    }
}
