// SPDX-License-Identifier: EPL-2.0
/**
 * The board decoder SPI. A {@link blitz.model.decoder.BoardDecoder} is an OSGi service that turns
 * one board type's messages into named values; the {@link blitz.model.decoder.DecoderRegistry}
 * collects every registered decoder (whiteboard pattern) and applies per-variable calibration.
 * Third-party bundles add boards by registering a decoder service; core code never changes.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.model.decoder;
