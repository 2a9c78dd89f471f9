// SPDX-License-Identifier: EPL-2.0
/**
 * Board definition files: a board described in JSON (schema {@code docs/schemas/board.schema.json})
 * instead of Java. {@link blitz.boards.files.BoardFiles} reads and checks one; the bundle's components
 * load every file of {@code DATA/boards/} and of bundles declaring {@code Blitz-Boards} and register
 * each as a {@code BoardDecoder}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.boards.files;
