// SPDX-License-Identifier: EPL-2.0
/**
 * The message source SPI: anything that delivers raw board lines to the logging runtime, such as a
 * serial port speaking the expansion-board host protocol, a NetScanner on Ethernet, the board
 * simulator or a replay of a stored session. Sources are OSGi services; the runtime attaches itself
 * as their {@link blitz.model.source.MessageSink}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.model.source;
