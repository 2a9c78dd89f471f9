package blitz.ui.internal.parts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;

import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.ui.internal.Names;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The plot area: the live history of every variable as lines over the last {@link #WINDOW_MS} ms
 * (x "Time Logged (s)", y "Value", legend with the original's title-cased names), redrawn five times a
 * second from {@link LiveValues}. The SWTChart plots of stored sessions replace it later (issue 7).
 */
public class PlotPart {
    static final long WINDOW_MS = 60_000;
    private static final int REDRAW_MS = 200;
    private static final int MARGIN = 48;
    private static final int[] COLOURS = { SWT.COLOR_BLUE, SWT.COLOR_RED, SWT.COLOR_DARK_GREEN, SWT.COLOR_MAGENTA,
            SWT.COLOR_DARK_CYAN, SWT.COLOR_DARK_YELLOW, SWT.COLOR_BLACK };

    private Canvas canvas;
    private volatile LiveValues live;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(event -> paint(event.gc, canvas.getClientArea()));
        redrawLater(parent.getDisplay());
    }

    @Inject
    void setLiveValues(@Optional @Service LiveValues newLive) {
        live = newLive;
    }

    private void redrawLater(Display display) {
        display.timerExec(REDRAW_MS, () -> {
            if (!canvas.isDisposed()) {
                if (canvas.isVisible() && live != null) {
                    canvas.redraw();
                }
                redrawLater(display);
            }
        });
    }

    private void paint(GC gc, Rectangle area) {
        Rectangle plot = new Rectangle(area.x + MARGIN, area.y + 16, area.width - 2 * MARGIN, area.height - MARGIN - 16);
        if (plot.width < 20 || plot.height < 20) {
            return;
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawRectangle(plot);
        gc.drawText("Time Logged (s)", plot.x + plot.width / 2 - 40, plot.y + plot.height + 20, true);
        gc.drawText("Value", area.x + 4, plot.y, true);
        LiveValues source = live;
        List<LiveVariable> variables = source == null ? List.of()
                : new ArrayList<>(source.latest().stream().sorted(Comparator.comparing(LiveVariable::name)).toList());
        if (variables.isEmpty()) {
            String message = source == null ? "Live values are not available (no live values service is running)"
                    : "No live values yet: connect to a logger and start a session (F5)";
            Point size = gc.textExtent(message);
            gc.drawText(message, plot.x + (plot.width - size.x) / 2, plot.y + (plot.height - size.y) / 2, true);
            return;
        }
        List<double[]> histories = variables.stream().map(variable -> source.history(variable.name())).toList();
        long newest = variables.stream().mapToLong(LiveVariable::timeMillis).max().orElse(0);
        long oldest = newest - WINDOW_MS;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] history : histories) {
            for (int i = 0; i + 1 < history.length; i += 2) {
                if (history[i] >= oldest) {
                    min = Math.min(min, history[i + 1]);
                    max = Math.max(max, history[i + 1]);
                }
            }
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        gc.drawText(String.format(Locale.ROOT, "%.3g", max), area.x + 4, plot.y + 14, true);
        gc.drawText(String.format(Locale.ROOT, "%.3g", min), area.x + 4, plot.y + plot.height - 16, true);
        for (int v = 0; v < variables.size(); v++) {
            gc.setForeground(canvas.getDisplay().getSystemColor(COLOURS[v % COLOURS.length]));
            double[] history = histories.get(v);
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i + 1 < history.length; i += 2) {
                if (history[i] >= oldest) {
                    points.add(plot.x + (int) ((history[i] - oldest) * plot.width / WINDOW_MS));
                    points.add(plot.y + plot.height - (int) ((history[i + 1] - min) * plot.height / (max - min)));
                }
            }
            gc.drawPolyline(points.stream().mapToInt(Integer::intValue).toArray());
            gc.drawText(Names.title(variables.get(v).name()), plot.x + 8, plot.y + 6 + 16 * v, true);
        }
    }
}
