// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A tile: {@code count} consecutive readings of a series from (startTime, startId) to (endTime, endId). */
final class Tile {
    final long index;
    int count;
    final long startTime;
    final long startId;
    long endTime;
    long endId;
    double min;
    double max;
    final double first;
    double last;

    Tile(long index, int count, long startTime, long startId, long endTime, long endId, double min, double max,
            double first, double last) {
        this.index = index;
        this.count = count;
        this.startTime = startTime;
        this.startId = startId;
        this.endTime = endTime;
        this.endId = endId;
        this.min = min;
        this.max = max;
        this.first = first;
        this.last = last;
    }

    /** The columns of a tile row, in the order {@link #read} takes them. */
    static final String COLUMNS = "tileIndex, readingCount, startTime, startId, endTime, endId, "
            + "minValue, maxValue, firstValue, lastValue";

    /** Reads a tile from a row whose first columns are {@link #COLUMNS}. */
    static Tile read(ResultSet rs) throws SQLException {
        return new Tile(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10));
    }

    static Tile of(long index, long time, long id, double value) {
        return new Tile(index, 1, time, id, time, id, value, value, value, value);
    }

    /** Extends the tile by the next reading in (time, id) order. */
    void add(long time, long id, double value) {
        count++;
        endTime = time;
        endId = id;
        min = Math.min(min, value);
        max = Math.max(max, value);
        last = value;
    }
}
