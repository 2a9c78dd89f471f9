// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.model.Session;
import blitz.model.connection.Endpoint;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.LiveValues;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;

/**
 * The headless client in an OSGi shell (Gogo): {@code client:connect}, {@code client:sessions},
 * {@code client:download}, {@code client:export}, {@code client:live}. Plain methods; Gogo finds them
 * through the {@code osgi.command.*} service properties, so no shell API is imported.
 */
@Component(service = ClientCommands.class, property = { "osgi.command.scope=client",
        "osgi.command.function=connect", "osgi.command.function=disconnect", "osgi.command.function=status",
        "osgi.command.function=sessions", "osgi.command.function=download", "osgi.command.function=redecode",
        "osgi.command.function=export", "osgi.command.function=delete", "osgi.command.function=live" })
public class ClientCommands {
    private final LoggerConnection connection;
    private final SessionSync sync;
    private final LiveValues live;

    @Activate
    public ClientCommands(@Reference LoggerConnection connection, @Reference SessionSync sync,
            @Reference LiveValues live) {
        this.connection = connection;
        this.sync = sync;
        this.live = live;
    }

    public String connect(String host, int port) {
        return connection.connect(Endpoint.of(host, port)) + " " + status();
    }

    public String connect(String host, int port, String token) {
        return connection.connect(new Endpoint(host, port, Optional.of(token))) + " " + status();
    }

    /** With the runtime's CURVE public key ({@code protocol:key} there); token {@code -} for none. */
    public String connect(String host, int port, String token, String serverKey) {
        Optional<String> given = token.equals("-") ? Optional.empty() : Optional.of(token);
        return connection.connect(new Endpoint(host, port, given, Optional.of(serverKey))) + " " + status();
    }

    public String disconnect() {
        connection.disconnect();
        return status();
    }

    public String status() {
        return connection.status() + (connection.endpoint().map(e -> " " + e).orElse("")) + ", "
                + (connection.isLogging() ? "logging" : "idle") + ", capabilities " + connection.capabilities();
    }

    public String sessions() {
        List<Session> sessions = sync.refreshSessionList();
        return sessions.stream().map(s -> String.format("%5d  %-9s  %8d messages  started %tF %<tT", s.refId(),
                s.available() ? "available" : "", s.numberOfReadings(), s.timeStarted()))
                .collect(Collectors.joining("\n"));
    }

    public String download(long sessionId) {
        return describe(sync.download(sessionId, Progress.NONE));
    }

    public String redecode(long sessionId) {
        return describe(sync.redecode(sessionId, Progress.NONE));
    }

    public String export(long sessionId, String file) throws IOException {
        long rows = sync.exportCsv(sessionId, Path.of(file), Progress.NONE);
        return rows + " rows written to " + Path.of(file).toAbsolutePath();
    }

    public String delete(long sessionId) {
        return sync.deleteSession(sessionId) ? "deleted session " + sessionId
                : "the runtime did not delete session " + sessionId + "; see the notifications";
    }

    public String live() {
        return live.latest().stream()
                .map(v -> String.format("%-24s %14.6f %s", v.name(), v.value(), v.unit()))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(DownloadReport report) {
        return "session " + report.sessionId() + ": " + report.state() + ", " + report.messages() + " messages, "
                + report.readings() + " readings, " + report.badLines() + " bad lines, " + report.unknownBoards()
                + " unknown boards, " + report.rejected() + " rejected — " + report.detail();
    }
}
