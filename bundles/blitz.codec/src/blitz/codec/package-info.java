// SPDX-License-Identifier: EPL-2.0
/**
 * Parsing of the boards' line protocol (messages, short messages, numbered messages) and the
 * helpers the sources and the runtime share to split and check lines.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.codec;
