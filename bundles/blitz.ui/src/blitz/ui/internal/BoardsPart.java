package blitz.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.BoardDescription;
import blitz.model.decoder.DecoderRegistry;
import jakarta.annotation.PostConstruct;

/** Lists the board types this workbench can decode, as the original's Boards tab listed boards. */
public class BoardsPart {

    @PostConstruct
    public void createControls(Composite parent, @Optional @Service DecoderRegistry registry) {
        GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(parent);
        Label status = new Label(parent, SWT.NONE);
        status.setText("Not connected to a logging runtime");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (String title : new String[] { "ID", "Description", "Variables" }) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Variables") ? 420 : 220);
        }
        if (registry == null) {
            return;
        }
        for (BoardDecoder decoder : registry.decoders()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { BoardDescription.label(decoder.boardId()), decoder.description(),
                    String.valueOf(decoder.variables().size()) });
        }
    }
}
