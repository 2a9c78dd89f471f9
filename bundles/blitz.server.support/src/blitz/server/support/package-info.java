/**
 * What the server-store implementations share: the batching writer with its outage buffer and
 * spool, the journal record format, message validation and the "latest only once" bookkeeping.
 * {@link blitz.server.support.BatchingServerStore} implements the whole
 * {@link blitz.model.server.ServerStore} contract on a {@link blitz.server.support.SessionBackend};
 * an implementation bundle only supplies the backend.
 */
package blitz.server.support;
