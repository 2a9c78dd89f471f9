// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.internal;

import java.nio.file.Path;
import java.util.function.Consumer;

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
 * Export PNG…: the chart as drawn now, painted by the same painter into an image of the canvas's size
 * with a title (what is plotted, and when), written to the file the user chooses; the view then says
 * where.
 */
final class PlotExport {
    private final Canvas canvas;
    /** Draws the chart into a GC over an area, as on screen or with the exported image's title. */
    interface Painter {
        void paint(GC gc, Rectangle area, boolean titled);
    }

    private final Painter painter;
    private final Consumer<Path> saved;

    /**
     * @param saved told where each image was written
     */
    PlotExport(Canvas canvas, Painter painter, Consumer<Path> saved) {
        this.canvas = canvas;
        this.painter = painter;
        this.saved = saved;
    }

    /** @return the chart as drawn now, at the canvas's size */
    ImageData snapshot() {
        return image(false);
    }

    /** @return the chart as exported now: with its title, at the canvas's size */
    ImageData exported() {
        return image(true);
    }

    private ImageData image(boolean titled) {
        Rectangle area = canvas.getClientArea();
        Image image = new Image(canvas.getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
        try {
            GC gc = new GC(image);
            try {
                painter.paint(gc, new Rectangle(0, 0, area.width, area.height), titled);
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
        loader.data = new ImageData[] { exported() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        saved.accept(file.toAbsolutePath());
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
