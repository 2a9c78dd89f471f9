// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.ui.internal.TinyLogger;
import blitz.testing.swt.UiFixture;

/**
 * The Logger commands' enablement, asked the way the workbench asks it (injected {@code @CanExecute}
 * with the real connection service), before, during and after a connection to a ZeroMQ peer.
 */
class HandlersTest {
    private static final List<Class<?>> HANDLERS = List.of(ConnectHandler.class, DisconnectHandler.class,
            StartHandler.class, StopHandler.class, ResetHandler.class, UpdateSessionsHandler.class,
            UpdateBoardsHandler.class);

    private final LoggerConnection connection = UiFixture.service(LoggerConnection.class);
    private final IEclipseContext context = EclipseContextFactory
            .getServiceContext(FrameworkUtil.getBundle(HandlersTest.class).getBundleContext()).createChild();

    @AfterEach
    void disconnect() {
        connection.disconnect();
        context.dispose();
    }

    private Map<String, Boolean> enablement() {
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        for (Class<?> type : HANDLERS) {
            Object handler = ContextInjectionFactory.make(type, context);
            enabled.put(type.getSimpleName().replace("Handler", ""),
                    (Boolean) ContextInjectionFactory.invoke(handler, CanExecute.class, context));
        }
        return enabled;
    }

    private static Map<String, Boolean> expect(boolean connect, boolean disconnect, boolean start, boolean stop,
            boolean reset, boolean lists) {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("Connect", connect);
        expected.put("Disconnect", disconnect);
        expected.put("Start", start);
        expected.put("Stop", stop);
        expected.put("Reset", reset);
        expected.put("UpdateSessions", lists);
        expected.put("UpdateBoards", lists);
        return expected;
    }

    @Test
    void followTheConnection() throws Exception {
        connection.disconnect();
        assertEquals(expect(true, false, false, false, false, false), enablement());
        try (TinyLogger logger = new TinyLogger()) {
            assertEquals(ConnectionStatus.CONNECTED, connection.connect(Endpoint.of("127.0.0.1", logger.port())));
            assertEquals(expect(false, true, true, false, true, true), enablement());
        }
        connection.disconnect();
        assertEquals(expect(true, false, false, false, false, false), enablement());
    }
}
