// SPDX-License-Identifier: EPL-2.0
package blitz.boards.files.internal;

import java.io.IOException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.DataFolder;

/**
 * Makes board definition files into board decoders: those of a folder ({@code DATA/boards} by
 * default, followed while running) and those bundles ship under a {@code Blitz-Boards} header.
 */
@Component(configurationPid = BoardFileLoader.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = BoardFileLoader.Config.class)
public final class BoardFileLoader {
    /** ConfigAdmin PID. */
    public static final String PID = "blitz.boards.files";
    private static final Logger LOG = LoggerFactory.getLogger(BoardFileLoader.class);

    /** Configuration (PID {@code blitz.boards.files}). */
    @ObjectClassDefinition(id = PID, name = "Blitz board files",
            description = "Board definition files (JSON) loaded as board decoders, reloaded when they change.")
    public @interface Config {
        @AttributeDefinition(name = "Board folder",
                description = "Folder of the board files (*.json), followed while running; may start with ${blitz.data}; empty: no folder.")
        String folder() default "${blitz.data}/boards";
    }

    private final BoardFileRegistrar registrar;
    private final BoardFolderWatch folder;
    private final BundleTracker<?> bundles;

    @Activate
    public BoardFileLoader(BundleContext context, Config config) {
        registrar = new BoardFileRegistrar(context);
        folder = config.folder().isBlank() ? null : watch(config.folder());
        bundles = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleBoardTracker(registrar));
        bundles.open();
    }

    private BoardFolderWatch watch(String template) {
        try {
            return new BoardFolderWatch(DataFolder.resolve(template), registrar);
        } catch (IOException | RuntimeException e) {
            LOG.error("Board folder {} is not followed: {}", template, e.toString());
            return null;
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        bundles.close();
        if (folder != null) {
            folder.close();
        }
        registrar.close();
    }
}
