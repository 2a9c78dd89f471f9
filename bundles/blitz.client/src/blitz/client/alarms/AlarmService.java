// SPDX-License-Identifier: EPL-2.0
package blitz.client.alarms;

import java.util.List;
import java.util.Optional;

/**
 * Alarm thresholds on live values. The rules are kept in the client store's configuration, one key
 * per variable ({@value #CONFIG_PREFIX}{@code <variable>}, value {@link AlarmRule#format()}), and
 * watched against every live value while the workbench is live.
 *
 * <p>Contract:
 * <ul>
 * <li>When a variable's value goes below {@code low} or above {@code high} of its enabled rule, exactly one
 * notification is logged in the client store with the rule's severity; while the value stays out of
 * range, however fast values arrive, nothing more is logged.</li>
 * <li>When the value comes back inside the thresholds by at least the rule's hysteresis, exactly one
 * {@link blitz.model.Notification#INFO} notification says so. A jump from below {@code low} straight
 * above {@code high} (or back) is a new alarm and is logged once.</li>
 * <li>A watch in {@link AlarmState#UNKNOWN} is decided by its next value alone: outside the thresholds
 * raises the alarm, inside is {@link AlarmState#NORMAL} without a notification. The hysteresis only
 * delays the end of an alarm the watch raised itself, so it does not apply to that first value (one
 * between {@code low} and {@code low + hysteresis} is normal).</li>
 * <li>{@link #setRules} and {@link #reload} replace every rule at once; the state of a variable whose
 * rule is unchanged is kept, any other (added, changed, enabled again) starts {@link AlarmState#UNKNOWN}:
 * a rule changed while its variable is in alarm raises it again if the value is still out of range,
 * and says nothing if it is not.</li>
 * <li>When the connected runtime starts logging (a {@code ConnectionListener.loggingChanged(true)} of the
 * {@code LoggerConnection}: this client's START, or a probe that finds the runtime logging, e.g. on
 * connecting) every watch goes back to {@link AlarmState#UNKNOWN} before the session's first value is
 * checked: an alarm of the last session is not carried into the next one. A session that another
 * client stops and starts again between two live polls is not seen as new (the protocol says nothing).</li>
 * <li>A stored rule that cannot be read is skipped and reported once as a WARNING notification;
 * other rules still work.</li>
 * <li>All methods are thread-safe; none blocks on the live poller.</li>
 * </ul>
 */
@org.osgi.annotation.versioning.ProviderType
public interface AlarmService {

    /** Prefix of the client store configuration keys holding the rules. */
    String CONFIG_PREFIX = "alarm.";

    /** @return every rule, enabled or not, by variable name */
    List<AlarmRule> rules();

    /**
     * Stores these rules in place of all stored ones (keys of variables not listed are removed) and
     * watches them from now on.
     *
     * @throws IllegalArgumentException when two rules name the same variable; nothing is changed then
     */
    void setRules(List<AlarmRule> rules);

    /** Re-reads the rules from the client store (after something else changed the keys). */
    void reload();

    /** @return the state of a variable with an enabled rule, empty when it has none */
    Optional<AlarmState> state(String variable);
}
