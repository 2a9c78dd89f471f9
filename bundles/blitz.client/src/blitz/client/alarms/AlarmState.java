// SPDX-License-Identifier: EPL-2.0
package blitz.client.alarms;

/** Where a watched variable stands against its {@link AlarmRule}. */
public enum AlarmState {
    /** No value has arrived since the rule was added or changed, or since the runtime started logging. */
    UNKNOWN,
    /** Inside the thresholds. */
    NORMAL,
    /** Below the low threshold (and not yet back above it by the hysteresis). */
    LOW,
    /** Above the high threshold (and not yet back below it by the hysteresis). */
    HIGH
}
