// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;

import blitz.client.replay.ReplayState;
import blitz.client.replay.ReplayState.Phase;
import blitz.client.replay.SessionReplay;
import blitz.model.Session;
import blitz.model.client.NotificationLog;
import blitz.ui.internal.Background;
import blitz.ui.internal.Problems;

/**
 * The replay row of the Sessions view: Replay (the selected downloaded session, at the chosen speed),
 * Pause/Resume, Stop, the speed, a position slider to seek, and what the replay is doing. The replay
 * itself runs in the {@link SessionReplay} service; its states arrive on its thread and are shown
 * through the UI thread's queue.
 */
final class ReplayControls {
    static final String NO_REPLAY = "Replay is not available (no replay service is running).";
    static final String IDLE = "Select a downloaded session and press Replay to play it through the live views.";
    private static final int SLIDER_STEPS = 1000;

    private final Display display;
    private final Supplier<Session> selected;
    private final Supplier<NotificationLog> notifications;
    private final Button replayButton;
    private final Button pauseButton;
    private final Button stopButton;
    private final Combo speed;
    private final Scale position;
    private final Label status;
    private volatile SessionReplay replay;
    private AutoCloseable subscription;
    private ReplayState shown = ReplayState.idle(SessionReplay.MIN_SPEED, "");
    private boolean dragging;

    ReplayControls(Composite parent, int horizontalSpan, Supplier<Session> selected,
            Supplier<NotificationLog> notifications) {
        this.display = parent.getDisplay();
        this.selected = selected;
        this.notifications = notifications;
        Composite row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(horizontalSpan, 1).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(row);
        replayButton = button(row, "Replay", "Play the selected downloaded session through the live views");
        replayButton.addListener(SWT.Selection, event -> startSelected());
        pauseButton = button(row, "Pause", "Hold the replay / go on");
        pauseButton.addListener(SWT.Selection, event -> pauseOrResume());
        stopButton = button(row, "Stop replay", "End the replay: the live views show the runtime again");
        stopButton.addListener(SWT.Selection, event -> control(SessionReplay::stop));
        speed = new Combo(row, SWT.READ_ONLY);
        speed.setToolTipText("Replay speed");
        for (double factor : SessionReplay.SPEEDS) {
            speed.add(factor(factor));
        }
        speed.select(0);
        speed.addListener(SWT.Selection, event -> control(service -> service.setSpeed(chosenSpeed())));
        position = new Scale(row, SWT.HORIZONTAL);
        position.setMaximum(SLIDER_STEPS);
        position.setToolTipText("Move the replay to another time of the session");
        // a row of its own, the view's whole width: usable in the narrow tab of a 1024×768 window
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(position);
        // a drag seeks once, where it ends; the keyboard seeks at each step
        position.addListener(SWT.MouseDown, event -> dragging = true);
        position.addListener(SWT.MouseUp, event -> {
            dragging = false;
            seekToSlider();
        });
        position.addListener(SWT.Selection, event -> {
            if (!dragging) {
                seekToSlider();
            }
        });
        status = new Label(row, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(6, 1).applyTo(status);
        show(shown);
    }

    private static Button button(Composite row, String text, String tip) {
        Button button = new Button(row, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        return button;
    }

    private static String factor(double factor) {
        return (long) factor + "×";
    }

    private double chosenSpeed() {
        return SessionReplay.SPEEDS.get(Math.max(0, speed.getSelectionIndex()));
    }

    /** A new replay service (or none): follow its states. */
    void setReplay(SessionReplay newReplay) {
        close();
        if (status.isDisposed()) {
            return; // the view is gone: follow nothing
        }
        replay = newReplay;
        if (newReplay != null) {
            subscription = newReplay.subscribe(state -> Background.onUi(display, () -> show(state)));
            show(newReplay.state());
        } else {
            show(ReplayState.idle(SessionReplay.MIN_SPEED, ""));
        }
    }

    /** Starts the selected session off the UI thread (the service reads the session first). */
    private void startSelected() {
        SessionReplay service = replay;
        Session session = selected.get();
        if (service == null || session == null) {
            return;
        }
        double factor = chosenSpeed();
        Shell shell = status.getShell(); // widgets are read on the UI thread only
        Background.run("Starting the replay of session " + session.refId(), () -> {
            try {
                service.start(session.refId(), factor);
            } catch (IllegalArgumentException | IllegalStateException e) {
                Problems.report(shell, notifications.get(), "Replay", e.getMessage());
            }
        });
    }

    private void pauseOrResume() {
        control(service -> {
            if (service.state().phase() == Phase.PAUSED) {
                service.resume();
            } else {
                service.pause();
            }
        });
    }

    private void seekToSlider() {
        ReplayState state = shown;
        if (state.phase() == Phase.IDLE) {
            return;
        }
        long target = state.firstTime()
                + Math.round((state.lastTime() - state.firstTime()) * (position.getSelection() / (double) SLIDER_STEPS));
        control(service -> service.seek(target));
    }

    /** Runs a quick control call of the service (they never wait for the store). */
    private void control(Consumer<SessionReplay> call) {
        SessionReplay service = replay;
        if (service != null) {
            try {
                call.accept(service);
            } catch (IllegalStateException e) {
                status.setText(e.getMessage()); // the replay ended meanwhile
            }
        }
    }

    /** Enables what applies to the selected session and the replay's phase. */
    void update() {
        show(shown);
    }

    private void show(ReplayState state) {
        if (status.isDisposed()) {
            return;
        }
        shown = state;
        boolean available = replay != null;
        Session session = selected.get();
        boolean active = state.phase() != Phase.IDLE;
        replayButton.setEnabled(available && session != null && session.available());
        pauseButton.setEnabled(available && (state.phase() == Phase.PLAYING || state.phase() == Phase.PAUSED));
        pauseButton.setText(state.phase() == Phase.PAUSED ? "Resume" : "Pause");
        stopButton.setEnabled(available && active);
        position.setEnabled(available && active);
        if (active) {
            int index = SessionReplay.SPEEDS.indexOf(state.speed());
            if (index >= 0 && index != speed.getSelectionIndex()) {
                speed.select(index);
            }
            if (!dragging) {
                position.setSelection((int) Math.round(state.progress() * SLIDER_STEPS));
            }
        }
        status.setText(!available ? NO_REPLAY : describe(state));
        status.getParent().layout();
    }

    static String describe(ReplayState state) {
        return switch (state.phase()) {
        case IDLE -> state.detail().isEmpty() ? IDLE : state.detail();
        case PLAYING, PAUSED -> state.summary();
        case FINISHED -> state.summary() + ". Stop replay gives the live views back to the runtime.";
        };
    }

    void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // the service is going away; nothing to undo
            }
            subscription = null;
        }
    }
}
