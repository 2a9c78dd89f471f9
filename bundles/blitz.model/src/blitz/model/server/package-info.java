// SPDX-License-Identifier: EPL-2.0
/**
 * The runtime's session store (the original's {@code DatabaseServer}): the current session id, each
 * session's start and end time, the list of sessions and, per session, the queue of raw board
 * messages. Implementations: Redis ({@code blitz.server.redis}) and an embedded default that needs no
 * external server ({@code blitz.server.embedded}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.model.server;
