// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import blitz.model.connection.LoggerConnection;
import blitz.ui.parts.ServiceSlot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The status line in the window's bottom trim: connection status and logging state, and a ⚠ mark for
 * boards or a session the runtime reports silent ({@link ActivityWatch}).
 */
public class StatusLineControl {
    static final String NO_CONNECTION_SERVICE = "Runtime connection not available (bundle blitz.client is not running)";

    private Label label;
    private final ServiceSlot<LoggerConnection> connection = UiConnectionListener.slot(this::show);
    private ActivityWatch activityWatch;
    /** What is silent now, as the runtime reports it; empty when nothing is. */
    private String silenceMark = "";

    @PostConstruct
    public void createControls(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 2).applyTo(line);
        label = new Label(line, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).hint(900, SWT.DEFAULT).applyTo(label);
        show(); // painted from the first frame, not once the connection service is looked up
        connection.open(line.getDisplay());
        activityWatch = ActivityWatch.start(line.getDisplay(), connection::get, activity -> {
            silenceMark = ActivityWatch.silenceMark(activity);
            show();
        });
    }

    @Inject
    void setConnection(@Optional @Service LoggerConnection newConnection) {
        connection.set(newConnection);
    }

    private void show() {
        if (label.isDisposed()) {
            return;
        }
        LoggerConnection current = connection.get();
        label.setText(current == null ? NO_CONNECTION_SERVICE
                : LoggerState.describe(current.status(), current.isLogging(), current.endpoint()) + silenceMark);
    }

    @PreDestroy
    void dispose() {
        activityWatch.close();
        connection.close();
    }
}
