// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.SourceInfo;
import blitz.model.source.CommandResult;
import blitz.model.source.MessageSink;
import blitz.model.source.MessageSource;

/**
 * The attached {@link MessageSource}s, by id: starts them with the runtime as their sink, stops them
 * (side by side) and restarts them, and reaches a board through the source that holds it. A failing
 * source is logged, never passed on. Attaching, detaching and the session changes that stop and
 * restart every source synchronise on this registry, so no source comes or goes halfway through one.
 */
final class SourceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SourceRegistry.class);

    private final Map<String, MessageSource> sources = new ConcurrentHashMap<>();
    private final MessageSink sink;

    SourceRegistry(MessageSink sink) {
        this.sink = sink;
    }

    /** @return whether the source was attached and started; a second source with a taken id is refused */
    synchronized boolean attach(MessageSource source) {
        if (sources.putIfAbsent(source.id(), source) != null) {
            LOG.error("Ignoring a second message source with id {} ({})", source.id(), source.description());
            return false;
        }
        source.start(sink);
        return true;
    }

    /** @return whether the source was attached (it is stopped then) */
    synchronized boolean detach(MessageSource source) {
        if (!sources.remove(source.id(), source)) {
            return false;
        }
        stopQuietly(source);
        return true;
    }

    /** @return the attached sources, ordered by id */
    List<MessageSource> attached() {
        return List.copyOf(new TreeMap<>(sources).values());
    }

    /**
     * Stops the sources side by side, each on a thread of its own: each drains its own boards, so a
     * START or STOP waits for the slowest source, not for the sum of them. Returns when all stopped.
     *
     * @return the sources stopped, for {@link #restart(List)}
     */
    List<MessageSource> stopAll() {
        List<MessageSource> attached = List.copyOf(sources.values());
        if (attached.size() < 2) {
            attached.forEach(SourceRegistry::stopQuietly);
            return attached;
        }
        List<Thread> stopping = new ArrayList<>(attached.size());
        for (MessageSource source : attached) {
            Thread thread = new Thread(() -> stopQuietly(source), "blitz-logger-stop " + source.id());
            thread.setDaemon(true);
            thread.start();
            stopping.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : stopping) {
            while (thread.isAlive()) {
                try {
                    thread.join(); // every source's stop is bounded by its contract
                } catch (InterruptedException e) {
                    interrupted = true; // the session must not change before every source stopped
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return attached;
    }

    /** Starts again the stopped sources that are still attached. */
    void restart(List<MessageSource> stopped) {
        for (MessageSource source : stopped) {
            if (sources.get(source.id()) != source) {
                continue; // left while the session changed
            }
            try {
                source.start(sink);
            } catch (RuntimeException e) {
                LOG.error("Source {} failed to start", source.id(), e);
            }
        }
    }

    /** @return the source holding each announced board, by board id */
    Map<Integer, String> boardHolders() {
        Map<Integer, String> holders = new TreeMap<>();
        for (MessageSource source : sources.values()) {
            boardIdsOf(source).forEach(id -> holders.put(id, source.id()));
        }
        return holders;
    }

    CommandResult sendBoardCommand(int boardId, String hexCommand) {
        for (MessageSource source : sources.values()) {
            if (boardIdsOf(source).contains(boardId)) {
                try {
                    return source.sendCommand(boardId, hexCommand);
                } catch (RuntimeException e) {
                    LOG.error("Source {} failed to send a command to board {}", source.id(), boardId, e);
                    return CommandResult.failed("source " + source.id() + " failed: " + e);
                }
            }
        }
        return CommandResult.failed(String.format(Locale.ROOT, "no source holds board %02x", boardId));
    }

    /** @return one entry per source that reports its state, ordered by id */
    List<SourceInfo> infos() {
        List<SourceInfo> infos = new ArrayList<>();
        for (MessageSource source : attached()) {
            try {
                infos.add(new SourceInfo(source.id(), source.description(), source.state(), source.boardIds(),
                        source.statistics()));
            } catch (RuntimeException e) {
                LOG.error("Source {} failed to report its state", source.id(), e);
            }
        }
        return infos;
    }

    /** @return the boards a source announces, none when it fails to list them */
    static Set<Integer> boardIdsOf(MessageSource source) {
        try {
            return source.boardIds();
        } catch (RuntimeException e) {
            LOG.error("Source {} failed to list its boards", source.id(), e);
            return Set.of();
        }
    }

    private static void stopQuietly(MessageSource source) {
        try {
            source.stop();
        } catch (RuntimeException e) {
            LOG.error("Source {} failed to stop", source.id(), e);
        }
    }
}
