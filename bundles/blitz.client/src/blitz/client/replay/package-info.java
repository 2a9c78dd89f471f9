// SPDX-License-Identifier: EPL-2.0
/**
 * Replaying a stored session as if it were live ({@link blitz.client.replay.SessionReplay}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.client.replay;
