// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.alarms;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;
import blitz.client.alarms.AlarmState;
import blitz.model.ConfigEntry;
import blitz.model.Notification;
import blitz.model.client.ConfigStore;
import blitz.model.client.NotificationLog;
import blitz.model.connection.ConnectionListener;
import blitz.model.connection.LoggerConnection;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;

/**
 * Watches live values against the alarm rules kept in the client store. Checking a value is a map
 * lookup and a comparison on the poller's thread; notifications are written by a thread of their own,
 * so a slow disk never slows the polling. Immediate: alarms are watched whether or not anything uses
 * the service (a headless client has no view asking for it). Values of a replayed session are not
 * watched: they are history, and an alarm notification is about now. When the runtime starts logging
 * (a new session, or a connection to a runtime that logs) every watch starts again from
 * {@link AlarmState#UNKNOWN}: the connection says so before it polls the session's first value.
 */
// the DS name from before the class was renamed: tests and configurations refer to it
@Component(name = "blitz.client.internal.alarms.AlarmEngine", service = AlarmService.class,
        immediate = true)
public final class LiveAlarmService implements AlarmService {
    private static final Logger LOG = LoggerFactory.getLogger(LiveAlarmService.class);

    private final ConfigStore config;
    private final NotificationLog notifications;
    private final LiveValues live;
    private final LoggerConnection connection;
    private final AutoCloseable subscription;
    private final ConnectionListener sessionWatch = new ConnectionListener() {
        @Override
        public void loggingChanged(boolean logging) {
            if (logging) {
                restartWatches();
            }
        }
    };
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "blitz-alarm-notifications");
        thread.setDaemon(true);
        return thread;
    });
    /** Every rule by variable; replaced whole (guarded by {@code this} for writers). */
    private volatile Map<String, AlarmRule> rules = Map.of();
    /** The watched (enabled) rules by variable; replaced whole with {@link #rules}. */
    private volatile Map<String, Watch> watches = Map.of();
    /** Stored values already reported as unreadable, so each is reported once. */
    private final Set<String> reportedBadRules = new HashSet<>();

    @Activate
    public LiveAlarmService(@Reference ConfigStore config, @Reference NotificationLog notifications,
            @Reference LiveValues live, @Reference LoggerConnection connection) {
        this.config = config;
        this.notifications = notifications;
        this.live = live;
        this.connection = connection;
        reload();
        this.subscription = live.subscribe(this::check);
        connection.addListener(sessionWatch);
    }

    @Deactivate
    void deactivate() throws Exception {
        connection.removeListener(sessionWatch);
        subscription.close();
        notifier.shutdown();
    }

    @Override
    public List<AlarmRule> rules() {
        return rules.values().stream().sorted(Comparator.comparing(AlarmRule::variable)).toList();
    }

    @Override
    public synchronized void setRules(List<AlarmRule> newRules) {
        Map<String, AlarmRule> byVariable = new LinkedHashMap<>();
        for (AlarmRule rule : newRules) {
            if (byVariable.put(rule.variable(), rule) != null) {
                throw new IllegalArgumentException("two alarm rules for " + rule.variable());
            }
        }
        for (ConfigEntry entry : storedRules()) {
            if (!byVariable.containsKey(entry.key().substring(CONFIG_PREFIX.length()))) {
                config.removeConfig(entry.key());
            }
        }
        byVariable.values().forEach(rule -> config.setConfig(CONFIG_PREFIX + rule.variable(), rule.format()));
        apply(byVariable, watches);
    }

    @Override
    public synchronized void reload() {
        Map<String, AlarmRule> byVariable = new LinkedHashMap<>();
        for (ConfigEntry entry : storedRules()) {
            String variable = entry.key().substring(CONFIG_PREFIX.length());
            try {
                byVariable.put(variable, AlarmRule.parse(variable, entry.value()));
            } catch (IllegalArgumentException e) {
                if (reportedBadRules.add(entry.key() + "=" + entry.value())) {
                    String text = "Alarm rule " + entry.key() + " = \"" + entry.value() + "\" is ignored: " + e.getMessage();
                    LOG.warn(text);
                    notifications.logError(text, Notification.WARNING);
                }
            }
        }
        apply(byVariable, watches);
    }

    /** A new session's values owe nothing to the last one's: every watch back to UNKNOWN, same rules. */
    private synchronized void restartWatches() {
        apply(rules, Map.of());
    }

    private List<ConfigEntry> storedRules() {
        return config.configEntries().stream().filter(entry -> entry.key().startsWith(CONFIG_PREFIX)).toList();
    }

    /** Publishes rules, keeping the state of every watch in {@code keep} whose rule did not change. */
    private void apply(Map<String, AlarmRule> byVariable, Map<String, Watch> keep) {
        Map<String, Watch> fresh = new HashMap<>();
        byVariable.values().stream().filter(AlarmRule::enabled).forEach(rule -> {
            Watch kept = keep.get(rule.variable());
            fresh.put(rule.variable(), kept != null && kept.rule.equals(rule) ? kept : new Watch(rule));
        });
        rules = Map.copyOf(byVariable);
        watches = Map.copyOf(fresh);
    }

    @Override
    public Optional<AlarmState> state(String variable) {
        return Optional.ofNullable(watches.get(variable)).map(watch -> watch.state);
    }

    /** Called with each batch of live values, on the poller's thread. */
    void check(List<LiveVariable> batch) {
        if (live.source().replay()) {
            return; // a replayed session is history: it raises no alarm now
        }
        Map<String, Watch> current = watches;
        for (LiveVariable variable : batch) {
            Watch watch = current.get(variable.name());
            if (watch != null && !Double.isNaN(variable.value())) {
                watch.accept(variable);
            }
        }
    }

    private void tell(String text, int severity) {
        notifier.execute(() -> {
            try {
                notifications.logError(text, severity);
            } catch (RuntimeException e) {
                LOG.warn("could not store the alarm notification \"{}\"", text, e);
            }
        });
    }

    /** One enabled rule and where its variable stands. */
    private final class Watch {
        final AlarmRule rule;
        volatile AlarmState state = AlarmState.UNKNOWN;

        Watch(AlarmRule rule) {
            this.rule = rule;
        }

        synchronized void accept(LiveVariable variable) {
            AlarmState next = next(variable.value());
            if (next == state) {
                return;
            }
            AlarmState previous = state;
            state = next;
            if (next == AlarmState.LOW || next == AlarmState.HIGH) {
                tell("Alarm: " + variable.name() + " is " + value(variable) + (next == AlarmState.LOW
                        ? ", below its low threshold " + rule.low() : ", above its high threshold " + rule.high()),
                        rule.severity());
            } else if (previous != AlarmState.UNKNOWN) {
                tell("Alarm ended: " + variable.name() + " is back to normal at " + value(variable), Notification.INFO);
            }
        }

        private AlarmState next(double value) {
            if (value < rule.low()) {
                return AlarmState.LOW;
            }
            if (value > rule.high()) {
                return AlarmState.HIGH;
            }
            if (state == AlarmState.LOW && value < rule.low() + rule.hysteresis()) {
                return AlarmState.LOW;
            }
            if (state == AlarmState.HIGH && value > rule.high() - rule.hysteresis()) {
                return AlarmState.HIGH;
            }
            return AlarmState.NORMAL;
        }

        private static String value(LiveVariable variable) {
            return variable.value() + (variable.unit().isEmpty() ? "" : " " + variable.unit());
        }
    }
}
