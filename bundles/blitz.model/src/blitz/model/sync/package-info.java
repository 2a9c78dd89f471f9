// SPDX-License-Identifier: EPL-2.0
/**
 * What the workbench does with a logging runtime beyond the raw connection: mirror its session list,
 * download sessions (resumable and verified) into the client store, re-decode them, export them,
 * and keep live values. Implemented by {@code blitz.client}; used by the workbench's views and by the
 * headless client.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.model.sync;
