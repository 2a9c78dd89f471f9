// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.event.EventHandler;

import blitz.model.SessionSummary;
import blitz.model.client.SessionCatalog;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.ui.topics.UiTopics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Keeps the workbench in step with the runtime connection: re-evaluates the commands' enablement on
 * every status or logging change, shows the original's "connection lost" box, and mirrors every session
 * list the connection fetches (after a Stop, or on Logger ▸ Update session list) into the client store,
 * so the Sessions view lists a session as soon as it ends. It keeps the boards the runtime reports
 * (asked when the connection comes up idle, and on Logger ▸ Update board list) in the context as
 * {@link UiTopics#KNOWN_BOARDS}. Store writes run in jobs: the listener is called on the connection's
 * thread.
 */
public class LoggerAddon {
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void statusChanged(ConnectionStatus status, String detail) {
            followBoards(status);
            requestEnablementUpdate();
            if (status == ConnectionStatus.RECONNECTING && ui != null) {
                // the original's "connection lost" box; the connection keeps retrying by itself
                ui.asyncExec(() -> MessageDialog.openWarning(Display.getCurrent().getActiveShell(),
                        "Blitz Data Logger Connection Error",
                        "The connection to the data logger was lost (" + detail + ").\n"
                                + "The workbench keeps trying to reconnect; Logger ▸ Disconnect stops it."));
            }
        }

        @Override
        public void loggingChanged(boolean logging) {
            requestEnablementUpdate();
        }

        @Override
        public void sessionsChanged(List<SessionSummary> sessions) {
            SessionCatalog target = store;
            if (target != null) {
                Background.run("Mirroring the session list", () -> {
                    target.updateSessionList(sessions);
                    post(UiTopics.SESSIONS, Boolean.TRUE);
                });
            }
        }
    };

    @Inject
    @Optional
    private IEventBroker broker;
    @Inject
    @Optional
    private UISynchronize ui;
    @Inject
    private IEclipseContext context;
    private volatile ConnectionStatus shownStatus;
    private final EventHandler boardsFetched = event -> {
        if (event.getProperty(IEventBroker.DATA) instanceof List<?> ids) {
            setKnownBoards(ids.stream().filter(Integer.class::isInstance).map(Integer.class::cast).toList());
        }
    };
    private volatile SessionCatalog store;
    private LoggerConnection connection;

    @Inject
    void setConnection(@Optional @Service LoggerConnection newConnection) {
        if (connection != null) {
            connection.removeListener(listener);
        }
        connection = newConnection;
        if (connection != null) {
            connection.addListener(listener);
            followBoards(connection.status());
        }
        requestEnablementUpdate();
    }

    @PostConstruct
    void subscribe() {
        if (broker != null) {
            broker.subscribe(UiTopics.BOARDS, boardsFetched);
        }
    }

    @Inject
    void setStore(@Optional @Service SessionCatalog newStore) {
        store = newStore;
    }

    @PreDestroy
    void dispose() {
        if (broker != null) {
            broker.unsubscribe(boardsFetched);
        }
        if (connection != null) {
            connection.removeListener(listener);
        }
    }

    /** Asks for the runtime's boards when the connection comes up idle, and forgets them when it goes. */
    private void followBoards(ConnectionStatus status) {
        ConnectionStatus previous = shownStatus;
        shownStatus = status;
        if (status != ConnectionStatus.CONNECTED) {
            if (previous == ConnectionStatus.CONNECTED) {
                setKnownBoards(List.of());
            }
        } else if (previous != ConnectionStatus.CONNECTED && !connection.isLogging()) {
            // BOARDS is an idle-state command of the original logger
            LoggerConnection asked = connection;
            Background.run("Requesting connected boards", () -> setKnownBoards(asked.boards()));
        }
    }

    /** Publishes the runtime's boards in the workbench context ({@link UiTopics#KNOWN_BOARDS}). */
    private void setKnownBoards(List<Integer> boards) {
        Runnable publish = () -> {
            context.set(UiTopics.KNOWN_BOARDS, List.copyOf(boards));
            requestEnablementUpdate();
        };
        if (ui != null) {
            ui.asyncExec(publish);
        } else {
            publish.run();
        }
    }

    private void requestEnablementUpdate() {
        post(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }

    private void post(String topic, Object data) {
        if (broker != null) {
            broker.post(topic, data);
        }
    }
}
