// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import blitz.client.replay.ReplayState.Phase;
import blitz.client.replay.SessionReplay;
import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.testing.swt.UiFixture;

/**
 * Replay from the Sessions view, watched in the Live variables view: the real replay and live values
 * services over a session stored in the real client store (Derby, in memory).
 */
class ReplayControlsTest {
    private static final long SESSION = 7001;
    private static final int STEPS = 200;
    /** A downloaded session row whose readings are gone (cleared), for the refusal. */
    private static final long EMPTY_SESSION = 7002;
    private static ClientStore store;

    @BeforeAll
    static void storeASession() {
        store = TestStore.memory();
        long one = store.getOrCreateCategory("adc_channel_one");
        long two = store.getOrCreateCategory("adc_channel_two");
        store.add(new Session(null, SESSION, true, 1_700_000_000_000L, 1_700_000_020_000L, STEPS));
        ReadingBatch batch = new ReadingBatch(2 * STEPS);
        for (int step = 0; step < STEPS; step++) { // 20 s of session, a value of each every 100 ms
            batch.add(step * 100L, one, step);
            batch.add(step * 100L, two, 1000 + step);
        }
        store.addReadings(SESSION, batch);
        store.add(new Session(null, EMPTY_SESSION, true, 1_700_000_000_000L, 1_700_000_020_000L, 0));
    }

    /** The store is shared by the module's tests, which count on the fixtures' sessions alone. */
    @AfterAll
    static void removeTheSession() {
        store.deleteSession(SESSION);
        store.deleteSession(EMPTY_SESSION);
    }

    @Test
    void replaysASessionFromTheSessionsViewIntoTheLiveVariables() throws Exception {
        SessionReplay replay = UiFixture.service(SessionReplay.class);
        try (UiFixture ui = new UiFixture()) {
            ui.shell().setSize(1200, 700);
            ui.make(SessionsPart.class);
            ui.make(LiveVariablesPart.class);
            List<Table> tables = UiFixture.find(ui.shell(), Table.class);
            Table sessions = tables.get(0);
            Table live = tables.get(1);
            Button start = button(ui, "Replay");
            assertFalse(start.isEnabled(), "nothing selected, nothing to replay");
            UiFixture.waitUntil("the stored session listed", 10_000, () -> rowOf(sessions) >= 0);
            sessions.select(rowOf(sessions));
            sessions.notifyListeners(SWT.Selection, new Event());
            UiFixture.waitUntil("Replay enabled for the downloaded session", 5_000, start::isEnabled);

            Combo speed = UiFixture.find(ui.shell(), Combo.class).get(0);
            speed.select(SessionReplay.SPEEDS.indexOf(5.0));
            speed.notifyListeners(SWT.Selection, new Event());
            click(start);
            Label liveState = UiFixture.find(live.getParent(), Label.class).get(0);
            UiFixture.waitUntil(() -> "the live view says it shows a replay: '" + liveState.getText() + "'", 10_000,
                    () -> liveState.getText().equals("Replay of session " + SESSION + " at 5×"));
            UiFixture.waitUntil(() -> "replayed values shown: " + UiFixture.rows(live), 10_000,
                    () -> live.getItemCount() == 2);
            String first = UiFixture.rows(live).get(0).get(1);
            UiFixture.waitUntil(() -> "the value moves on from " + first + ": " + UiFixture.rows(live), 10_000,
                    () -> live.getItemCount() == 2 && !UiFixture.rows(live).get(0).get(1).equals(first));
            assertEquals(List.of("Adc Channel One", "Adc Channel Two"),
                    UiFixture.rows(live).stream().map(row -> row.get(0)).toList());
            Label replayStatus = statusOf(ui);
            UiFixture.waitUntil(() -> "the replay row reports progress: " + replayStatus.getText(), 5_000,
                    () -> replayStatus.getText().startsWith("Replay of session " + SESSION + " at 5×: "));
            UiFixture.waitUntil("a third of the session replayed", 10_000, () -> replay.state().progress() > 0.3);
            UiFixture.spin(300);
            ui.screenshot("replay");

            Button pause = button(ui, "Pause");
            click(pause);
            UiFixture.waitUntil("paused", 5_000, () -> replay.state().phase() == Phase.PAUSED
                    && pause.getText().equals("Resume") && replayStatus.getText().contains("paused"));
            Scale slider = UiFixture.find(ui.shell(), Scale.class).get(0);
            slider.setSelection(slider.getMaximum() * 3 / 4);
            click(slider);
            assertEquals(Phase.PAUSED, replay.state().phase(), "moved, still paused");
            assertEquals(STEPS * 100 * 3 / 4, replay.state().position(), 100, "moved to three quarters of the session");
            click(pause);
            UiFixture.waitUntil("playing again", 5_000, () -> replay.state().phase() == Phase.PLAYING);
            UiFixture.waitUntil(() -> "values from three quarters on: " + UiFixture.rows(live), 5_000,
                    () -> live.getItemCount() == 2 && Double.parseDouble(UiFixture.rows(live).get(0).get(1)) >= 149);

            click(button(ui, "Stop replay"));
            UiFixture.waitUntil(() -> "the live view back to the runtime: " + UiFixture.rows(live), 10_000,
                    () -> live.getItemCount() == 0 && liveState.getText().isEmpty());
            assertEquals(Phase.IDLE, replay.state().phase());
            UiFixture.waitUntil("the replay row idle", 5_000,
                    () -> replayStatus.getText().equals(ReplayControls.IDLE));
        } finally {
            replay.stop();
        }
    }

    /** A refused replay is explained in a dialog and logged as a notification; nothing starts. */
    @Test
    void explainsARefusedReplay() throws Exception {
        SessionReplay replay = UiFixture.service(SessionReplay.class);
        try (UiFixture ui = new UiFixture()) {
            ui.make(SessionsPart.class);
            Table sessions = ui.table();
            UiFixture.waitUntil("the session listed", 10_000, () -> rowOf(sessions, EMPTY_SESSION) >= 0);
            sessions.select(rowOf(sessions, EMPTY_SESSION));
            sessions.notifyListeners(SWT.Selection, new Event());
            Button start = button(ui, "Replay");
            UiFixture.waitUntil("Replay enabled", 5_000, start::isEnabled);
            List<String> dialogTexts = new ArrayList<>();
            closeDialogTitled("Replay", ui.shell().getDisplay(), dialogTexts);
            click(start);
            UiFixture.waitUntil("the refusal shown in a dialog", 10_000, () -> !dialogTexts.isEmpty());
            String expected = "Session " + EMPTY_SESSION
                    + " has no readings in the workbench to replay: download it first.";
            assertTrue(dialogTexts.contains(expected), dialogTexts::toString);
            assertTrue(store.all(Notification.class).stream().anyMatch(n -> n.description().equals(expected)),
                    "logged as a notification");
            assertEquals(Phase.IDLE, replay.state().phase(), "nothing started");
        }
    }

    /** Watches for a dialog with this title (it runs its own event loop), notes its labels and closes it. */
    private static void closeDialogTitled(String title, Display display, List<String> texts) {
        display.timerExec(50, () -> {
            for (Shell shell : display.getShells()) {
                if (title.equals(shell.getText()) && shell.isVisible()) {
                    UiFixture.find(shell, Label.class).forEach(label -> texts.add(label.getText()));
                    shell.close();
                    return;
                }
            }
            closeDialogTitled(title, display, texts);
        });
    }

    private static int rowOf(Table sessions) {
        return rowOf(sessions, SESSION);
    }

    private static int rowOf(Table sessions, long session) {
        List<List<String>> rows = UiFixture.rows(sessions);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(1).equals(Long.toString(session))) {
                return i;
            }
        }
        return -1;
    }

    private static Button button(UiFixture ui, String text) {
        return UiFixture.find(ui.shell(), Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** @return the replay row's status line: the label in the row of the position slider */
    private static Label statusOf(UiFixture ui) {
        return UiFixture.find(UiFixture.find(ui.shell(), Scale.class).get(0).getParent(), Label.class).get(0);
    }

    private static void click(Widget button) {
        button.notifyListeners(SWT.Selection, new Event());
    }
}
