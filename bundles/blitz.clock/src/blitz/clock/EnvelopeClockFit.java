// SPDX-License-Identifier: EPL-2.0
package blitz.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import blitz.clock.internal.BandCenter;
import blitz.clock.internal.LowerHull;

/**
 * Fits one board's clock to host time from the pairs (board timestamp, host receive time), in the
 * order received. Each pair bounds the true host time of its board time from both sides: the host
 * time is late (by the poll period, the transfer, the scheduler), never early, so the truth lies under
 * the lower envelope of the pairs; and a message that came in a later reply than the previous one was
 * made after that previous reply, so the truth lies over the upper envelope of the pairs (board time,
 * previous reply's receive time). Only the convex hulls of the two point sets matter; the fit is the
 * line through the middle of the band between them, as far from both sides as it can be
 * ({@link BandCenter}). The last message before a poll pins the band from above, the first after it
 * from below, so as the board's messages slide against the polls the band narrows, at places spread
 * over the session, which pins the drift. Needs no noise model, ignores every late outlier; amortised
 * constant time and memory per pair (the hulls keep a handful of vertices). Before the second reply
 * only the late side exists: its envelope is used (the line under all pairs highest at their mean).
 *
 * <p>Board time going back is, by its size, a jittered stamp (up to {@link #JITTER_TOLERANCE_MS}: kept
 * in the segment), the 32-bit wrap (the stamp plus 2^32 is where the board's time should be: unwrapped,
 * reported as {@link ClockEvent.Kind#WRAP}) or a reset (anything else: a new segment with a fit of
 * its own, reported as {@link ClockEvent.Kind#RESET}). Not thread-safe: one fit per board, fed by one
 * thread.
 */
public final class EnvelopeClockFit {
    /** Board timestamps are unsigned 32-bit milliseconds. */
    public static final long WRAP = 1L << 32;
    /** A stamp this much before the previous one is jitter, not a reset. */
    public static final long JITTER_TOLERANCE_MS = 250;
    /** How far an unwrapped stamp may be from where the board's time should be and still be a wrap. */
    private static final double WRAP_TOLERANCE_MS = 5_000;
    /** The largest drift a board's crystal has, as a fraction (1000 ppm), for telling a wrap from a reset. */
    private static final double MAX_DRIFT = 1e-3;

    private final List<Segment> segments = new ArrayList<>();
    private final List<ClockEvent> events = new ArrayList<>();
    private long lastStamp = -1;
    private long lastHost;
    /** The receive time of the reply before the current one; none before the second reply. */
    private long previousReply = Long.MIN_VALUE;

    /** Where a pair lies: its segment and its board time there, unwrapped. */
    public record Position(int segment, double boardMillis) {
    }

    private static final class Segment {
        final double boardOrigin;
        final double hostOrigin;
        /** (board, receive time): the truth is at or under them. */
        final LowerHull late = new LowerHull();
        /** (board, -previous reply's receive time): the truth is at or over them (negated, so a lower hull too). */
        final LowerHull early = new LowerHull();
        long wraps;
        double lastBoard;

        Segment(double boardOrigin, double hostOrigin) {
            this.boardOrigin = boardOrigin;
            this.hostOrigin = hostOrigin;
        }

        BoardClockModel model() {
            double[] under = late.supportAtMean(1);
            double[] middle = early.count() == 0 ? null : BandCenter.line(late.vertices(),
                    early.vertices().stream().map(v -> new double[] { v[0], -v[1] }).toList());
            double[] line = middle == null ? under : middle;
            return new BoardClockModel(boardOrigin, hostOrigin + line[0], line[1], late.count());
        }
    }

    /**
     * @param boardStamp  the message's timestamp, 0..2^32-1
     * @param hostMillis  when the host received it, epoch ms
     * @return where the pair lies
     */
    public Position add(long boardStamp, long hostMillis) {
        if (boardStamp < 0 || boardStamp >= WRAP) {
            throw new IllegalArgumentException("a board timestamp is 0..2^32-1: " + boardStamp);
        }
        Segment segment = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (segment == null) {
            segment = newSegment(boardStamp, hostMillis);
        } else if (boardStamp < lastStamp - JITTER_TOLERANCE_MS) {
            segment = backwards(segment, boardStamp, hostMillis);
        }
        if (lastStamp >= 0 && hostMillis != lastHost) {
            previousReply = lastHost;
        }
        double board = boardStamp + segment.wraps * WRAP;
        segment.late.add(board - segment.boardOrigin, hostMillis - segment.hostOrigin);
        if (previousReply != Long.MIN_VALUE && previousReply < hostMillis) {
            segment.early.add(board - segment.boardOrigin, segment.hostOrigin - previousReply);
        }
        segment.lastBoard = Math.max(segment.lastBoard, board);
        lastStamp = boardStamp;
        lastHost = hostMillis;
        return new Position(segments.size() - 1, board);
    }

    private Segment backwards(Segment segment, long boardStamp, long hostMillis) {
        // a crystal runs within 1000 ppm of nominal: a fit outside that (a few pairs, a jump) says nothing
        double rate = Math.max(1 - MAX_DRIFT, Math.min(1 + MAX_DRIFT, segment.model().rate()));
        double expected = segment.lastBoard + (hostMillis - lastHost) / rate;
        double unwrapped = boardStamp + (segment.wraps + 1) * WRAP;
        if (Math.abs(unwrapped - expected) <= WRAP_TOLERANCE_MS + (hostMillis - lastHost) * 1e-3) {
            segment.wraps++;
            events.add(new ClockEvent(ClockEvent.Kind.WRAP, hostMillis, lastStamp, boardStamp, segments.size() - 1));
            return segment;
        }
        long before = lastStamp;
        Segment next = newSegment(boardStamp, hostMillis);
        events.add(new ClockEvent(ClockEvent.Kind.RESET, hostMillis, before, boardStamp, segments.size() - 1));
        return next;
    }

    private Segment newSegment(long boardStamp, long hostMillis) {
        Segment segment = new Segment(boardStamp, hostMillis);
        segment.lastBoard = boardStamp;
        segments.add(segment);
        return segment;
    }

    /** @return the host's UTC (epoch ms) of a pair's board time, by the current fit of its segment */
    public double hostMillis(Position position) {
        return segments.get(position.segment()).model().hostMillis(position.boardMillis());
    }

    /** @return the fit of the segment the board is in now, empty before the first pair */
    public Optional<BoardClockModel> current() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1).model());
    }

    /** @return the fit of every segment, oldest first */
    public List<BoardClockModel> segments() {
        return segments.stream().map(Segment::model).toList();
    }

    /** @return how many resets and wraps were seen (cheaper than {@link #events()} per pair) */
    public int eventCount() {
        return events.size();
    }

    /** @return resets and wraps seen, in order */
    public List<ClockEvent> events() {
        return List.copyOf(events);
    }
}
