// SPDX-License-Identifier: EPL-2.0
/**
 * How {@link blitz.server.support.BatchingServerStore} works: the single writer thread and its
 * outage buffer and spool file, the journal record format (shared with the embedded store's
 * journal), message validation and the "latest only once" bookkeeping. Exported only to the store
 * providers and their tests ({@code x-friends}); not an API.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.server.support.internal;
