// SPDX-License-Identifier: EPL-2.0
/**
 * The workbench's own store (the original's {@code DatabaseClient}): categories, readings, the live
 * cache, configuration, notifications and the mirrored session list, plus the bulk path for session
 * downloads and pixel-resolution queries for plots.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.model.client;
