// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import blitz.client.alarms.AlarmService;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.ui.internal.Background;
import blitz.ui.internal.Names;
import blitz.ui.parts.ServiceSlot;
import blitz.ui.variables.VariableLook;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Live variables: the latest value of every variable, as the original's Variables tab, with unit,
 * time and, for a variable with an alarm rule, its alarm state (OK, LOW, HIGH); names, colours, number
 * format and order follow {@link VariableLook}, as in the Plot. New values arrive on the poller's thread in any number; the table is redrawn at most every
 * {@link #MIN_REFRESH_MS} ms from {@link LiveValues#latest()}, so the UI thread never queues up work.
 * During a replay the state line says which session is replayed, and at what speed.
 */
public class LiveVariablesPart {
    static final String NOT_AVAILABLE = "Live values are not available (no live values service is running).";
    /** At most ten redraws a second. */
    static final long MIN_REFRESH_MS = 100;

    private Display display;
    private Label state;
    private TableViewer table;
    private final ServiceSlot<LiveValues> live = ServiceSlot.of(this::refresh,
            (values, display) -> values.subscribe(batch -> valuesArrived()));
    private volatile AlarmService alarms;
    private volatile VariableLook look = VariableLook.of(null);
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private long lastRefresh;
    private int refreshes;

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(parent);
        state = Tables.stateLine(parent, 1);
        table = Tables.viewer(parent, 1);
        Tables.<LiveVariable>column(table, "Variable", 150, variable -> VariableLook.label(variable.name()),
                variable -> colour(variable.name()));
        Tables.<LiveVariable>column(table, "Value", 80, variable -> VariableLook.format(variable.value()));
        Tables.<LiveVariable>column(table, "Unit", 45, LiveVariable::unit);
        Tables.<LiveVariable>column(table, "Time", 135, variable -> Names.time(variable.timeMillis()));
        Tables.<LiveVariable>column(table, "Alarm", 55, variable -> alarm(variable.name()));
        live.open(display);
    }

    @Inject
    void setLiveValues(@Optional @Service LiveValues newLive) {
        live.set(newLive);
    }

    @Inject
    void setRegistry(@Optional @Service DecoderRegistry registry) {
        look = VariableLook.of(registry);
    }

    /** @return the variable's colour, the same as in the Plot */
    private Color colour(String variable) {
        int rgb = look.rgb(variable);
        return new Color(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
    }

    @Inject
    void setAlarms(@Optional @Service AlarmService newAlarms) {
        alarms = newAlarms;
    }

    /**
     * @return a variable's alarm state for the table: empty without an enabled rule, before its first
     *         value, and during a replay (alarms watch the runtime only)
     */
    private String alarm(String variable) {
        AlarmService source = alarms;
        LiveValues values = live.get();
        if (values != null && values.source().replay()) {
            return "";
        }
        return source == null ? "" : source.state(variable).map(state -> switch (state) {
        case UNKNOWN -> "";
        case NORMAL -> "OK";
        case LOW, HIGH -> state.name();
        }).orElse("");
    }

    /** Called on the poller's thread: schedules one redraw unless one is already waiting. */
    private void valuesArrived() {
        if (refreshPending.compareAndSet(false, true)) {
            Background.onUi(display, () -> {
                long wait = Math.max(0, lastRefresh + MIN_REFRESH_MS - System.currentTimeMillis());
                display.timerExec((int) wait, this::refresh);
            });
        }
    }

    private void refresh() {
        refreshPending.set(false);
        if (table.getTable().isDisposed()) {
            return;
        }
        lastRefresh = System.currentTimeMillis();
        refreshes++;
        LiveValues source = live.get();
        List<LiveVariable> latest = source == null ? List.of()
                : source.latest().stream().sorted(Comparator.comparing(LiveVariable::name, look.order())).toList();
        table.setInput(latest);
        showSource(source);
    }

    /** Says when the values are a replay, not the runtime's (the source changing sends an empty batch). */
    private void showSource(LiveValues source) {
        String text = source == null ? NOT_AVAILABLE : source.source().label();
        if (!text.equals(state.getText())) {
            state.setText(text);
            state.getParent().layout();
        }
    }

    /** @return how many times the table was redrawn (for the refresh-rate test) */
    int refreshes() {
        return refreshes;
    }

    @PreDestroy
    void dispose() {
        live.close();
    }
}
