// SPDX-License-Identifier: EPL-2.0
package blitz.client.alarms;

import java.util.Locale;
import java.util.Objects;

import blitz.model.Notification;

/**
 * Alarm thresholds of one live variable. A value below {@code low} or above {@code high} is an alarm;
 * it ends only when the value is back inside {@code [low + hysteresis, high - hysteresis]}, so a value
 * that wobbles around a threshold does not raise and end alarms at every update. The hysteresis never
 * raises an alarm: the first value watched (see {@link AlarmService}) inside the thresholds is normal.
 *
 * @param variable   the variable's name as decoded (e.g. {@code adc_channel_one})
 * @param low        lower threshold, {@link Double#NEGATIVE_INFINITY} for none
 * @param high       upper threshold, {@link Double#POSITIVE_INFINITY} for none
 * @param hysteresis how far back inside the thresholds a value must come to end an alarm (≥ 0)
 * @param severity   {@link Notification#WARNING} or {@link Notification#ERROR}, the alarm notification's severity
 * @param enabled    whether the rule is watched
 */
public record AlarmRule(String variable, double low, double high, double hysteresis, int severity, boolean enabled) {

    public AlarmRule {
        Objects.requireNonNull(variable, "variable");
        if (variable.isBlank() || variable.contains(",")) {
            throw new IllegalArgumentException("an alarm needs a variable name without commas, got '" + variable + "'");
        }
        if (Double.isNaN(low) || Double.isNaN(high) || low == Double.POSITIVE_INFINITY
                || high == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("alarm thresholds of " + variable + " must be numbers");
        }
        if (low >= high) {
            throw new IllegalArgumentException("the low threshold of " + variable + " must be below the high one");
        }
        if (!Double.isFinite(hysteresis) || hysteresis < 0) {
            throw new IllegalArgumentException("the hysteresis of " + variable + " must be a number ≥ 0");
        }
        if (severity != Notification.WARNING && severity != Notification.ERROR) {
            throw new IllegalArgumentException("an alarm's severity is WARNING or ERROR");
        }
    }

    /** @return this rule for another variable (each {@code with…} checks the new rule as the constructor does) */
    public AlarmRule withVariable(String newVariable) {
        return new AlarmRule(newVariable, low, high, hysteresis, severity, enabled);
    }

    public AlarmRule withLow(double newLow) {
        return new AlarmRule(variable, newLow, high, hysteresis, severity, enabled);
    }

    public AlarmRule withHigh(double newHigh) {
        return new AlarmRule(variable, low, newHigh, hysteresis, severity, enabled);
    }

    public AlarmRule withHysteresis(double newHysteresis) {
        return new AlarmRule(variable, low, high, newHysteresis, severity, enabled);
    }

    public AlarmRule withSeverity(int newSeverity) {
        return new AlarmRule(variable, low, high, hysteresis, newSeverity, enabled);
    }

    public AlarmRule withEnabled(boolean newEnabled) {
        return new AlarmRule(variable, low, high, hysteresis, severity, newEnabled);
    }

    /** @return whether the rule has a lower threshold */
    public boolean hasLow() {
        return low != Double.NEGATIVE_INFINITY;
    }

    /** @return whether the rule has an upper threshold */
    public boolean hasHigh() {
        return high != Double.POSITIVE_INFINITY;
    }

    /**
     * The stored form, {@code low,high,hysteresis,severity,enabled} with an empty field for a missing
     * threshold, e.g. {@code ,5.0,0.1,WARNING,true}.
     */
    public String format() {
        return (hasLow() ? Double.toString(low) : "") + "," + (hasHigh() ? Double.toString(high) : "") + ","
                + hysteresis + "," + severityName(severity) + "," + enabled;
    }

    /**
     * Reads the stored form ({@link #format()}).
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static AlarmRule parse(String variable, String stored) {
        String[] fields = stored.split(",", -1);
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected low,high,hysteresis,severity,enabled, got '" + stored + "'");
        }
        double low = fields[0].isBlank() ? Double.NEGATIVE_INFINITY : number(fields[0]);
        double high = fields[1].isBlank() ? Double.POSITIVE_INFINITY : number(fields[1]);
        String enabled = fields[4].trim().toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("enabled must be true or false, got '" + fields[4] + "'");
        }
        return new AlarmRule(variable, low, high, number(fields[2]), severity(fields[3]), Boolean.parseBoolean(enabled));
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
    }

    /** @return {@code WARNING} or {@code ERROR} */
    public static String severityName(int severity) {
        return severity == Notification.ERROR ? "ERROR" : "WARNING";
    }

    /** @return {@link Notification#WARNING} or {@link Notification#ERROR} for their names (any case) */
    public static int severity(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
        case "WARNING" -> Notification.WARNING;
        case "ERROR" -> Notification.ERROR;
        default -> throw new IllegalArgumentException("severity is WARNING or ERROR, got '" + name + "'");
        };
    }
}
