// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import blitz.model.client.CategoryCatalog;
import blitz.model.client.ReadingBatch;
import blitz.model.decoder.DecodeResult;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;

/**
 * Turns raw session lines into readings for the bulk path, counting what could not be decoded. One
 * instance per download or re-decode; not thread-safe.
 */
final class ChunkDecoder {
    private final DecoderRegistry registry;
    private final CategoryCatalog categories;
    private final Map<String, Long> categoryIds = new HashMap<>();
    private long readings;
    private long badLines;
    private long unknownBoards;
    private long rejected;

    ChunkDecoder(DecoderRegistry registry, CategoryCatalog categories) {
        this.registry = registry;
        this.categories = categories;
    }

    /** @return the readings of the lines, with times as the boards stamped them (ms since session start) */
    ReadingBatch decode(List<String> lines) {
        ReadingBatch batch = new ReadingBatch(lines.size() * 5);
        for (String line : lines) {
            DecodeResult result = registry.decode(line);
            switch (result.status()) {
            case DECODED -> {
                long time = result.message().timestamp();
                for (DecodedValue value : result.values()) {
                    long category = categoryIds.computeIfAbsent(value.name(), categories::getOrCreateCategory);
                    batch.add(time, category, value.value());
                }
            }
            case MALFORMED -> badLines++;
            case UNKNOWN_BOARD -> unknownBoards++;
            case REJECTED -> rejected++;
            }
        }
        readings += batch.size();
        return batch;
    }

    long readings() {
        return readings;
    }

    long badLines() {
        return badLines;
    }

    long unknownBoards() {
        return unknownBoards;
    }

    long rejected() {
        return rejected;
    }
}
