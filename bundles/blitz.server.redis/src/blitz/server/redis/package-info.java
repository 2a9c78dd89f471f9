// SPDX-License-Identifier: EPL-2.0
/**
 * The Redis store's additions for labs with several rigs: each session's rig and the messages a
 * failover lost ({@link blitz.server.redis.RigSessions}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.server.redis;
