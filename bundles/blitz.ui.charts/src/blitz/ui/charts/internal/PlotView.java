// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import blitz.model.client.ClientStore;
import blitz.model.client.TimeSpan;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.LiveValues;
import blitz.ui.charts.model.PlotModel;
import blitz.ui.charts.model.TimeAxis;
import blitz.ui.charts.model.TimeRange;
import blitz.ui.charts.model.Variable;
import blitz.ui.parts.ServiceSlot;
import blitz.ui.topics.UiTopics;
import blitz.ui.variables.VariableLook;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Plot: chosen variables of a downloaded session, or live. This class holds the widgets and the
 * injected services; what is shown, and which buckets are asked from the store, is the
 * {@link PlotModel}'s (no SWT), the mouse is {@link PlotMouse}'s, Export PNG… is {@link PlotExport}'s
 * and the drawing {@link ChartPainter}'s.
 */
public class PlotView implements PlotModel.Screen {
    private Combo sessions;
    private Combo timeAxis;
    private Button liveButton;
    private Table variables;
    private Canvas canvas;
    private Label status;
    private PlotModel model;
    private PlotMouse mouse;
    private PlotExport export;
    private final ServiceSlot<ClientStore> store = ServiceSlot.of(() -> model.storeChanged());
    private volatile LiveValues live;
    private volatile DecoderRegistry registry;

    @PostConstruct
    public void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).numColumns(2).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(bar);
        new Label(bar, SWT.NONE).setText("Session:");
        sessions = new Combo(bar, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).hint(150, SWT.DEFAULT).applyTo(sessions);
        sessions.addListener(SWT.Selection, event -> model.chooseSession(sessions.getSelectionIndex()));
        liveButton = new Button(bar, SWT.TOGGLE);
        liveButton.setText("Live");
        liveButton.setToolTipText("Plot the live values of the connected logger");
        liveButton.addListener(SWT.Selection, event -> model.setLive(liveButton.getSelection()));
        timeAxis = new Combo(bar, SWT.READ_ONLY);
        timeAxis.setItems(Arrays.stream(TimeAxis.values()).map(TimeAxis::choice).toArray(String[]::new));
        timeAxis.select(0);
        timeAxis.setToolTipText("The time axis: seconds, or the clock (local time or UTC)");
        timeAxis.addListener(SWT.Selection, event -> model.setTimeAxis(TimeAxis.values()[timeAxis.getSelectionIndex()]));
        Button exportButton = new Button(bar, SWT.PUSH);
        exportButton.setText("Export PNG…");
        exportButton.addListener(SWT.Selection, event -> export
                .askAndWrite(model.sessionId() >= 0 ? "session-" + model.sessionId() + ".png" : "live.png"));
        status = new Label(bar, SWT.NONE); // a row of its own: a saved file's path is long
        GridDataFactory.fillDefaults().grab(true, false).span(5, 1).applyTo(status);

        variables = new Table(parent, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(false, true).hint(135, SWT.DEFAULT).applyTo(variables);
        variables.addListener(SWT.Selection, event -> {
            if (event.detail == SWT.CHECK) {
                model.choose(ticked());
            }
        });
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(canvas);
        model = new PlotModel(store::get, () -> live, () -> registry, new JobPlotScheduler(canvas), this);
        mouse = PlotMouse.on(canvas, model);
        export = new PlotExport(canvas, (gc, area, titled) -> ChartPainter.paint(gc, area,
                titled ? frame().titled(title()) : frame()), file -> status("Saved the plot to " + file));
        canvas.addPaintListener(event -> paint(event.gc, canvas.getClientArea()));
        canvas.addListener(SWT.Resize, event -> model.refresh());
        store.open(parent.getDisplay());
    }

    @Inject
    void setStore(@Optional @Service ClientStore newStore) {
        store.set(newStore);
    }

    /** The workbench's Sessions view posts this topic when the stored session list changed (a download, a delete). */
    @Inject
    @Optional
    void sessionsChanged(@UIEventTopic(UiTopics.SESSIONS) Object changed) {
        if (model != null) {
            model.loadSessions();
        }
    }

    @Inject
    void setLiveValues(@Optional @Service LiveValues newLive) {
        live = newLive;
    }

    @Inject
    void setRegistry(@Optional @Service DecoderRegistry newRegistry) {
        registry = newRegistry;
    }

    private List<String> ticked() {
        List<String> names = new ArrayList<>();
        for (TableItem item : variables.getItems()) {
            if (item.getChecked()) {
                names.add((String) item.getData());
            }
        }
        return names;
    }

    private void paint(GC gc, Rectangle area) {
        ChartPainter.paint(gc, area, frame());
        mouse.paintSelection(gc, area);
    }

    /** @return what the chart shows now */
    PlotFrame frame() {
        TimeRange range = model.range();
        TimeRange shown = range != null ? range : new TimeRange(0, 100_000);
        return new PlotFrame(shown, model.origin(), model.timeAxis(), model.live(), model.series(), model.markers(),
                model.message(), null, model.message() == null ? mouse.cursor() : null);
    }

    /** @return an exported image's title: the session (number, start) or live, and the variables plotted */
    String title() {
        String what = model.live() ? "Live values, " + LocalDateTime.now().withNano(0).toString().replace('T', ' ')
                : sessions.getText();
        return what + " \u2014 " + model.chosen().stream().map(variable -> VariableLook.label(variable.name()))
                .collect(Collectors.joining(", "));
    }

    /** @return what the chart shows */
    PlotModel model() {
        return model;
    }

    /** @return the chart as drawn now, at the canvas's size */
    ImageData snapshot() {
        return export.snapshot();
    }

    /** @return the chart as exported now, with its title */
    ImageData exported() {
        return export.exported();
    }

    /** Writes the chart as exported to a PNG file (what Export PNG… does once the file is chosen). */
    void exportPng(Path file) {
        export.write(file);
    }

    // --- PlotModel.Screen -----------------------------------------------------------------

    @Override
    public void sessions(List<String> labels) {
        sessions.setItems(labels.toArray(String[]::new));
    }

    @Override
    public void selectSession(int index) {
        if (index < 0) {
            sessions.deselectAll();
        } else {
            sessions.select(index);
        }
    }

    @Override
    public void variables(List<Variable> shown, List<String> checked) {
        variables.removeAll();
        for (Variable variable : shown) {
            TableItem item = new TableItem(variables, SWT.NONE);
            item.setText(VariableLook.label(variable.name()));
            item.setData(variable.name());
            item.setForeground(ChartPainter.colour(variable.rgb()));
            item.setChecked(checked.contains(variable.name()));
        }
    }

    @Override
    public void live(boolean on) {
        liveButton.setSelection(on);
    }

    @Override
    public void status(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    @Override
    public int plotWidth(int axes) {
        return ChartPainter.plotArea(canvas.getClientArea(), axes).width;
    }

    @Override
    public void redraw() {
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    @PreDestroy
    void dispose() {
        store.close();
        if (model != null) {
            model.dispose();
        }
    }
}
