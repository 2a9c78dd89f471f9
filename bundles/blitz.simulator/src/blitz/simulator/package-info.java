// SPDX-License-Identifier: EPL-2.0
/**
 * A simulated BlitzExpansion board on the far end of a pty pair: it answers the expansion-board
 * host protocol (ID, START, STOP, TRANSMIT, STATUS, custom instructions), buffers generated
 * messages between polls in a circular buffer that overwrites the oldest when full, and can number
 * its messages, inject garbage lines and report overflow. It talks only bytes on a device path and
 * knows nothing of the host side. See {@code docs/serial.md}.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package blitz.simulator;
