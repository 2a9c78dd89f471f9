package blitz.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import blitz.model.connection.LoggerConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/** The status line in the window's bottom trim: connection status and logging state. */
public class StatusLineControl {
    static final String NO_CONNECTION_SERVICE = "Runtime connection not available (bundle blitz.client is not running)";

    private Label label;
    private Display display;
    private LoggerConnection connection;
    private UiConnectionListener listening;

    @PostConstruct
    public void createControls(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 2).applyTo(line);
        label = new Label(line, SWT.NONE);
        display = line.getDisplay();
        GridDataFactory.fillDefaults().grab(true, false).hint(700, SWT.DEFAULT).applyTo(label);
        attach();
    }

    @Inject
    void setConnection(@Optional @Service LoggerConnection newConnection) {
        detach();
        connection = newConnection;
        if (label != null) {
            // services come and go on the OSGi framework's threads
            Background.onUi(display, this::attach);
        }
    }

    private void attach() {
        detach();
        if (connection != null && !label.isDisposed()) {
            listening = UiConnectionListener.attach(connection, display, this::show);
        }
        show();
    }

    private void show() {
        if (label.isDisposed()) {
            return;
        }
        label.setText(connection == null ? NO_CONNECTION_SERVICE
                : LoggerState.describe(connection.status(), connection.isLogging(), connection.endpoint()));
    }

    @PreDestroy
    void detach() {
        if (listening != null) {
            listening.close();
            listening = null;
        }
    }
}
