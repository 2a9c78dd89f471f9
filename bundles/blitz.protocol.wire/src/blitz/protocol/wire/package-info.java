// SPDX-License-Identifier: EPL-2.0
/**
 * The logger protocol's wire format, written once for the runtime's server and for clients: the
 * request words ({@link blitz.protocol.wire.Command}), the reply words and formats
 * ({@link blitz.protocol.wire.Replies}, {@link blitz.protocol.wire.ErrorCode}) and the session
 * receipt both sides compute ({@link blitz.protocol.wire.SessionDigests}). See
 * {@code docs/protocol-logger.md}. Depends only on {@code blitz.model}, so a client needs no server bundle.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.protocol.wire;
