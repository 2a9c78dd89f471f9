// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.boards.files.BoardFile;
import blitz.boards.files.BoardFileException;
import blitz.boards.files.BoardFiles;

/**
 * Loads every {@code *.json} file of one folder and follows the folder while running (a
 * {@link WatchService}): a new or changed file is loaded, a deleted one unloaded. A bad file is
 * logged with its line and problem, once per content; when it replaces a good version, that version
 * stays loaded until the file is fixed.
 */
final class BoardFolderWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BoardFolderWatch.class);
    /** Editors write a file in several steps: wait this long after an event for the rest. */
    private static final long SETTLE_MS = 100;

    private final Path folder;
    private final BoardFileRegistrar registrar;
    /** The text last seen in each file, good or bad, so that an unchanged file is not read twice. */
    private final Map<Path, String> seen = new HashMap<>();
    private final WatchService watcher;
    private final Thread thread;

    BoardFolderWatch(Path folder, BoardFileRegistrar registrar) throws IOException {
        this.folder = folder;
        this.registrar = registrar;
        Files.createDirectories(folder);
        this.watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        scan();
        this.thread = new Thread(this::follow, "blitz-board-files " + folder);
        thread.setDaemon(true);
        thread.start();
    }

    /** Loads what changed since the last scan and unloads what is gone. */
    synchronized void scan() {
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + BoardFiles.EXTENSION)) {
            for (Path file : files) {
                present.add(file);
                load(file);
            }
        } catch (IOException e) {
            LOG.error("Cannot list the board folder {}: {}", folder, e.toString());
            return;
        }
        for (Path gone : new HashSet<>(seen.keySet())) {
            if (!present.contains(gone)) {
                seen.remove(gone);
                registrar.remove(gone.toString());
            }
        }
    }

    private void load(Path file) {
        try {
            String text = BoardFiles.text(file);
            if (text.equals(seen.put(file, text))) {
                return;
            }
            BoardFile board = BoardFiles.parse(file.toString(), text);
            registrar.put(file.toString(), board, text);
        } catch (BoardFileException e) {
            LOG.error("Board file not loaded: {}", e.getMessage());
        }
    }

    private void follow() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Thread.sleep(SETTLE_MS);
                key.pollEvents();
                key.reset();
                scan();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the component is going away
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
