// SPDX-License-Identifier: EPL-2.0
/**
 * Blitz domain types: the rows of the workbench's store (sessions, readings, categories, the live
 * cache, configuration, notifications) and the runtime's session summaries. Plain immutable values
 * with no technology behind them; every other bundle depends on this package.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.model;
