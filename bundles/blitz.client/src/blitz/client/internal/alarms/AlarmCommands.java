// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal.alarms;

import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;

/**
 * {@code client:alarms} in the OSGi shell: the alarm rules and where each watched variable stands.
 * Found by Gogo through the {@code osgi.command.*} properties, like the other {@code client:} commands.
 */
@Component(service = AlarmCommands.class, property = { "osgi.command.scope=client", "osgi.command.function=alarms" })
public class AlarmCommands {
    static final String NO_RULES = "no alarm rules (set them in the workbench: File ▸ Preferences… ▸ Alarms)";

    private final AlarmService alarms;

    @Activate
    public AlarmCommands(@Reference AlarmService alarms) {
        this.alarms = alarms;
    }

    public String alarms() {
        if (alarms.rules().isEmpty()) {
            return NO_RULES;
        }
        return alarms.rules().stream().map(this::describe).collect(Collectors.joining("\n"));
    }

    private String describe(AlarmRule rule) {
        return String.format("%-24s low %-10s high %-10s hysteresis %-8s %-7s %s", rule.variable(),
                rule.hasLow() ? rule.low() : "-", rule.hasHigh() ? rule.high() : "-", rule.hysteresis(),
                AlarmRule.severityName(rule.severity()),
                rule.enabled() ? alarms.state(rule.variable()).map(Enum::name).orElse("") : "disabled");
    }
}
