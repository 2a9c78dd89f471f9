// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.client.internal.ReplayFeed;
import blitz.client.internal.replay.ReplayRun.Clock;
import blitz.client.internal.replay.ReplayRun.Variable;
import blitz.client.replay.ReplayState;
import blitz.client.replay.ReplayState.Phase;
import blitz.client.replay.SessionReplay;
import blitz.model.Category;
import blitz.model.Reading;
import blitz.model.Session;
import blitz.model.client.SeriesQueries;
import blitz.model.client.SessionCatalog;
import blitz.model.client.TimeSpan;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.LoggerConnection;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.VariableSpec;
import blitz.model.sync.LiveSource;
import blitz.model.sync.LiveVariable;

/**
 * Replays a stored session on a thread of its own ("blitz-replay"): it reads the readings due by the
 * replay clock (outside the lock, a page per variable at a time), then under the lock counts them,
 * hands the values allowed by the {@link Coalescer} to the live values, and waits for the next
 * reading or held-back value, or for a control call. Seeks invalidate what was read meanwhile; a
 * pause or a new speed does not (those readings were due).
 */
// the DS name from before the class was renamed: tests and configurations refer to it
@Component(name = "blitz.client.internal.replay.ReplayService", service = SessionReplay.class)
public class PagedSessionReplay implements SessionReplay {
    private static final Logger LOG = LoggerFactory.getLogger(PagedSessionReplay.class);
    static final int PAGE_SIZE = 2000;
    /** Readings taken in one round at most, so control calls are seen quickly while catching up. */
    private static final int MAX_READINGS_PER_ROUND = 10_000;
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long STATE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final String RUNTIME_LOGGING = "The runtime started logging: its live values are shown instead of the replay.";

    private final SeriesQueries series;
    private final SessionCatalog sessions;
    private final ReplayFeed feed;
    private final LoggerConnection connection;
    private final DecoderRegistry registry;
    private final Object lock = new Object();
    private final List<Consumer<ReplayState>> listeners = new CopyOnWriteArrayList<>();
    private final ConnectionListener runtimeWatch = new ConnectionListener() {
        @Override
        public void loggingChanged(boolean logging) {
            if (logging) {
                stopBecause(RUNTIME_LOGGING);
            }
        }

        @Override
        public void liveLine(String line) {
            stopBecause(RUNTIME_LOGGING);
        }
    };
    private ReplayRun run;
    private double idleSpeed = MIN_SPEED;
    private String idleDetail = "";

    @Activate
    public PagedSessionReplay(@Reference SeriesQueries series, @Reference SessionCatalog sessions,
            @Reference ReplayFeed feed, @Reference LoggerConnection connection, @Reference DecoderRegistry registry) {
        this.series = series;
        this.sessions = sessions;
        this.feed = feed;
        this.connection = connection;
        this.registry = registry;
        connection.addListener(runtimeWatch);
    }

    @Deactivate
    void deactivate() {
        connection.removeListener(runtimeWatch);
        stop();
    }

    // --- control -----------------------------------------------------------------------------

    @Override
    public void start(long sessionId, double speed) {
        SessionReplay.checkSpeed(speed);
        refuseWhileLogging(sessionId);
        TimeSpan range = series.sessionTimeRange(sessionId).orElseThrow(() -> new IllegalArgumentException(
                "Session " + sessionId + " has no readings in the workbench to replay: download it first."));
        long sessionStart = sessions.getSession(sessionId).map(Session::timeStarted).orElse(0L);
        Map<Long, Variable> variables = new HashMap<>();
        for (Category category : series.getSessionVariables(sessionId)) {
            variables.put(category.id(), describe(category.variableName()));
        }
        ReplayState started;
        synchronized (lock) {
            refuseWhileLogging(sessionId);
            run = new ReplayRun(sessionId, sessionStart, range, variables, speed);
            idleSpeed = speed;
            feed.switchTo(run.source());
            ReplayRun replay = run;
            Thread thread = new Thread(() -> play(replay), "blitz-replay");
            thread.setDaemon(true);
            thread.start();
            lock.notifyAll(); // a previous run's thread sees it is no longer current
            started = run.state();
        }
        notifyListeners(started);
    }

    private void refuseWhileLogging(long sessionId) {
        if (connection.isLogging()) {
            throw new IllegalStateException("Session " + sessionId
                    + " cannot be replayed while the runtime is logging: stop logging first (Logger ▸ Stop).");
        }
    }

    /** Unit and board of a variable from the decoders, as live values carry them. */
    private Variable describe(String name) {
        for (BoardDecoder decoder : registry.decoders()) {
            for (VariableSpec spec : decoder.variables()) {
                if (spec.name().equals(name)) {
                    return new Variable(name, registry.calibration(name).unit(), decoder.boardId());
                }
            }
        }
        return new Variable(name, registry.calibration(name).unit(), 0);
    }

    @Override
    public void pause() {
        control(replay -> {
            if (replay.phase == Phase.PLAYING) {
                replay.pausedAt = replay.position(System.nanoTime());
                replay.phase = Phase.PAUSED;
            }
        });
    }

    @Override
    public void resume() {
        control(replay -> {
            if (replay.phase == Phase.PAUSED) {
                replay.clock = new Clock(System.nanoTime(), replay.pausedAt, replay.clock.speed());
                replay.nextTime = Long.MAX_VALUE;
                replay.phase = Phase.PLAYING;
            }
        });
    }

    @Override
    public void setSpeed(double speed) {
        SessionReplay.checkSpeed(speed);
        synchronized (lock) {
            idleSpeed = speed;
        }
        control(replay -> {
            long now = System.nanoTime();
            replay.clock = new Clock(now, replay.position(now), speed);
            feed.relabel(replay.source());
        });
    }

    @Override
    public void seek(long sessionTime) {
        synchronized (lock) {
            if (run == null) {
                throw new IllegalStateException("No replay is under way: start one before moving it.");
            }
        }
        control(replay -> {
            long target = Math.max(replay.firstTime, Math.min(replay.lastTime, sessionTime));
            replay.seekTarget = target;
            replay.seeks++;
            replay.delivered = 0;
            replay.pausedAt = target;
            replay.nextTime = Long.MAX_VALUE;
            replay.clock = new Clock(System.nanoTime(), target, replay.clock.speed());
            if (replay.phase == Phase.FINISHED) {
                replay.phase = Phase.PAUSED;
            }
            feed.switchTo(replay.source());
        });
    }

    @Override
    public void stop() {
        stopBecause("");
    }

    private void stopBecause(String detail) {
        ReplayState stopped;
        synchronized (lock) {
            if (run == null) {
                return;
            }
            run = null;
            idleDetail = detail;
            feed.switchTo(LiveSource.RUNTIME);
            lock.notifyAll();
            stopped = ReplayState.idle(idleSpeed, detail);
        }
        notifyListeners(stopped);
    }

    /** Changes the replay under way (nothing when idle), wakes its thread and tells the listeners. */
    private void control(Consumer<ReplayRun> change) {
        ReplayState changed;
        synchronized (lock) {
            if (run == null) {
                return;
            }
            change.accept(run);
            run.controls++;
            lock.notifyAll();
            changed = run.state();
        }
        notifyListeners(changed);
    }

    @Override
    public ReplayState state() {
        synchronized (lock) {
            return run == null ? ReplayState.idle(idleSpeed, idleDetail) : run.state();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<ReplayState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyListeners(ReplayState state) {
        for (Consumer<ReplayState> listener : listeners) {
            try {
                listener.accept(state);
            } catch (RuntimeException e) {
                LOG.warn("a replay listener failed", e);
            }
        }
    }

    // --- the replay thread -------------------------------------------------------------------

    private void play(ReplayRun replay) {
        try {
            playUntilStopped(replay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("replay of session {} failed", replay.sessionId, e);
            synchronized (lock) {
                if (run == replay) {
                    run = null;
                    idleDetail = "The replay of session " + replay.sessionId + " failed: " + e.getMessage();
                    feed.switchTo(LiveSource.RUNTIME);
                }
            }
            notifyListeners(state());
        }
    }

    private void playUntilStopped(ReplayRun replay) throws InterruptedException {
        TimeOrderedReadings readings = new TimeOrderedReadings(series, replay.sessionId, replay.categoryIds, PAGE_SIZE);
        Coalescer coalescer = new Coalescer(TimeUnit.MILLISECONDS.toNanos(MIN_UPDATE_INTERVAL_MS));
        long lastStateNanos = 0;
        while (true) {
            Clock clock;
            long seeks;
            synchronized (lock) {
                if (run != replay) {
                    return;
                }
                if (replay.seekTarget != null) {
                    readings.seek(replay.seekTarget);
                    coalescer.clear();
                    replay.seekTarget = null;
                }
                if (replay.phase != Phase.PLAYING) {
                    show(replay, coalescer.drain(System.nanoTime()));
                    lock.wait();
                    continue;
                }
                clock = replay.clock;
                seeks = replay.seeks;
            }
            // the store is read outside the lock: control calls never wait for the disk
            long reached = clock.timeAt(System.nanoTime());
            List<Reading> due = new ArrayList<>();
            Reading next = readings.peek();
            while (next != null && next.timeLogged() <= reached && due.size() < MAX_READINGS_PER_ROUND) {
                due.add(readings.next());
                next = readings.peek();
            }
            ReplayState changed = null;
            long wake = 0;
            long controls;
            synchronized (lock) {
                if (run != replay) {
                    return;
                }
                if (replay.seeks != seeks) {
                    continue; // read before a seek: the cursor starts again
                }
                long now = System.nanoTime();
                for (Reading reading : due) {
                    Variable variable = replay.variables.get(reading.categoryId());
                    coalescer.offer(new LiveVariable(variable.name(), variable.unit(), reading.value(),
                            replay.sessionStart + reading.timeLogged(), variable.boardId()));
                }
                replay.delivered += due.size();
                replay.nextTime = next == null ? replay.lastTime : next.timeLogged();
                if (next == null) {
                    show(replay, coalescer.drain(now));
                    replay.phase = Phase.FINISHED;
                    feed.relabel(replay.source());
                    changed = replay.state();
                } else {
                    show(replay, coalescer.due(now));
                    if (now - lastStateNanos >= STATE_INTERVAL_NANOS) {
                        lastStateNanos = now;
                        changed = replay.state();
                    }
                    if (due.size() < MAX_READINGS_PER_ROUND) {
                        // up to date: wait for the next reading or held-back value; behind: go on at once
                        wake = Math.min(replay.clock.nanosFor(next.timeLogged()), coalescer.nextRelease());
                    }
                }
                controls = replay.controls;
            }
            if (changed != null) {
                notifyListeners(changed);
            }
            synchronized (lock) {
                long waitNanos = wake - System.nanoTime();
                if (run == replay && replay.controls == controls && waitNanos > 0) {
                    // at least a millisecond: a dense session at 100× is then read in rounds, not spun through
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.max(waitNanos, MIN_WAIT_NANOS));
                }
            }
        }
    }

    /** Hands values to the live values; called with the lock held, so a stop never lets one slip after it. */
    private void show(ReplayRun replay, List<LiveVariable> values) {
        if (!values.isEmpty() && run == replay) {
            feed.replayed(values);
        }
    }
}
