// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;
import blitz.model.Notification;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.VariableSpec;
import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import blitz.ui.preferences.PreferencePageContribution;
import blitz.ui.variables.VariableLook;
import blitz.ui.preferences.TablePreferencePage;

/**
 * Alarms: low and high thresholds per variable, watched on live values by the {@link AlarmService},
 * which stores them in the workbench's database and applies them as soon as the page is saved.
 */
public class AlarmsPage extends TablePreferencePage<AlarmRule> {
    static final String ID = "blitz.ui.preferences.alarms";
    static final List<String> SEVERITIES = List.of("WARNING", "ERROR");
    static final List<String> ENABLED = List.of("yes", "no");

    @Component(service = PreferencePageContribution.class)
    public static final class Contribution extends PageContribution {
        private final AlarmService alarms;
        private final DecoderRegistry registry;
        private final LiveValues live;

        @Activate
        public Contribution(@Reference AlarmService alarms, @Reference DecoderRegistry registry,
                @Reference(cardinality = ReferenceCardinality.OPTIONAL) LiveValues live) {
            super(ID, "Alarms", 40);
            this.alarms = alarms;
            this.registry = registry;
            this.live = live;
        }

        @Override
        public IPreferencePage createPage() {
            return new AlarmsPage(alarms, () -> knownVariables(registry, live));
        }
    }

    /** @return every variable a decoder declares or the runtime sent live, in the board's order */
    static Set<String> knownVariables(DecoderRegistry registry, LiveValues live) {
        Set<String> names = new TreeSet<>(VariableLook.of(registry).order());
        for (BoardDecoder decoder : registry.decoders()) {
            decoder.variables().stream().map(VariableSpec::name).forEach(names::add);
        }
        if (live != null) {
            live.latest().stream().map(LiveVariable::name).forEach(names::add);
        }
        return names;
    }

    private final AlarmService alarms;
    private final Supplier<Set<String>> variables;

    AlarmsPage(AlarmService alarms, Supplier<Set<String>> variables) {
        super("Alarms", "A live value below Low or above High raises one notification; it ends (one more) when the "
                + "value is back inside by the hysteresis. Leave Low or High empty for no threshold.");
        this.alarms = alarms;
        this.variables = variables;
    }

    @Override
    protected List<Column<AlarmRule>> columns() {
        return List.of(
                Column.choice("Variable", 140, AlarmRule::variable,
                        (rule, text) -> rule.withVariable(Cells.name(text, "variable name")), List.copyOf(variables.get())),
                Column.of("Low", 70, rule -> Cells.show(rule.low()),
                        (rule, text) -> rule.withLow(Cells.numberOr(text, Double.NEGATIVE_INFINITY))),
                Column.of("High", 70, rule -> Cells.show(rule.high()),
                        (rule, text) -> rule.withHigh(Cells.numberOr(text, Double.POSITIVE_INFINITY))),
                Column.of("Hysteresis", 90, rule -> Cells.show(rule.hysteresis()),
                        (rule, text) -> rule.withHysteresis(Cells.number(text))),
                Column.choice("Severity", 80, rule -> AlarmRule.severityName(rule.severity()),
                        (rule, text) -> rule.withSeverity(AlarmRule.severity(text)), SEVERITIES),
                Column.choice("Enabled", 65, rule -> rule.enabled() ? "yes" : "no",
                        (rule, text) -> rule.withEnabled(text.equals("yes")), ENABLED));
    }

    @Override
    protected List<AlarmRule> load() {
        return alarms.rules();
    }

    @Override
    protected Optional<AlarmRule> newRow() {
        Set<String> taken = new TreeSet<>(rows().stream().map(AlarmRule::variable).toList());
        String variable = variables.get().stream().filter(name -> !taken.contains(name)).findFirst().orElse("variable");
        return Optional.of(new AlarmRule(variable, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0,
                Notification.WARNING, true));
    }

    @Override
    protected void save(List<AlarmRule> rows) {
        alarms.setRules(rows);
    }
}
