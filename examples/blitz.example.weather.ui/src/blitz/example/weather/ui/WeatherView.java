// SPDX-License-Identifier: EPL-2.0
package blitz.example.weather.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The example plug-in's view: the weather station's latest values, from the workbench's live values.
 * Added to the workbench by this bundle's model fragment; uses only Blitz's public API
 * ({@code blitz.model.sync}).
 */
public class WeatherView {
    /** Shown while no live-values service runs. */
    public static final String WAITING = "Waiting for live values from a weather station (board 0x20)";
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("air_temperature", "Air temperature");
        LABELS.put("relative_humidity", "Relative humidity");
        LABELS.put("air_pressure", "Air pressure");
        LABELS.put("wind_speed", "Wind speed");
        LABELS.put("rain_detected", "Rain");
    }

    private final Map<String, LiveVariable> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final Map<String, Label> values = new LinkedHashMap<>();
    private Composite parent;
    private Label status;
    private AutoCloseable subscription;

    @PostConstruct
    public void createControls(Composite parent) {
        this.parent = parent;
        parent.setLayout(new GridLayout(2, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        status.setText(WAITING);
        for (Map.Entry<String, String> entry : LABELS.entrySet()) {
            new Label(parent, SWT.NONE).setText(entry.getValue() + ":");
            Label value = new Label(parent, SWT.NONE);
            value.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            value.setText("—");
            values.put(entry.getKey(), value);
        }
        if (!pending.isEmpty() && refreshQueued.compareAndSet(false, true)) {
            parent.getDisplay().asyncExec(this::refresh); // values injected before the controls existed
        }
    }

    /** Called by E4 whenever the live-values service appears or leaves. */
    @Inject
    public void setLiveValues(@Optional @Service LiveValues live) {
        closeSubscription();
        if (live == null) {
            return;
        }
        live.latest().forEach(this::offer);
        subscription = live.subscribe(batch -> batch.forEach(this::offer));
    }

    private void offer(LiveVariable variable) {
        if (!LABELS.containsKey(variable.name()) || variable.boardId() != 0x20) {
            return;
        }
        pending.put(variable.name(), variable);
        // Values can come many times a second: one repaint per UI turn is enough.
        if (parent != null && !parent.isDisposed() && refreshQueued.compareAndSet(false, true)) {
            parent.getDisplay().asyncExec(this::refresh);
        }
    }

    private void refresh() {
        refreshQueued.set(false);
        if (parent.isDisposed()) {
            return;
        }
        for (LiveVariable variable : List.copyOf(pending.values())) {
            values.get(variable.name()).setText(format(variable));
        }
        status.setText("Live from the weather station");
        parent.layout(true, true);
    }

    /** @return how a value is shown, e.g. {@code "21.50 °C"} or {@code "yes"} for the rain flag */
    public static String format(LiveVariable variable) {
        if (variable.name().equals("rain_detected")) {
            return variable.value() != 0 ? "yes" : "no";
        }
        return String.format(Locale.ROOT, "%.2f %s", variable.value(), variable.unit());
    }

    @PreDestroy
    public void dispose() {
        closeSubscription();
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // the service is gone already; nothing left to stop
            }
            subscription = null;
        }
    }
}
