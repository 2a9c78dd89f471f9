// SPDX-License-Identifier: EPL-2.0
package blitz.logger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.logger.Preflight;
import blitz.model.server.StoreHealth;
import blitz.model.source.MessageSource;

/**
 * Builds the pre-flight plan from the attached sources, the boards seen and the configured line
 * settings and planned rates, and runs {@link PreflightCheck} on it. A bad configuration entry is
 * logged and left out, never fatal.
 */
final class PreflightPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(PreflightPlanner.class);

    private final RuntimeConfig config;
    private final Map<String, Double> sourceBauds;
    private final Map<Integer, Double> boardRates;

    PreflightPlanner(RuntimeConfig config) {
        this.config = config;
        this.sourceBauds = parseOrEmpty(config.sourceBaudRates(), "sourceBaudRates");
        this.boardRates = boardRates(config.boardRates());
    }

    Preflight check(List<MessageSource> sources, IngestCounters counters, StoreHealth health) {
        long now = System.currentTimeMillis();
        List<PreflightCheck.SourcePlan> plans = new ArrayList<>();
        for (MessageSource source : sources) {
            Set<Integer> boardIds = new TreeSet<>(SourceRegistry.boardIdsOf(source));
            boardIds.addAll(counters.boardsSeenOn(source.id()));
            List<PreflightCheck.BoardPlan> boards = new ArrayList<>();
            for (int id : boardIds) {
                double planned = boardRates.getOrDefault(id, config.defaultBoardRate());
                boards.add(new PreflightCheck.BoardPlan(id, Math.max(planned, counters.measuredRate(id, now))));
            }
            int baud = sourceBauds.getOrDefault(source.id().toLowerCase(Locale.ROOT), (double) config.baudRate()).intValue();
            plans.add(new PreflightCheck.SourcePlan(source.id(), baud, boards));
        }
        return PreflightCheck.check(plans, new PreflightCheck.Settings(config.lineLength(), config.pollingPeriodMs(),
                config.boardBufferMessages()), health);
    }

    private static Map<String, Double> parseOrEmpty(String text, String what) {
        try {
            return KeyValueList.parse(text, what);
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring the configuration {}: {}", what, e.getMessage());
            return Map.of();
        }
    }

    private static Map<Integer, Double> boardRates(String text) {
        Map<Integer, Double> rates = new HashMap<>();
        parseOrEmpty(text, "boardRates").forEach((key, rate) -> {
            if (key.matches("[0-9a-f]{1,7}")) {
                rates.put(Integer.parseInt(key, 16), rate);
            } else {
                LOG.error("Ignoring boardRates entry {}: not a hex board id", key);
            }
        });
        return rates;
    }
}
