// SPDX-License-Identifier: EPL-2.0
/**
 * Limit alarms on live values ({@link blitz.client.alarms.AlarmService}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.client.alarms;
