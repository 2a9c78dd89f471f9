// SPDX-License-Identifier: EPL-2.0
/**
 * What the {@link blitz.model.source.MessageSource} implementations share:
 * {@link blitz.source.support.PolledSource} is the whole lifecycle of a source that polls one device
 * (its worker thread, one run at a time, the bounded stop, reconnects with {@link Backoff}, loss
 * reports) and {@link blitz.source.support.SourceCounters} its statistics. A source bundle only
 * supplies the transport steps: connect, exchange, drain, hang up.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.source.support;
