// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.decoder.VariableSpec;
import blitz.ui.preferences.PreferencePageContribution;
import blitz.ui.preferences.TablePreferencePage;

/**
 * Calibration: unit, scale and offset per variable, kept in the {@code blitz.calibration}
 * configuration that the decoder registry reads (entries {@code name=scale,offset[,unit]}). Every
 * variable a decoder declares is listed; a row left at scale 1, offset 0 and no unit is not stored.
 */
public class CalibrationPage extends TablePreferencePage<CalibrationPage.Calibrated> {
    static final String ID = "blitz.ui.preferences.calibration";
    static final String PID = "blitz.calibration";
    static final String PROPERTY = "calibrations";
    static final String NOTE = "Calibrated value = decoded value × scale + offset. New live values and downloads use "
            + "a change at once; a session stored before keeps its values until you re-decode it "
            + "(Sessions ▸ Re-decode).";

    /**
     * One variable's calibration.
     *
     * @param unit        the unit after calibration, empty for the decoder's
     * @param decoderUnit the unit the decoder gives, empty when no decoder declares the variable
     */
    record Calibrated(String variable, String unit, double scale, double offset, String decoderUnit) {
        boolean isIdentity() {
            return scale == 1 && offset == 0 && unit.isEmpty();
        }

        String entry() {
            return variable + "=" + scale + "," + offset + (unit.isEmpty() ? "" : "," + unit);
        }

        Calibrated withUnit(String text) {
            if (text.contains(",")) {
                throw new IllegalArgumentException("a unit cannot contain a comma");
            }
            return new Calibrated(variable, text, scale, offset, decoderUnit);
        }

        Calibrated withScale(String text) {
            return new Calibrated(variable, unit, Cells.number(text), offset, decoderUnit);
        }

        Calibrated withOffset(String text) {
            return new Calibrated(variable, unit, scale, Cells.number(text), decoderUnit);
        }

        Calibrated withVariable(String text) {
            String name = Cells.name(text, "variable name");
            if (name.contains("=")) {
                throw new IllegalArgumentException("a variable name cannot contain '='");
            }
            return new Calibrated(name, unit, scale, offset, decoderUnit);
        }
    }

    @Component(service = PreferencePageContribution.class)
    public static final class Contribution extends PageContribution {
        private final ConfigurationAdmin configurations;
        private final DecoderRegistry registry;

        @Activate
        public Contribution(@Reference ConfigurationAdmin configurations, @Reference DecoderRegistry registry) {
            super(ID, "Calibration", 30);
            this.configurations = configurations;
            this.registry = registry;
        }

        @Override
        public IPreferencePage createPage() {
            return new CalibrationPage(configurations, registry);
        }
    }

    private final ConfigurationAdmin configurations;
    private final DecoderRegistry registry;
    /** The board label of each variable a decoder declares. */
    private final Map<String, String> boards = new HashMap<>();

    CalibrationPage(ConfigurationAdmin configurations, DecoderRegistry registry) {
        super("Calibration", "Units, scale and offset of the decoded variables.");
        this.configurations = configurations;
        this.registry = registry;
    }

    @Override
    protected String note() {
        return NOTE;
    }

    @Override
    protected List<Column<Calibrated>> columns() {
        return List.of(Column.of("Variable", 150, Calibrated::variable, Calibrated::withVariable),
                Column.of("Unit", 70, Calibrated::unit, Calibrated::withUnit),
                Column.of("Scale", 90, row -> Cells.show(row.scale()), Calibrated::withScale),
                Column.of("Offset", 90, row -> Cells.show(row.offset()), Calibrated::withOffset),
                Column.of("Decoder unit", 90, Calibrated::decoderUnit, null),
                Column.of("Board", 60, row -> boards.getOrDefault(row.variable(), "\u2014"), null));
    }

    private Configuration configuration() {
        try {
            return configurations.getConfiguration(PID, "?");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the calibration configuration: " + e.getMessage(), e);
        }
    }

    @Override
    protected List<Calibrated> load() {
        Map<String, String> decoderUnits = new LinkedHashMap<>();
        for (BoardDecoder decoder : registry.decoders()) { // by board id: the rows are grouped by board
            for (VariableSpec spec : decoder.variables()) {
                decoderUnits.putIfAbsent(spec.name(), spec.unit());
                boards.putIfAbsent(spec.name(), registry.describe(decoder.boardId()).label());
            }
        }
        Map<String, Calibrated> rows = new LinkedHashMap<>();
        decoderUnits.forEach((name, unit) -> rows.put(name, new Calibrated(name, "", 1, 0, unit)));
        Dictionary<String, Object> properties = configuration().getProperties();
        List<String> unreadable = new ArrayList<>();
        for (String entry : entries(properties == null ? null : properties.get(PROPERTY))) {
            try {
                Calibrated row = parse(entry, decoderUnits);
                rows.put(row.variable(), row);
            } catch (IllegalArgumentException e) {
                unreadable.add(entry);
            }
        }
        if (!unreadable.isEmpty()) {
            setMessage("Unreadable entries are dropped when you save: " + String.join("; ", unreadable),
                    IMessageProvider.WARNING);
        }
        return new ArrayList<>(rows.values());
    }

    private static List<String> entries(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private static Calibrated parse(String entry, Map<String, String> decoderUnits) {
        int equals = entry.indexOf('=');
        String[] parts = entry.substring(equals + 1).split(",", -1);
        if (equals <= 0 || parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("expected name=scale,offset[,unit]");
        }
        String name = entry.substring(0, equals).trim();
        return new Calibrated(name, parts.length == 3 ? parts[2].trim() : "", Cells.number(parts[0]),
                Cells.number(parts[1]), decoderUnits.getOrDefault(name, ""));
    }

    @Override
    protected Optional<Calibrated> newRow() {
        return Optional.of(new Calibrated("variable", "", 1, 0, ""));
    }

    @Override
    protected void save(List<Calibrated> rows) {
        List<String> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Calibrated row : rows) {
            if (names.contains(row.variable())) {
                throw new IllegalArgumentException(row.variable() + " is listed twice");
            }
            names.add(row.variable());
            if (!row.isIdentity()) {
                entries.add(row.entry());
            }
        }
        Configuration configuration = configuration();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(PROPERTY, entries.toArray(String[]::new));
        try {
            configuration.update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the calibration: " + e.getMessage(), e);
        }
    }
}
