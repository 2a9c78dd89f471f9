// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.FileDialog;

/**
 * Export PNG…: the chart as drawn now, painted by the same painter into an image of the canvas's size,
 * written to the file the user chooses.
 */
final class PlotExport {
    private final Canvas canvas;
    private final BiConsumer<GC, Rectangle> painter;

    /** @param painter draws the chart into a GC over an area, as the canvas's paint listener does */
    PlotExport(Canvas canvas, BiConsumer<GC, Rectangle> painter) {
        this.canvas = canvas;
        this.painter = painter;
    }

    /** @return the chart as drawn now, at the canvas's size */
    ImageData snapshot() {
        Rectangle area = canvas.getClientArea();
        Image image = new Image(canvas.getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
        try {
            GC gc = new GC(image);
            try {
                painter.accept(gc, new Rectangle(0, 0, area.width, area.height));
            } finally {
                gc.dispose();
            }
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    /** Writes the chart as drawn now to a PNG file. */
    void write(Path file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { snapshot() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }

    /** Asks for a file (offering {@code fileName}) and writes the chart there; a failure is shown in a dialog. */
    void askAndWrite(String fileName) {
        FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
        dialog.setText("Export the plot");
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            try {
                write(Path.of(chosen));
            } catch (RuntimeException e) {
                MessageDialog.openError(canvas.getShell(), "Export PNG", "Could not write " + chosen + ": " + e.getMessage());
            }
        }
    }
}
