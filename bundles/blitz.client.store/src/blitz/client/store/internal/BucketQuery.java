package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import blitz.model.client.Bucket;

/**
 * The pixel-resolution query. One GROUP BY over the bucket index {@code (timeLogged - from) / width}
 * gives count, min, max and the first and last time of every bucket; a second query fetches the
 * values at those times by index probes (an IN list). Both read only the covering index
 * {@link Schema#READING_INDEX}, never the table rows and never one row per reading into Java.
 */
final class BucketQuery {
    /** Times per IN list: Derby probes the index once per value. */
    private static final int PROBES_PER_QUERY = 500;

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

    /** Sets first and last: the reading with the lowest id at the first time, the highest at the last. */
    private static void fillEdgeValues(Connection connection, long sessionId, long categoryId, List<Group> groups)
            throws SQLException {
        List<Long> times = new ArrayList<>(groups.size() * 2);
        for (Group g : groups) {
            times.add(g.firstTime);
            if (g.lastTime != g.firstTime) {
                times.add(g.lastTime);
            }
        }
        Map<Long, Edge> edges = new HashMap<>(times.size() * 2);
        for (int from = 0; from < times.size(); from += PROBES_PER_QUERY) {
            List<Long> part = times.subList(from, Math.min(times.size(), from + PROBES_PER_QUERY));
            String in = "?,".repeat(part.size() - 1) + "?";
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT timeLogged, id, value FROM reading WHERE sessionId = ? AND categoryId = ? "
                            + "AND timeLogged IN (" + in + ")")) {
                query.setLong(1, sessionId);
                query.setLong(2, categoryId);
                for (int i = 0; i < part.size(); i++) {
                    query.setLong(3 + i, part.get(i));
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Edge edge = edges.computeIfAbsent(rs.getLong(1), t -> new Edge());
                        long id = rs.getLong(2);
                        double value = rs.getDouble(3);
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
            }
        }
        for (Group g : groups) {
            g.first = edges.get(g.firstTime).lowValue;
            g.last = edges.get(g.lastTime).highValue;
        }
    }
}
