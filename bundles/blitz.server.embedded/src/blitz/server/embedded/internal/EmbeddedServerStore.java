// SPDX-License-Identifier: EPL-2.0
package blitz.server.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

import blitz.model.DataFolder;
import blitz.model.server.ServerStore;
import blitz.server.support.BatchingServerStore;
import blitz.server.support.WriterSettings;

/**
 * The default {@link ServerStore}: an append-only journal on local disk, needing no external
 * server. Active without any configuration; its service ranking (-100) is below the Redis store's,
 * so a configured Redis store wins.
 */
@Component(service = ServerStore.class, configurationPid = EmbeddedServerStore.PID, immediate = true,
        property = { "service.ranking:Integer=-100", "blitz.store.kind=embedded" })
@Designate(ocd = EmbeddedServerStore.Config.class)
public class EmbeddedServerStore extends BatchingServerStore {
    public static final String PID = "blitz.server.embedded";
    static final String DEFAULT_FOLDER = "${blitz.data}/runtime-store";

    /** Configuration (PID {@value #PID}). */
    @ObjectClassDefinition(id = PID, name = "Blitz embedded session store",
            description = "The runtime's default session store: an append-only journal on local disk, used when no Redis store is configured.")
    public @interface Config {
        @AttributeDefinition(name = "Data folder", required = false,
                description = "Folder of the journal files; empty means ${blitz.data}/runtime-store (the data folder, ~/.blitz unless the launcher sets another). ${blitz.data} and ${user.home} are expanded.")
        String dataFolder() default "";

        @AttributeDefinition(name = "Fsync policy",
                description = "batch: force every written batch to disk before it counts as stored; interval: force at most every fsyncIntervalMs (faster, may lose the last interval on a power cut).",
                options = { @Option(label = "Every batch", value = "batch"), @Option(label = "Interval", value = "interval") })
        String fsync() default "batch";

        @AttributeDefinition(name = "Fsync interval (ms)", min = "1", description = "Largest time between forces with the interval policy.")
        int fsyncIntervalMs() default 1000;

        @AttributeDefinition(name = "Queue capacity", min = "1", description = "Messages accepted but not yet written; producers wait when it is full.")
        int queueCapacity() default 262_144;

        @AttributeDefinition(name = "Batch size", min = "1", description = "Messages written per write cycle (bounds the latency a cycle adds).")
        int maxBatch() default 8_192;

        @AttributeDefinition(name = "Outage buffer", min = "0", description = "Messages held in memory when the disk refuses writes; beyond it new messages are refused.")
        int bufferLimit() default 100_000;
    }

    @Activate
    public EmbeddedServerStore(Config config) {
        super(open(config), new WriterSettings(config.queueCapacity(), config.maxBatch(), config.bufferLimit(), 1_000), null);
    }

    private static JournalBackend open(Config config) {
        String folder = config.dataFolder().isBlank() ? DEFAULT_FOLDER : config.dataFolder();
        JournalBackend.FsyncPolicy policy;
        try {
            policy = JournalBackend.FsyncPolicy.valueOf(config.fsync().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fsync must be 'batch' or 'interval', got '" + config.fsync() + "'", e);
        }
        try {
            return new JournalBackend(DataFolder.resolve(folder), policy, Math.max(1, config.fsyncIntervalMs()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the session store in " + folder, e);
        }
    }

}
