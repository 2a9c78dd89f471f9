// SPDX-License-Identifier: EPL-2.0
package blitz.codec.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.decoder.Calibration;
import blitz.model.decoder.DecodedValues;
import blitz.model.decoder.VariableSpec;

/**
 * The configured calibrations, parsed from entries {@code name=scale,offset[,unit]} such as
 * {@code adc_channel_one=2.5,0.1,V}. Without a unit the decoder's unit is kept. Invalid entries are
 * logged and skipped; a later entry for the same variable replaces an earlier one. Immutable.
 */
final class CalibrationTable {
    private static final Logger LOG = LoggerFactory.getLogger(CalibrationTable.class);

    /** A calibration whose unit may still come from the decoder ({@code unit == null}). */
    record Entry(double scale, double offset, String unit) {
        Calibration in(String decoderUnit) {
            return new Calibration(unit == null ? decoderUnit : unit, scale, offset);
        }
    }

    /**
     * The calibration of one list of variables, worked out once: their calibrated units and each one's
     * calibration, {@code null} for a variable without an entry (its value is kept as it is).
     */
    private record Layout(List<VariableSpec> variables, Calibration[] calibrations) {
        DecodedValues apply(DecodedValues raw) {
            double[] values = new double[calibrations.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = calibrations[i] == null ? raw.value(i) : calibrations[i].apply(raw.value(i));
            }
            return new DecodedValues(variables, values);
        }
    }

    /** Layouts worked out so far are kept up to this many (decoders share one list of variables per board). */
    private static final int MAX_LAYOUTS = 256;

    static final CalibrationTable EMPTY = new CalibrationTable(Map.of());

    private final Map<String, Entry> entries;
    private final Map<List<VariableSpec>, Layout> layouts = new ConcurrentHashMap<>();

    private CalibrationTable(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static CalibrationTable parse(String[] lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line == null) {
                continue;
            }
            try {
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("expected name=scale,offset[,unit]");
                }
                String name = line.substring(0, equals).trim();
                String[] parts = line.substring(equals + 1).split(",", -1);
                if (name.isEmpty() || parts.length < 2 || parts.length > 3) {
                    throw new IllegalArgumentException("expected name=scale,offset[,unit]");
                }
                double scale = finite(parts[0]);
                double offset = finite(parts[1]);
                String unit = parts.length == 3 ? parts[2].trim() : null;
                if (entries.put(name, new Entry(scale, offset, unit)) != null) {
                    LOG.warn("Calibration for {} given twice; the later entry \"{}\" is used", name, line);
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping invalid calibration entry \"{}\": {}", line, e.getMessage());
            }
        }
        return new CalibrationTable(Collections.unmodifiableMap(entries));
    }

    private static double finite(String text) {
        double value = Double.parseDouble(text.trim());
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + text);
        }
        return value;
    }

    /** @return {@code raw} calibrated: each value by its variable's entry, values without one unchanged */
    DecodedValues calibrated(DecodedValues raw) {
        Layout layout = layouts.get(raw.variables());
        if (layout == null) {
            layout = layout(raw.variables());
            if (layouts.size() < MAX_LAYOUTS) {
                layouts.put(raw.variables(), layout);
            }
        }
        return layout.apply(raw);
    }

    private Layout layout(List<VariableSpec> variables) {
        List<VariableSpec> calibrated = new ArrayList<>(variables.size());
        Calibration[] calibrations = new Calibration[variables.size()];
        for (int i = 0; i < calibrations.length; i++) {
            VariableSpec variable = variables.get(i);
            calibrations[i] = find(variable.name()).map(entry -> entry.in(variable.unit())).orElse(null);
            calibrated.add(calibrations[i] == null ? variable : new VariableSpec(variable.name(), calibrations[i].unit()));
        }
        return new Layout(List.copyOf(calibrated), calibrations);
    }

    Optional<Entry> find(String variableName) {
        return Optional.ofNullable(entries.get(variableName));
    }

    int size() {
        return entries.size();
    }
}
