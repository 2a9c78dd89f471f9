// SPDX-License-Identifier: EPL-2.0
package blitz.server.embedded.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The id counter and each session's start and end time, in {@code sessions.meta}: a small text file
 * rewritten whole on every change by write-temp, force, atomic rename, force the folder, so a crash
 * leaves either the old or the new version. Thread-safe.
 *
 * <pre>
 * counter=7
 * session=7,1764337000000,-1
 * session=5,1764336000000,1764336500000
 * </pre>
 */
final class StoreMetadata {
    private static final String FILE = "sessions.meta";

    record Times(long start, OptionalLong end) {
    }

    private final Path folder;
    private final TreeMap<Long, Times> sessions = new TreeMap<>(Collections.reverseOrder());
    private long counter;

    StoreMetadata(Path folder) throws IOException {
        this.folder = folder;
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("counter=")) {
                counter = Long.parseLong(line.substring(8).trim());
            } else if (line.startsWith("session=")) {
                String[] fields = line.substring(8).trim().split(",");
                long end = Long.parseLong(fields[2]);
                sessions.put(Long.parseLong(fields[0]),
                        new Times(Long.parseLong(fields[1]), end < 0 ? OptionalLong.empty() : OptionalLong.of(end)));
            }
        }
    }

    synchronized long nextId() throws IOException {
        counter++;
        saveOrUndo(() -> counter--);
        return counter;
    }

    synchronized void started(long id, long startMs) throws IOException {
        sessions.put(id, new Times(startMs, OptionalLong.empty()));
        saveOrUndo(() -> sessions.remove(id));
    }

    /** @return false when the session is unknown (deleted meanwhile) */
    synchronized boolean ended(long id, long endMs) throws IOException {
        Times times = sessions.get(id);
        if (times == null) {
            return false;
        }
        sessions.put(id, new Times(times.start(), OptionalLong.of(endMs)));
        saveOrUndo(() -> sessions.put(id, times));
        return true;
    }

    synchronized boolean remove(long id) throws IOException {
        Times removed = sessions.remove(id);
        if (removed != null) {
            saveOrUndo(() -> sessions.put(id, removed));
        }
        return removed != null;
    }

    synchronized List<Long> clear() throws IOException {
        List<Long> ids = new ArrayList<>(sessions.keySet());
        sessions.clear();
        counter = 0;
        save();
        return ids;
    }

    synchronized boolean contains(long id) {
        return sessions.containsKey(id);
    }

    synchronized Optional<Times> times(long id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** @return ids, newest first */
    synchronized List<Long> ids() {
        return new ArrayList<>(sessions.keySet());
    }

    /**
     * Saves, or on failure undoes the in-memory change and rethrows: memory never holds what the file
     * does not, so a failed start neither uses up an id nor reappears with a later save.
     */
    private void saveOrUndo(Runnable undo) throws IOException {
        try {
            save();
        } catch (IOException | RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    private void save() throws IOException {
        StringBuilder text = new StringBuilder("counter=").append(counter).append('\n');
        sessions.forEach((id, times) -> text.append("session=").append(id).append(',').append(times.start()).append(',')
                .append(times.end().orElse(-1)).append('\n'));
        Path temp = folder.resolve(FILE + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
