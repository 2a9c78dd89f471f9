package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import blitz.model.client.Bucket;

/**
 * The pixel-resolution query. One GROUP BY over the bucket index {@code (timeLogged - from) / width}
 * gives count, min, max and the first and last time of every bucket; a prepared point query fetches
 * the values at those times. Both read only the covering index
 * {@link Schema#READING_INDEX}, never the table rows and never one row per reading into Java.
 */
final class BucketQuery {
    private BucketQuery() {
    }

    private static final class Group {
        final long index;
        final long count;
        final double min;
        final double max;
        final long firstTime;
        final long lastTime;
        double first;
        double last;

        Group(long index, long count, double min, double max, long firstTime, long lastTime) {
            this.index = index;
            this.count = count;
            this.min = min;
            this.max = max;
            this.firstTime = firstTime;
            this.lastTime = lastTime;
        }
    }

    /** The value of the lowest and the highest id among the readings at one time. */
    private static final class Edge {
        long lowId = Long.MAX_VALUE;
        double lowValue;
        long highId = Long.MIN_VALUE;
        double highValue;
    }

    static List<Bucket> run(Connection connection, long sessionId, long categoryId, long fromTime, long toTime,
            int width) throws SQLException {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        if (toTime <= fromTime) {
            return List.of();
        }
        long span = toTime - fromTime;
        if (span < 0) {
            throw new IllegalArgumentException("time range too large: [" + fromTime + ", " + toTime + ")");
        }
        long bucketWidth = span / width + (span % width == 0 ? 0 : 1);
        List<Group> groups = groups(connection, sessionId, categoryId, fromTime, toTime, bucketWidth);
        fillEdgeValues(connection, sessionId, categoryId, groups);
        List<Bucket> buckets = new ArrayList<>(groups.size());
        for (Group g : groups) {
            long start = fromTime + g.index * bucketWidth;
            long end = toTime - start <= bucketWidth ? toTime : start + bucketWidth;
            buckets.add(new Bucket(start, end, g.count, g.min, g.max, g.first, g.last, g.firstTime, g.lastTime));
        }
        return buckets;
    }

    private static List<Group> groups(Connection connection, long sessionId, long categoryId, long fromTime,
            long toTime, long bucketWidth) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT b, COUNT(*), MIN(value), MAX(value), MIN(timeLogged), MAX(timeLogged) FROM ("
                        + "SELECT (timeLogged - ?) / ? AS b, timeLogged, value FROM reading "
                        + "WHERE sessionId = ? AND categoryId = ? AND timeLogged >= ? AND timeLogged < ?) t "
                        + "GROUP BY b ORDER BY b")) {
            query.setLong(1, fromTime);
            query.setLong(2, bucketWidth);
            query.setLong(3, sessionId);
            query.setLong(4, categoryId);
            query.setLong(5, fromTime);
            query.setLong(6, toTime);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    groups.add(new Group(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
        }
        return groups;
    }

    /**
     * Sets first and last: the reading with the lowest id at the first time, the highest at the
     * last. One prepared index probe per time (an IN list of many times made Derby scan instead).
     */
    private static void fillEdgeValues(Connection connection, long sessionId, long categoryId, List<Group> groups)
            throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT id, value FROM reading WHERE sessionId = ? AND categoryId = ? AND timeLogged = ?")) {
            probe.setLong(1, sessionId);
            probe.setLong(2, categoryId);
            for (Group g : groups) {
                Edge first = edge(probe, g.firstTime);
                g.first = first.lowValue;
                g.last = g.lastTime == g.firstTime ? first.highValue : edge(probe, g.lastTime).highValue;
            }
        }
    }

    private static Edge edge(PreparedStatement probe, long time) throws SQLException {
        Edge edge = new Edge();
        probe.setLong(3, time);
        try (ResultSet rs = probe.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                double value = rs.getDouble(2);
                if (id < edge.lowId) {
                    edge.lowId = id;
                    edge.lowValue = value;
                }
                if (id > edge.highId) {
                    edge.highId = id;
                    edge.highValue = value;
                }
            }
        }
        return edge;
    }
}
