// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import blitz.model.Category;
import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.client.TimeSpan;
import blitz.model.decoder.DecoderRegistry;
import blitz.ui.charts.model.SessionMarkers.Kind;
import blitz.ui.charts.model.SessionMarkers.Marker;
import blitz.ui.variables.VariableLook;

/**
 * What opening a stored session finds: its variables (with their units), the time range the chart can
 * show, and its markers.
 *
 * @param bounds the readings' time range, widened to the session's start and end
 */
public record OpenedSession(long id, List<Variable> variables, TimeRange bounds, List<Marker> markers) {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /**
     * Reads a session from the store (off the UI thread): its variables in the board's order, with their
     * colours; without a decoder registry units are empty.
     */
    public static OpenedSession read(ClientStore store, DecoderRegistry units, long id) {
        VariableLook look = VariableLook.of(units);
        List<Variable> found = new ArrayList<>();
        for (Category category : store.getSessionVariables(id)) {
            String name = category.variableName();
            String unit = units == null ? "" : units.calibration(name).unit();
            found.add(new Variable(name, category.id(), unit, look.rgb(name)));
        }
        found.sort(Comparator.comparing(Variable::name, look.order()));
        // the ledger's losses are warnings
        List<Marker> markers = store.getSession(id)
                .map(session -> SessionMarkers.of(session,
                        store.find(Notification.class, Map.of("severity", Notification.WARNING))))
                .orElse(List.of());
        TimeSpan readings = store.sessionTimeRange(id).orElse(new TimeSpan(0, 0));
        return new OpenedSession(id, found,
                withStartAndEnd(new TimeRange(readings.first(), readings.last() + 1), markers), markers);
    }

    /** @return how the Session box names a session: its number and when it started (local time) */
    public static String label(Session session) {
        return "Session " + session.refId() + " \u2014 " + STARTED.format(Instant.ofEpochMilli(session.timeStarted()));
    }

    /**
     * @return the readings' range widened to the session's start and end, so their markers are in view;
     *         not when that would more than double it (the boards' clock and the runtime's disagree)
     */
    static TimeRange withStartAndEnd(TimeRange readings, List<Marker> markers) {
        long from = readings.from();
        long to = readings.to();
        for (Marker marker : markers) {
            if (marker.kind() == Kind.START || marker.kind() == Kind.STOP) {
                from = Math.min(from, marker.from());
                to = Math.max(to, marker.to() + 1);
            }
        }
        return to - from <= 2 * readings.span() ? new TimeRange(from, to) : readings;
    }
}
