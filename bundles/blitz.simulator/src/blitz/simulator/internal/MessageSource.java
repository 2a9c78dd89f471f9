// SPDX-License-Identifier: EPL-2.0
package blitz.simulator.internal;

import blitz.model.message.BoardMessage;

/** What a simulated board sends while logging: its generated signals or a replayed file. Not thread-safe. */
interface MessageSource {

    /**
     * @param sequence the message's number since logging started, from 0
     * @param seconds   the true time of the message since logging started
     * @param timestamp the board clock's stamp for that time (see {@code SimulatedClock})
     * @return the data message to buffer (before numbering)
     */
    BoardMessage message(long sequence, double seconds, long timestamp);
}
