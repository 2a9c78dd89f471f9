// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;

import blitz.ui.charts.model.PlotModel;
import blitz.ui.charts.model.SessionMarkers.Marker;
import blitz.ui.charts.model.TimeRange;

/**
 * The mouse on the chart: the wheel zooms around the pointer, dragging pans, Shift+drag zooms to the
 * dragged span (shaded while dragged), a double click shows the whole session, and hovering over a
 * marker names it in the tooltip; the pointer's time is read out ({@link CursorReadout}). Pixels become times here; the arithmetic is the model's.
 */
final class PlotMouse {
    /** A Shift+drag narrower than this is a click, not a span. */
    private static final int MIN_SELECTION_PX = 3;

    private final Canvas canvas;
    private final PlotModel model;
    private int dragStartX = -1;
    private TimeRange dragStartRange;
    private int dragCurrentX;
    private boolean selectingZoom;
    /** The pointer's x over the plot for the cursor readout, -1 when it is elsewhere. */
    private int cursorX = -1;

    private PlotMouse(Canvas canvas, PlotModel model) {
        this.canvas = canvas;
        this.model = model;
    }

    /** Listens to the mouse on {@code canvas}. */
    static PlotMouse on(Canvas canvas, PlotModel model) {
        PlotMouse mouse = new PlotMouse(canvas, model);
        canvas.addListener(SWT.MouseWheel, mouse::wheel);
        canvas.addListener(SWT.MouseDown, mouse::dragStart);
        canvas.addListener(SWT.MouseMove, mouse::dragMove);
        canvas.addListener(SWT.MouseMove, mouse::markerTooltip);
        canvas.addListener(SWT.MouseMove, mouse::moveCursor);
        canvas.addListener(SWT.MouseExit, event -> mouse.moveCursor(null));
        canvas.addListener(SWT.MouseUp, mouse::dragEnd);
        canvas.addListener(SWT.MouseDoubleClick, event -> model.showAll());
        return mouse;
    }

    private Rectangle plot() {
        return ChartPainter.plotArea(canvas.getClientArea(), ChartPainter.units(model.series()).size());
    }

    private long timeAt(int x) {
        Rectangle plot = plot();
        return model.range().at(plot.width == 0 ? 0 : (x - plot.x) / (double) plot.width);
    }

    private void wheel(Event event) {
        if (model.zoomable() && event.count != 0) {
            model.zoom(timeAt(event.x), event.count);
        }
    }

    private void dragStart(Event event) {
        if (model.zoomable() && event.button == 1) {
            dragStartX = event.x;
            dragCurrentX = event.x;
            dragStartRange = model.range();
        }
    }

    private void dragMove(Event event) {
        if (dragStartX < 0) {
            return;
        }
        dragCurrentX = event.x;
        selectingZoom = (event.stateMask & SWT.SHIFT) != 0;
        if (!selectingZoom) {
            model.pan(dragStartRange, dragStartX - event.x);
        } else {
            canvas.redraw(); // the zoom span being dragged
        }
    }

    private void dragEnd(Event event) {
        if (dragStartX >= 0 && (event.stateMask & SWT.SHIFT) != 0 && Math.abs(event.x - dragStartX) > MIN_SELECTION_PX) {
            model.setRange(TimeRange.between(timeAt(dragStartX), timeAt(event.x)));
        }
        dragStartX = -1;
        selectingZoom = false;
        canvas.redraw();
    }

    /** Names the marker under the pointer in the canvas's tooltip. */
    private void markerTooltip(Event event) {
        String text = null;
        if (model.range() != null && dragStartX < 0) {
            Rectangle plot = plot();
            if (event.y >= plot.y && event.y <= plot.y + plot.height) {
                text = ChartPainter.markerAt(plot, model.range(), model.markers(), event.x).map(Marker::label)
                        .orElse(null);
            }
        }
        if (!Objects.equals(text, canvas.getToolTipText())) {
            canvas.setToolTipText(text);
        }
    }

    /** Follows the pointer over the plot ({@code null}: it left the canvas) for the cursor readout. */
    private void moveCursor(Event event) {
        Rectangle plot = plot();
        int x = event != null && plot.contains(event.x, event.y) ? event.x : -1;
        if (x != cursorX) {
            cursorX = x;
            canvas.redraw();
        }
    }

    /** @return the time under the pointer for the cursor readout, or null when it is not over the plot */
    Long cursor() {
        return cursorX < 0 || model.range() == null || dragStartX >= 0 ? null : timeAt(cursorX);
    }

    /** Shades the span a Shift+drag selects, over the chart drawn in {@code area}. */
    void paintSelection(GC gc, Rectangle area) {
        if (selectingZoom) {
            gc.setAlpha(60);
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
            gc.fillRectangle(Math.min(dragStartX, dragCurrentX), area.y, Math.abs(dragCurrentX - dragStartX),
                    area.height);
            gc.setAlpha(255);
        }
    }
}
