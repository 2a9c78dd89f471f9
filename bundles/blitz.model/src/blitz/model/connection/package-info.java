// SPDX-License-Identifier: EPL-2.0
/**
 * The workbench's (or a headless client's) connection to a logging runtime over the logger protocol.
 * Works against the original Blitz logger too; protocol extensions are used only when the runtime
 * announces them.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.model.connection;
