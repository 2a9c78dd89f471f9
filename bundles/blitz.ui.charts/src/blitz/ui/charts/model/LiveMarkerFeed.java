// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import blitz.model.Notification;
import blitz.model.client.ClientStore;
import blitz.ui.charts.model.SessionMarkers.Marker;

/**
 * The runtime's session starts and stops for the live plot, followed in the notifications the client
 * mirrors: each read asks only for the notifications after the last one read, so a read costs what is
 * new however long the log is. Of two reads that overlap (a slow store) the later answer keeps only
 * what the earlier did not add. Another store starts over: its notification ids say nothing about the
 * last one's. Called on the UI thread.
 */
public final class LiveMarkerFeed {
    /** Notifications read per store call while catching up with the log. */
    static final int NOTIFICATIONS_PAGE = 500;

    private final PlotScheduler scheduler;
    private List<Marker> markers = List.of();
    private long lastRead;
    /** How often the store was replaced: an answer read from an earlier one is dropped. */
    private long resets;

    public LiveMarkerFeed(PlotScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** @return the session starts and stops read so far, in time order */
    public List<Marker> markers() {
        return markers;
    }

    /** Forgets what was read: the store was replaced. */
    public void reset() {
        markers = List.of();
        lastRead = 0;
        resets++;
    }

    /**
     * Reads what {@code source} logged since the last read, off the UI thread, and adds it; then runs
     * {@code then} with the markers, unless the store was replaced meanwhile ({@link #reset}).
     */
    public void read(ClientStore source, Consumer<List<Marker>> then, Consumer<RuntimeException> failed) {
        long after = lastRead;
        long store = resets;
        scheduler.load("Reading the runtime's session starts and stops", () -> newNotifications(source, after),
                read -> {
                    if (store == resets) {
                        add(read);
                        then.accept(markers);
                    }
                }, failed);
    }

    /** Adds the notifications after the last one read (each once), in id order. */
    void add(List<Notification> read) {
        List<Notification> unseen = read.stream().filter(n -> n.id() > lastRead).toList();
        if (!unseen.isEmpty()) {
            lastRead = unseen.get(unseen.size() - 1).id();
            markers = SessionMarkers.live(markers, unseen);
        }
    }

    /** @return the info notifications after {@code afterId}, in id order, read page by page */
    static List<Notification> newNotifications(ClientStore source, long afterId) {
        List<Notification> read = new ArrayList<>();
        List<Notification> page;
        long after = afterId;
        do {
            page = source.notificationsAfter(after, Notification.INFO, NOTIFICATIONS_PAGE);
            read.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == NOTIFICATIONS_PAGE);
        return read;
    }
}
