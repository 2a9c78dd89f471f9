// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;

import blitz.model.connection.Endpoint;
import blitz.ui.internal.ConnectionPreferences;
import blitz.ui.preferences.PreferencePageContribution;
import blitz.ui.preferences.TablePreferencePage;

/**
 * Runtimes: the saved runtime connections. The default one is what Logger ▸ Connect… offers first; a
 * token is listed as remembered only when the user ticked "Remember the token" when connecting.
 */
public class RuntimesPage extends TablePreferencePage<RuntimesPage.Runtime> {
    static final String ID = "blitz.ui.preferences.runtimes";

    /** One saved runtime. */
    record Runtime(Endpoint endpoint, boolean isDefault) {
        Runtime withHost(String host) {
            return new Runtime(new Endpoint(Cells.name(host, "host name or address"), endpoint.port(), endpoint.token()),
                    isDefault);
        }

        Runtime withPort(String text) {
            int port;
            try {
                port = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the port must be a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the port must be between 1 and 65535");
            }
            return new Runtime(new Endpoint(endpoint.host(), port, endpoint.token()), isDefault);
        }
    }

    @Component(service = PreferencePageContribution.class)
    public static final class Contribution extends PageContribution {
        public Contribution() {
            super(ID, "Runtimes", 10);
        }

        @Override
        public IPreferencePage createPage() {
            return new RuntimesPage(ConnectionPreferences.instance());
        }
    }

    private final ConnectionPreferences preferences;

    RuntimesPage(ConnectionPreferences preferences) {
        super("Runtimes", "Logging runtimes the workbench connects to. Logger ▸ Connect… starts from the default one "
                + "and lists the others.");
        this.preferences = preferences;
    }

    @Override
    protected List<Column<Runtime>> columns() {
        return List.of(Column.of("Host", 180, runtime -> runtime.endpoint().host(), Runtime::withHost),
                Column.of("Port", 70, runtime -> Integer.toString(runtime.endpoint().port()), Runtime::withPort),
                Column.of("Token", 110, runtime -> runtime.endpoint().token().isPresent() ? "remembered" : "", null),
                Column.of("Default", 70, runtime -> runtime.isDefault() ? "✓" : "", null));
    }

    @Override
    protected List<Runtime> load() {
        Endpoint chosen = preferences.endpoint();
        return preferences.runtimes().stream()
                .map(endpoint -> new Runtime(endpoint, ConnectionPreferences.sameAddress(endpoint, chosen))).toList();
    }

    @Override
    protected Optional<Runtime> newRow() {
        return Optional.of(new Runtime(Endpoint.of(ConnectionPreferences.DEFAULT_HOST, Endpoint.DEFAULT_PORT), false));
    }

    @Override
    protected void addButtons(Composite buttons) {
        button(buttons, "Set &default", () -> selected().ifPresent(
                chosen -> updateRows((runtime, selected) -> new Runtime(runtime.endpoint(), selected))));
        button(buttons, "&Forget token", () -> updateRows((runtime, selected) -> selected
                ? new Runtime(Endpoint.of(runtime.endpoint().host(), runtime.endpoint().port()), runtime.isDefault())
                : runtime));
    }

    @Override
    protected void save(List<Runtime> rows) {
        Set<String> addresses = new HashSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        int defaultIndex = 0;
        for (Runtime row : rows) {
            if (!addresses.add(row.endpoint().host() + ":" + row.endpoint().port())) {
                throw new IllegalArgumentException(row.endpoint().host() + ":" + row.endpoint().port() + " is listed twice");
            }
            if (row.isDefault()) {
                defaultIndex = endpoints.size();
            }
            endpoints.add(row.endpoint());
        }
        preferences.saveRuntimes(endpoints, defaultIndex);
    }
}
