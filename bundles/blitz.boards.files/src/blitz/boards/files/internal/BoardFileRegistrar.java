// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.boards.files.BoardFile;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/**
 * Keeps one {@link BoardDecoder} service per loaded board file. A file whose board id another file
 * already holds waits (logged as an error naming both files) and takes over when the other goes.
 * A changed file's new decoder is registered before the old one leaves, so the registry never lacks
 * a decoder for the board in between (it reports the short overlap as a conflict). Thread-safe.
 */
final class BoardFileRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(BoardFileRegistrar.class);

    private final BundleContext context;
    /** Loaded files by key, in load order (the first holder of a board id keeps it). */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(BoardFile file, String text, ServiceRegistration<BoardDecoder> registration) {
        int boardId() {
            return file.decoder().boardId();
        }
    }

    BoardFileRegistrar(BundleContext context) {
        this.context = context;
    }

    /** Loads or replaces the file under {@code key}; the same text again changes nothing. */
    synchronized void put(String key, BoardFile file, String text) {
        Entry old = entries.get(key);
        if (old != null && old.text().equals(text)) {
            return;
        }
        String holder = holderOf(file.decoder().boardId(), key);
        ServiceRegistration<BoardDecoder> registration = null;
        if (holder == null) {
            registration = register(file);
            LOG.info("Board file {}: board {} \"{}\" with {} variables", file.origin(), file.decoder().boardId(),
                    file.decoder().description(), file.decoder().variables().size());
        } else {
            LOG.error("Board file {}: board id {} is already defined by {}; this file waits until that one goes",
                    file.origin(), file.decoder().boardId(), holder);
        }
        entries.put(key, new Entry(file, text, registration));
        if (old != null) {
            unregister(old);
        }
        promoteWaiting();
    }

    /** Unloads the file under {@code key}, if loaded. */
    synchronized void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            unregister(old);
            LOG.info("Board file {} unloaded", old.file().origin());
            promoteWaiting();
        }
    }

    /** @return how many files are loaded (registered or waiting) */
    synchronized int size() {
        return entries.size();
    }

    synchronized void close() {
        entries.values().forEach(BoardFileRegistrar::unregister);
        entries.clear();
    }

    private String holderOf(int boardId, String exceptKey) {
        return entries.entrySet().stream()
                .filter(e -> !e.getKey().equals(exceptKey) && e.getValue().registration() != null && e.getValue().boardId() == boardId)
                .map(e -> e.getValue().file().origin()).findFirst().orElse(null);
    }

    private void promoteWaiting() {
        for (var entry : entries.entrySet()) {
            Entry waiting = entry.getValue();
            if (waiting.registration() == null && holderOf(waiting.boardId(), entry.getKey()) == null) {
                LOG.info("Board file {}: board {} is free now, loaded", waiting.file().origin(), waiting.boardId());
                entry.setValue(new Entry(waiting.file(), waiting.text(), register(waiting.file())));
            }
        }
    }

    private ServiceRegistration<BoardDecoder> register(BoardFile file) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DecoderRegistry.ORIGIN, DecoderRegistry.FILE);
        properties.put(DecoderRegistry.ORIGIN_FILE, file.origin());
        properties.put("blitz.board.id", file.decoder().boardId());
        return context.registerService(BoardDecoder.class, file.decoder(), properties);
    }

    private static void unregister(Entry entry) {
        if (Objects.nonNull(entry.registration())) {
            try {
                entry.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it
            }
        }
    }
}
