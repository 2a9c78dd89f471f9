// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import blitz.model.Notification;
import blitz.model.Session;

/**
 * The events drawn over a plot: a session's start and end, the losses of its gap ledger and the spans
 * its sources were reconnecting, and (live) the runtime's "Session N started/stopped". The store keeps
 * the ledger only as the notifications the client mirrored from the runtime ({@code GAPS n}: one
 * "Session N gap: <epoch ms> <source> <board> <KIND> <count> <detail>" warning per loss), so this
 * reads them back from there; a notification that does not parse is not a marker, never an error.
 */
public final class SessionMarkers {
    /** What a marker stands for; a {@link #RECONNECT} spans the time its source was away. */
    public enum Kind {
        START, STOP, GAP, RECONNECT
    }

    /**
     * One marker, in plot time (ms since the session started; epoch ms in live mode).
     *
     * @param from  where it is, or where its span begins
     * @param to    where its span ends ({@code from} for a line)
     * @param label what the tooltip says
     */
    public record Marker(Kind kind, long from, long to, String label) {
        public Marker {
            if (to < from) {
                throw new IllegalArgumentException("marker ends before it starts: " + from + " > " + to);
            }
        }

        public boolean span() {
            return to > from;
        }
    }

    private static final Pattern GAP = Pattern.compile(
            "Session (\\d+) gap: (\\d+) (\\S+) (\\S+) ([A-Z_]+) (\\d+)(?: (.*))?", Pattern.DOTALL);
    /** The sources' reconnect detail: "port lost (cause), board running again after N ms". */
    private static final Pattern AWAY = Pattern.compile("after (\\d+) ms");
    private static final Pattern LOGGING = Pattern.compile("Runtime .*: Session (\\d+) (started|stopped)");

    private SessionMarkers() {
    }

    /**
     * @return the start and end of a stored session and the losses of its ledger, in time order,
     *         each loss once (a session downloaded twice mirrored its ledger twice)
     */
    public static List<Marker> of(Session session, List<Notification> notifications) {
        Set<Marker> markers = new LinkedHashSet<>();
        markers.add(new Marker(Kind.START, 0, 0, "Session " + session.refId() + " started"));
        if (session.timeStopped() != null && session.timeStopped() >= session.timeStarted()) {
            long end = session.timeStopped() - session.timeStarted();
            markers.add(new Marker(Kind.STOP, end, end, "Session " + session.refId() + " stopped"));
        }
        for (Notification notification : notifications) {
            gap(session.refId(), session.timeStarted(), notification.description()).ifPresent(markers::add);
        }
        return sorted(markers);
    }

    /**
     * @return the runtime's "Session N started" and "stopped" notifications as markers at the time the
     *         workbench logged them (epoch ms, as live values are stamped)
     */
    public static List<Marker> live(List<Notification> notifications) {
        List<Marker> markers = new ArrayList<>();
        for (Notification notification : notifications) {
            Matcher logging = LOGGING.matcher(notification.description());
            if (logging.matches()) {
                Kind kind = logging.group(2).equals("started") ? Kind.START : Kind.STOP;
                markers.add(new Marker(kind, notification.timeLogged(), notification.timeLogged(),
                        "Session " + logging.group(1) + " " + logging.group(2)));
            }
        }
        return sorted(markers);
    }

    /** @return {@code known} with the markers of {@code more} notifications added, in time order */
    public static List<Marker> live(List<Marker> known, List<Notification> more) {
        List<Marker> all = new ArrayList<>(known);
        all.addAll(live(more));
        return sorted(all);
    }

    /** @return the marker of one mirrored ledger line of this session, if the text is one */
    public static Optional<Marker> gap(long sessionId, long sessionStart, String description) {
        Matcher line = GAP.matcher(description);
        if (!line.matches() || !line.group(1).equals(Long.toString(sessionId))) {
            return Optional.empty();
        }
        try {
            long at = Long.parseLong(line.group(2)) - sessionStart;
            String kind = line.group(5);
            long count = Long.parseLong(line.group(6));
            String detail = line.group(7) == null ? "" : line.group(7).strip();
            String board = line.group(4).equals("-") ? "" : " board " + line.group(4);
            String where = line.group(3) + board;
            Matcher away = AWAY.matcher(detail);
            if (kind.equals("RECONNECT_GAP") && away.find()) {
                long awayMs = Long.parseLong(away.group(1));
                return Optional.of(new Marker(Kind.RECONNECT, at - awayMs, at,
                        "Reconnecting " + where + " for " + seconds(awayMs) + ": " + detail));
            }
            String what = switch (kind) {
            case "SEQUENCE_GAP" -> count + " message" + (count == 1 ? "" : "s") + " missing";
            case "BAD_LINE" -> count + " bad line" + (count == 1 ? "" : "s");
            case "BOARD_ERROR" -> "board error";
            case "SOURCE_OVERFLOW" -> count + " dropped by the source";
            case "RECONNECT_GAP" -> "reconnected";
            default -> kind.toLowerCase(Locale.ROOT).replace('_', ' ');
            };
            return Optional.of(new Marker(Kind.GAP, at, at,
                    "Gap: " + what + " (" + where + (detail.isEmpty() ? "" : ": " + detail) + ")"));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty(); // digits too many for a long: not a ledger line of ours
        }
    }

    /** @return the markers that touch {@code [from, to)} */
    public static List<Marker> within(List<Marker> markers, long from, long to) {
        return markers.stream().filter(m -> m.to() >= from && m.from() < to).toList();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static List<Marker> sorted(Collection<Marker> markers) {
        return markers.stream().sorted(Comparator.comparingLong(Marker::from)).toList();
    }
}
