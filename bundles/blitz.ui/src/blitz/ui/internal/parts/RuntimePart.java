// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.osgi.service.event.EventHandler;

import blitz.model.connection.ConnectionStatus;
import blitz.model.connection.LoggerConnection;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.BoardDescription;
import blitz.model.decoder.DecoderRegistry;
import blitz.protocol.wire.RuntimeActivity;
import blitz.ui.internal.ActivityWatch;
import blitz.ui.internal.Background;
import blitz.ui.internal.LoggerState;
import blitz.ui.internal.UiConnectionListener;
import blitz.ui.parts.ServiceSlot;
import blitz.ui.topics.UiTopics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Runtime &amp; Boards: the connection's status, endpoint and capabilities, and one table of boards:
 * every board type a decoder knows plus every board the runtime reports (fetched when the connection
 * comes up and on Logger ▸ Update board list), with the original's "8 (08)" labels, and each board's
 * message rate and last message as the runtime reports them ({@link ActivityWatch}; ⚠ marks a silent board).
 */
public class RuntimePart {
    /** One row of the boards table. */
    record BoardRow(int boardId, String description, int variables, boolean connected, String origin) {
    }

    /** The runtime's latest word on the boards' activity (STATS), by board id. */
    private Map<Integer, RuntimeActivity.Board> activity = Map.of();
    private Set<Integer> silent = Set.of();
    private ActivityWatch activityWatch;

    private Display display;
    private Label status;
    private Label endpoint;
    private Label capabilities;
    private TableViewer boards;
    private final ServiceSlot<LoggerConnection> connection = UiConnectionListener.slot(this::showConnection);
    private final ServiceSlot<DecoderRegistry> registry = ServiceSlot.of(this::showBoardRows);
    private ConnectionStatus shownStatus;
    private List<Integer> connectedBoards = List.of();
    @Inject
    @Optional
    private IEventBroker broker;
    private final EventHandler boardsFetched = event -> {
        if (event.getProperty(IEventBroker.DATA) instanceof List<?> ids) {
            List<Integer> fetched = ids.stream().filter(Integer.class::isInstance).map(Integer.class::cast).toList();
            Background.onUi(display, () -> showBoards(fetched));
        }
    };

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(2).applyTo(parent);
        status = field(parent, "Status:");
        endpoint = field(parent, "Runtime:");
        capabilities = field(parent, "Capabilities:");
        boards = Tables.viewer(parent, 2);
        Tables.<BoardRow>column(boards, "ID", 60, row -> BoardDescription.label(row.boardId()));
        Tables.<BoardRow>column(boards, "Description", 198, BoardRow::description);
        Tables.<BoardRow>column(boards, "Variables", 75,
                row -> row.variables() < 0 ? "" : Integer.toString(row.variables()));
        Tables.<BoardRow>column(boards, "Connected", 75, row -> row.connected() ? "✓" : "");
        Tables.<BoardRow>column(boards, "Rate (msg/s)", 85, this::rate);
        Tables.<BoardRow>column(boards, "Last seen", 95, this::lastSeen);
        Tables.<BoardRow>column(boards, "Source", 110, BoardRow::origin);
        if (broker != null) {
            broker.subscribe(UiTopics.BOARDS, boardsFetched);
        }
        connection.open(display);
        registry.open(display);
        activityWatch = ActivityWatch.start(display, connection::get, this::showActivity);
    }

    private void showActivity(RuntimeActivity now) {
        activity = now.boards().stream().collect(Collectors.toMap(RuntimeActivity.Board::boardId, board -> board));
        silent = now.silentBoards();
        if (!boards.getTable().isDisposed()) {
            boards.refresh();
        }
    }

    private String rate(BoardRow row) {
        RuntimeActivity.Board board = activity.get(row.boardId());
        return board == null ? "" : String.format(Locale.ROOT, "%.1f", board.rate());
    }

    private String lastSeen(BoardRow row) {
        RuntimeActivity.Board board = activity.get(row.boardId());
        String seen = board == null ? "" : board.idleMs() < 0 ? "never"
                : String.format(Locale.ROOT, "%.1f s ago", board.idleMs() / 1000.0);
        return silent.contains(row.boardId()) ? "⚠ " + (seen.isEmpty() ? "never" : seen) : seen;
    }

    private static Label field(Composite parent, String name) {
        new Label(parent, 0).setText(name);
        return Tables.stateLine(parent, 1);
    }

    @Inject
    void setConnection(@Optional @Service LoggerConnection newConnection) {
        connection.set(newConnection);
    }

    @Inject
    void setRegistry(@Optional @Service DecoderRegistry newRegistry) {
        registry.set(newRegistry);
    }

    private void showConnection() {
        if (status.isDisposed()) {
            return;
        }
        LoggerConnection connection = this.connection.get();
        if (connection == null) {
            status.setText("Runtime connection not available (bundle blitz.client is not running)");
            endpoint.setText("");
            capabilities.setText("");
            return;
        }
        ConnectionStatus now = connection.status();
        status.setText(LoggerState.describe(now, connection.isLogging(), connection.endpoint()));
        endpoint.setText(connection.endpoint().map(Object::toString).orElse("none yet: Logger ▸ Connect…"));
        Set<String> extensions = new TreeSet<>(connection.capabilities());
        capabilities.setText(now != ConnectionStatus.CONNECTED ? ""
                : extensions.isEmpty() ? "none (the original logger protocol)" : String.join(", ", extensions));
        // BOARDS is an idle-state command of the original logger: a logging one answers with an error
        if (now == ConnectionStatus.CONNECTED && shownStatus != ConnectionStatus.CONNECTED
                && !connection.isLogging()) {
            LoggerConnection asked = connection;
            Background.load("Requesting connected boards", display, asked::boards, this::showBoards);
        } else if (now != ConnectionStatus.CONNECTED) {
            showBoards(List.of());
        }
        shownStatus = now;
    }

    /** Shows the boards the runtime reported, beside the known board types. */
    void showBoards(List<Integer> ids) {
        connectedBoards = List.copyOf(ids);
        showBoardRows();
    }

    private void showBoardRows() {
        if (boards.getTable().isDisposed()) {
            return;
        }
        DecoderRegistry registry = this.registry.get();
        TreeMap<Integer, BoardRow> rows = new TreeMap<>();
        if (registry != null) {
            for (BoardDecoder decoder : registry.decoders()) {
                rows.put(decoder.boardId(), new BoardRow(decoder.boardId(), decoder.description(),
                        decoder.variables().size(), false, registry.origin(decoder.boardId())));
            }
        }
        for (int id : connectedBoards) {
            BoardRow known = rows.get(id);
            rows.put(id, known != null ? new BoardRow(id, known.description(), known.variables(), true, known.origin())
                    : new BoardRow(id, registry == null ? BoardDescription.UNKNOWN : registry.describe(id).description(),
                            -1, true, ""));
        }
        boards.setInput(new ArrayList<>(rows.values()));
    }

    @PreDestroy
    void dispose() {
        activityWatch.close();
        connection.close();
        registry.close();
        if (broker != null) {
            broker.unsubscribe(boardsFetched);
        }
    }
}
