// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import blitz.model.client.Bucket;

/**
 * The pixel-resolution query, exact in both of its ways.
 *
 * <p>When the range holds many tiles of the series ({@link ReadingTiles}), tiles wholly inside a
 * bucket are merged as they are, and only the tiles cut by a bucket edge or by the range's ends are
 * read as readings (one index range probe per run of such tiles, at most one tile per edge): the
 * cost follows the bucket count, not the reading count.
 *
 * <p>Otherwise one GROUP BY over the bucket index {@code (timeLogged - from) / width} gives count,
 * min, max and the first and last time of every bucket; a prepared point query fetches the values
 * at those times. Both read only the covering index {@link Schema#READING_INDEX}, never the table
 * rows and never one row per reading into Java.
 */
final class BucketQuery {
    /**
     * The tile path is taken when at least this many tiles of the range lie wholly inside a bucket
     * for each one that must be read reading by reading.
     */
    static final int WHOLE_TILES_PER_CUT_TILE = 2;

    /**
     * The readings of the tiles cut by bucket edges, one run of tiles a probe. The probe names the
     * covering index: without the hint the first probes of a view were 1.5–2.4× slower.
     */
    private static final String CUT_TILES_PROBE = "SELECT timeLogged, id, value FROM reading "
            + "--DERBY-PROPERTIES index=" + Schema.READING_INDEX + "\n"
            + "WHERE sessionId = ? AND categoryId = ? AND timeLogged >= ? AND timeLogged <= ? ORDER BY timeLogged, id";

    private BucketQuery() {
    }

    /**
     * Compiles the statement of the tile path, which a query of an absent series (the store's warm-up)
     * never reaches: Derby keeps compiled statements by their text for every connection.
     */
    static void compile(Connection connection) throws SQLException {
        connection.prepareStatement(CUT_TILES_PROBE).close();
    }

    /** One bucket being summed up, from tiles and readings given in (time, id) order. */
    private static final class Group {
        final long index;
        long count;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long firstTime;
        long lastTime;
        double first;
        double last;

        Group(long index) {
            this.index = index;
        }

        Group(long index, long count, double min, double max, long firstTime, long lastTime) {
            this.index = index;
            this.count = count;
            this.min = min;
            this.max = max;
            this.firstTime = firstTime;
            this.lastTime = lastTime;
        }

        void add(Tile tile) {
            if (count == 0) {
                firstTime = tile.startTime;
                first = tile.first;
            }
            count += tile.count;
            min = Math.min(min, tile.min);
            max = Math.max(max, tile.max);
            lastTime = tile.endTime;
            last = tile.last;
        }

        void add(long time, double value) {
            if (count == 0) {
                firstTime = time;
                first = value;
            }
            count++;
            min = Math.min(min, value);
            max = Math.max(max, value);
            lastTime = time;
            last = value;
        }

        Bucket toBucket(long fromTime, long toTime, long bucketWidth) {
            long start = fromTime + index * bucketWidth;
            long end = toTime - start <= bucketWidth ? toTime : start + bucketWidth;
            return new Bucket(start, end, count, min, max, first, last, firstTime, lastTime);
        }
    }

    /** The value of the lowest and the highest id among the readings at one time. */
    private static final class Edge {
        long lowId = Long.MAX_VALUE;
        double lowValue;
        long highId = Long.MIN_VALUE;
        double highValue;
    }

    /** The buckets of one query, in order; the last one is the one being filled. */
    private static final class Buckets {
        final long fromTime;
        final long bucketWidth;
        final List<Group> groups = new ArrayList<>();

        Buckets(long fromTime, long bucketWidth) {
            this.fromTime = fromTime;
            this.bucketWidth = bucketWidth;
        }

        long indexOf(long time) {
            return (time - fromTime) / bucketWidth;
        }

        Group at(long time) {
            long index = indexOf(time);
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last == null || last.index != index) {
                last = new Group(index);
                groups.add(last);
            }
            return last;
        }
    }

    static List<Bucket> run(Connection connection, long sessionId, long categoryId, long fromTime, long toTime,
            int width, int tileSize) throws SQLException {
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
        ReadingTiles.ensureFresh(connection, sessionId, categoryId, tileSize);
        List<Tile> tiles = ReadingTiles.overlapping(connection, sessionId, categoryId, fromTime, toTime);
        Buckets buckets = new Buckets(fromTime, bucketWidth);
        long cut = tiles.stream().filter(tile -> !wholeInBucket(tile, buckets, toTime)).count();
        List<Group> groups;
        if (!tiles.isEmpty() && cut * (1 + WHOLE_TILES_PER_CUT_TILE) <= tiles.size()) {
            groups = fromTiles(connection, sessionId, categoryId, toTime, tiles, buckets);
        } else {
            groups = groups(connection, sessionId, categoryId, fromTime, toTime, bucketWidth);
            fillEdgeValues(connection, sessionId, categoryId, groups);
        }
        return groups.stream().map(g -> g.toBucket(fromTime, toTime, bucketWidth)).toList();
    }

    private static boolean wholeInBucket(Tile tile, Buckets buckets, long toTime) {
        return tile.startTime >= buckets.fromTime && tile.endTime < toTime
                && buckets.indexOf(tile.startTime) == buckets.indexOf(tile.endTime);
    }

    /** Merges whole tiles; reads each run of tiles cut by an edge with one range probe. */
    private static List<Group> fromTiles(Connection connection, long sessionId, long categoryId, long toTime,
            List<Tile> tiles, Buckets buckets) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(CUT_TILES_PROBE)) {
            Sql.bind(probe, sessionId, categoryId);
            int i = 0;
            while (i < tiles.size()) {
                Tile tile = tiles.get(i);
                if (wholeInBucket(tile, buckets, toTime)) {
                    buckets.at(tile.startTime).add(tile);
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < tiles.size() && !wholeInBucket(tiles.get(j + 1), buckets, toTime)) {
                    j++;
                }
                addReadings(probe, tile, tiles.get(j), buckets, toTime);
                i = j + 1;
            }
        }
        return buckets.groups;
    }

    /** Adds the readings in {@code [fromTime, toTime)} from the first reading of one tile to the last of another. */
    private static void addReadings(PreparedStatement probe, Tile first, Tile last, Buckets buckets, long toTime)
            throws SQLException {
        probe.setLong(3, Math.max(first.startTime, buckets.fromTime));
        probe.setLong(4, Math.min(last.endTime, toTime - 1));
        try (ResultSet rs = probe.executeQuery()) {
            while (rs.next()) {
                long time = rs.getLong(1);
                long id = rs.getLong(2);
                // readings at the tiles' edge times may belong to the neighbouring tiles
                boolean before = time == first.startTime && id < first.startId;
                boolean after = time == last.endTime && id > last.endId;
                if (!before && !after) {
                    buckets.at(time).add(time, rs.getDouble(3));
                }
            }
        }
    }

    private static List<Group> groups(Connection connection, long sessionId, long categoryId, long fromTime,
            long toTime, long bucketWidth) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT b, COUNT(*), MIN(value), MAX(value), MIN(timeLogged), MAX(timeLogged) FROM ("
                        + "SELECT (timeLogged - ?) / ? AS b, timeLogged, value FROM reading "
                        + "WHERE sessionId = ? AND categoryId = ? AND timeLogged >= ? AND timeLogged < ?) t "
                        + "GROUP BY b ORDER BY b")) {
            return Sql.list(Sql.bind(query, fromTime, bucketWidth, sessionId, categoryId, fromTime, toTime),
                    rs -> new Group(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                            rs.getLong(6)));
        }
    }

    /**
     * Sets first and last: the reading with the lowest id at the first time, the highest at the
     * last. One prepared index probe per time (an IN list of many times made Derby scan instead).
     */
    private static void fillEdgeValues(Connection connection, long sessionId, long categoryId, List<Group> groups)
            throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT id, value FROM reading WHERE sessionId = ? AND categoryId = ? AND timeLogged = ?")) {
            Sql.bind(probe, sessionId, categoryId);
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
