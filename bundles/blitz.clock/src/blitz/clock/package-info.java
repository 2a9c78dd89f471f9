// SPDX-License-Identifier: EPL-2.0
/**
 * The board clock model: board timestamps (milliseconds on the board's own crystal, 32 bits) fitted to
 * the host's UTC from the pairs (board timestamp, host receive time). {@link blitz.clock.LowerEnvelopeClockFit}
 * fits offset and drift per segment (a board reset starts a new one) and unwraps the 32-bit counter.
 * Plain Java: usable in the runtime, the workbench, the export and tests alike.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.clock;
