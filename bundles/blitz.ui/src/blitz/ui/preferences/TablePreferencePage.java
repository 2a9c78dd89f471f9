// SPDX-License-Identifier: EPL-2.0
package blitz.ui.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * A preference page that edits a list of rows in a table: cells are edited in place (click a cell),
 * Add and Remove change the list, and nothing is stored until OK or Apply, when {@link #save(List)}
 * gets every row. A cell edit that does not make a valid row is refused with the reason shown as the
 * page's error message.
 *
 * @param <R> a row, immutable (a record): an edit makes a new row
 */
public abstract class TablePreferencePage<R> extends PreferencePage {

    /**
     * One column.
     *
     * @param title   header text
     * @param width   initial width in pixels
     * @param text    the cell text of a row
     * @param edit    the row after its cell was set to a text; throws {@link IllegalArgumentException} with
     *                a message for the user when the text is not valid; {@code null} for a read-only column
     * @param choices the only texts the cell may take (a drop-down), or empty for free text
     */
    public record Column<R>(String title, int width, Function<R, String> text, BiFunction<R, String, R> edit,
            List<String> choices) {

        /** A free-text column, read-only when {@code edit} is null. */
        public static <R> Column<R> of(String title, int width, Function<R, String> text, BiFunction<R, String, R> edit) {
            return new Column<>(title, width, text, edit, List.of());
        }

        /** A column whose cell is one of {@code choices}. */
        public static <R> Column<R> choice(String title, int width, Function<R, String> text,
                BiFunction<R, String, R> edit, List<String> choices) {
            return new Column<>(title, width, text, edit, List.copyOf(choices));
        }
    }

    /** A row in the table; rows are equal only to themselves, so equal records stay distinct lines. */
    private static final class Line<R> {
        R value;

        Line(R value) {
            this.value = value;
        }
    }

    private final List<Line<R>> lines = new ArrayList<>();
    private TableViewer viewer;

    protected TablePreferencePage(String title, String description) {
        super(title);
        setDescription(description);
        noDefaultButton();
    }

    /** @return the columns, left to right */
    protected abstract List<Column<R>> columns();

    /** @return the stored rows, read when the page is created */
    protected abstract List<R> load();

    /** @return the row Add appends, or empty when rows cannot be added */
    protected abstract Optional<R> newRow();

    /**
     * Stores every row (replacing what was stored).
     *
     * @throws RuntimeException with a message for the user when they cannot be stored; the dialog stays open
     */
    protected abstract void save(List<R> rows);

    /** Adds buttons of the page's own below Add and Remove (see {@link #button}). */
    protected void addButtons(Composite buttons) {
    }

    /** @return a note shown under the table, or empty */
    protected String note() {
        return "";
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(area);
        viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(540, 260).applyTo(viewer.getTable());
        for (Column<R> column : columns()) {
            addColumn(column);
        }
        Composite buttons = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        if (newRow().isPresent()) {
            button(buttons, "&Add", () -> newRow().ifPresent(row -> {
                Line<R> line = new Line<>(row);
                lines.add(line);
                viewer.refresh();
                viewer.setSelection(new StructuredSelection(line), true);
            }));
        }
        button(buttons, "&Remove", () -> selectedLine().ifPresent(line -> {
            lines.remove(line);
            viewer.refresh();
        }));
        addButtons(buttons);
        if (!note().isEmpty()) {
            Label label = new Label(area, SWT.WRAP);
            label.setText(note());
            GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(540, SWT.DEFAULT).applyTo(label);
        }
        load().forEach(row -> lines.add(new Line<>(row)));
        viewer.setInput(lines);
        return area;
    }

    private void addColumn(Column<R> column) {
        TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
        viewerColumn.getColumn().setText(column.title());
        viewerColumn.getColumn().setWidth(column.width());
        viewerColumn.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return column.text().apply(value(element));
            }
        });
        if (column.edit() != null) {
            viewerColumn.setEditingSupport(new CellEditing(column));
        }
    }

    /** Edits one column's cells with a text field or, for a choice column, a drop-down. */
    private final class CellEditing extends EditingSupport {
        private final Column<R> column;
        private final CellEditor editor;

        CellEditing(Column<R> column) {
            super(viewer);
            this.column = column;
            this.editor = column.choices().isEmpty() ? new TextCellEditor(viewer.getTable())
                    : new ComboBoxCellEditor(viewer.getTable(), column.choices().toArray(String[]::new), SWT.READ_ONLY);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return editor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return true;
        }

        @Override
        protected Object getValue(Object element) {
            String text = column.text().apply(value(element));
            return column.choices().isEmpty() ? text : Math.max(0, column.choices().indexOf(text));
        }

        @Override
        protected void setValue(Object element, Object value) {
            String text = value instanceof Integer index ? (index < 0 ? null : column.choices().get(index))
                    : (String) value;
            if (text == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            Line<R> line = (Line<R>) element;
            try {
                line.value = column.edit().apply(line.value, text.trim());
                setErrorMessage(null);
            } catch (IllegalArgumentException e) {
                setErrorMessage(column.title() + ": " + e.getMessage());
            }
            viewer.update(line, null);
        }
    }

    @SuppressWarnings("unchecked")
    private R value(Object element) {
        return ((Line<R>) element).value;
    }

    /** Adds a push button that runs {@code action}. @return the button */
    protected Button button(Composite buttons, String label, Runnable action) {
        Button button = new Button(buttons, SWT.PUSH);
        button.setText(label);
        GridDataFactory.fillDefaults().applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    private Optional<Line<R>> selectedLine() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        @SuppressWarnings("unchecked")
        Line<R> line = (Line<R>) first;
        return Optional.ofNullable(line);
    }

    /** @return the selected row */
    protected Optional<R> selected() {
        return selectedLine().map(line -> line.value);
    }

    /** Replaces every row by {@code change(row, isSelected)}, e.g. to mark the selected row. */
    protected void updateRows(BiFunction<R, Boolean, R> change) {
        Optional<Line<R>> selected = selectedLine();
        for (Line<R> line : lines) {
            line.value = change.apply(line.value, selected.isPresent() && selected.get() == line);
        }
        viewer.refresh();
    }

    /** @return the rows as they are now, in table order */
    protected List<R> rows() {
        return lines.stream().map(line -> line.value).toList();
    }

    /** @return the table (for tests and page-specific additions) */
    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public boolean performOk() {
        if (viewer == null) {
            return true; // never shown: nothing changed
        }
        viewer.applyEditorValue();
        try {
            save(rows());
            setErrorMessage(null);
            return true;
        } catch (RuntimeException e) {
            setErrorMessage(e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }
}
