// SPDX-License-Identifier: EPL-2.0
/**
 * The logger protocol (see {@code docs/protocol-logger.md}): ZeroMQ REQ/REP on port 8999, the
 * original Blitz commands and replies plus detectable extensions. The server lives in
 * {@code blitz.protocol.internal}; this package holds what clients share with it.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.protocol;
