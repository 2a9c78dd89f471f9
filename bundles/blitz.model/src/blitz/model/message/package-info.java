// SPDX-License-Identifier: EPL-2.0
/**
 * The expansion-board message: one line of at least 28 hex characters carrying sender board id
 * (8 bits), type (3 bits), five flags, a 32-bit timestamp (milliseconds since the session started)
 * and a payload of 64 bits or more. See {@code docs/protocol.md}. Parsing and encoding of lines live
 * in the {@code blitz.codec} bundle; this package holds the parsed value and its bit helpers.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.model.message;
