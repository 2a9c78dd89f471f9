// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

import blitz.ui.charts.model.Series;
import blitz.ui.charts.model.TimeRange;
import blitz.ui.variables.VariableLook;

/**
 * The cursor readout: a line at the time under the pointer and, in a box beside it, that time (as the
 * axis counts it) and each series' value there in the series' colour ("–" in a gap).
 */
final class CursorReadout {
    private static final int PAD = 4;

    private CursorReadout() {
    }

    /** @return the readout's lines: the time, then "Name: value unit" per series */
    static List<String> lines(PlotFrame frame) {
        long time = frame.cursor();
        List<String> lines = new ArrayList<>();
        lines.add(frame.axis().label(time, frame.origin()));
        for (Series series : frame.series()) {
            OptionalDouble value = series.valueAt(time);
            String shown = value.isPresent() ? VariableLook.format(value.getAsDouble()) : "\u2013";
            lines.add(VariableLook.label(series.name()) + ": " + shown
                    + (series.unit().isEmpty() || value.isEmpty() ? "" : " " + series.unit()));
        }
        return lines;
    }

    static void paint(GC gc, Rectangle plot, PlotFrame frame) {
        TimeRange range = frame.range();
        if (frame.cursor() < range.from() || frame.cursor() > range.to()) {
            return;
        }
        int x = ChartPainter.x(plot, range, frame.cursor());
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.setLineStyle(SWT.LINE_DOT);
        gc.drawLine(x, plot.y, x, plot.y + plot.height);
        gc.setLineStyle(SWT.LINE_SOLID);
        List<String> lines = lines(frame);
        int width = 0;
        int height = gc.getFontMetrics().getHeight();
        for (String line : lines) {
            width = Math.max(width, gc.textExtent(line).x);
        }
        int boxWidth = width + 2 * PAD;
        int boxHeight = lines.size() * height + 2 * PAD;
        int left = x + 8 + boxWidth <= plot.x + plot.width ? x + 8 : Math.max(plot.x, x - 8 - boxWidth);
        int top = plot.y + 2 * ChartPainter.MARKER_HIT + 14;
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.setAlpha(230);
        gc.fillRectangle(left, top, boxWidth, boxHeight);
        gc.setAlpha(255);
        gc.drawRectangle(left, top, boxWidth, boxHeight);
        for (int i = 0; i < lines.size(); i++) {
            gc.setForeground(i == 0 ? gc.getDevice().getSystemColor(SWT.COLOR_BLACK)
                    : ChartPainter.colour(frame.series().get(i - 1).rgb()));
            gc.drawText(lines.get(i), left + PAD, top + PAD + i * height, true);
        }
    }
}
