// SPDX-License-Identifier: EPL-2.0
/**
 * The SPI of the server stores: {@link blitz.server.support.BatchingServerStore} implements the whole
 * {@link blitz.model.server.ServerStore} contract on a {@link blitz.server.support.SessionBackend}
 * with {@link blitz.server.support.WriterSettings}; a provider bundle only supplies the backend (and
 * throws {@link blitz.model.server.StoreUnavailableException} when it cannot be reached). How it
 * is done (the batching writer, outage buffer and spool, the journal record format, message rules) is
 * in {@code blitz.server.support.internal}, exported only to its friends.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.server.support;
