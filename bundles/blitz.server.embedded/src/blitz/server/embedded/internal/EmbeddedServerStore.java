package blitz.server.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

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
public class EmbeddedServerStore extends BatchingServerStore {
    public static final String PID = "blitz.server.embedded";
    static final String DEFAULT_FOLDER = "${blitz.data}/runtime-store";

    /** Configuration (PID {@value #PID}); described for tools in OSGI-INF/metatype. */
    public @interface Config {
        /** Folder of the journal; empty for {@value EmbeddedServerStore#DEFAULT_FOLDER}. */
        String dataFolder() default "";

        /** {@code batch} or {@code interval}. */
        String fsync() default "batch";

        int fsyncIntervalMs() default 1000;

        int queueCapacity() default 262_144;

        int maxBatch() default 8_192;

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

    @Deactivate
    void deactivate() {
        close();
    }
}
