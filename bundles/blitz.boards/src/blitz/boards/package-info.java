// SPDX-License-Identifier: EPL-2.0
/**
 * Building blocks for board decoders: {@link blitz.boards.FieldLayoutDecoder} reads a message with a list of
 * {@link blitz.boards.BitField}s. The built-in boards use them; a plug-in may too.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.boards;
