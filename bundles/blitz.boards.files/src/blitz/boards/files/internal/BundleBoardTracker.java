// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.boards.files.BoardFileException;
import blitz.boards.files.BoardFiles;

/**
 * Loads the board files a bundle ships: the bundle names its folders in the manifest header
 * {@code Blitz-Boards: boards/} (comma-separated), and every {@code *.json} there is loaded while the
 * bundle is active. The tracked object is the list of registrar keys the bundle gave.
 */
final class BundleBoardTracker implements BundleTrackerCustomizer<List<String>> {
    /** The manifest header naming a bundle's board folders. */
    static final String HEADER = "Blitz-Boards";
    private static final Logger LOG = LoggerFactory.getLogger(BundleBoardTracker.class);

    private final BoardFileRegistrar registrar;

    BundleBoardTracker(BoardFileRegistrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public List<String> addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders("").get(HEADER);
        if (header == null) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        for (String folder : header.split(",")) {
            Enumeration<URL> entries = bundle.findEntries(folder.trim(), "*" + BoardFiles.EXTENSION, false);
            for (URL entry : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String key = bundle.getSymbolicName() + "!" + entry.getPath();
                try {
                    registrar.put(key, BoardFiles.parse(key, read(key, entry)), key);
                    keys.add(key);
                } catch (BoardFileException e) {
                    LOG.error("Board file not loaded: {}", e.getMessage());
                }
            }
        }
        if (keys.isEmpty()) {
            LOG.warn("Bundle {} declares {}: {} but no board file there loaded", bundle.getSymbolicName(), HEADER, header);
        }
        return keys;
    }

    private static String read(String key, URL entry) throws BoardFileException {
        try (InputStream in = entry.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BoardFileException(key, 0, 0, "cannot read: " + e);
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<String> keys) {
        // the files of an installed bundle do not change while it is active
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<String> keys) {
        keys.forEach(registrar::remove);
    }
}
