// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The views' shared widget recipes. */
final class Tables {
    private Tables() {
    }

    /** A full-width single-selection table viewer of an array or list input, filling its grid cell. */
    static TableViewer viewer(Composite parent, int horizontalSpan) {
        TableViewer viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(horizontalSpan, 1).applyTo(viewer.getTable());
        return viewer;
    }

    /** Adds a text column whose cells show {@code text} of the row. */
    static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text) {
        column(viewer, title, width, text, row -> null);
    }

    /** Adds a text column whose cells show {@code text} of the row in {@code colour} of it (null: the default). */
    @SuppressWarnings("unchecked")
    static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text,
            Function<T, Color> colour) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((T) element);
            }

            @Override
            public Color getForeground(Object element) {
                return colour.apply((T) element);
            }
        });
    }

    /** A label spanning the grid's width, for a view's state line ("not available", results). */
    static Label stateLine(Composite parent, int horizontalSpan) {
        Label label = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(horizontalSpan, 1).applyTo(label);
        return label;
    }
}
