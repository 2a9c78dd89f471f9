// SPDX-License-Identifier: EPL-2.0
package blitz.serial.internal;

import java.io.IOException;

/** The port went away (unplugged, socat stopped, silence watchdog): the source closes it and reconnects. */
final class PortLostException extends IOException {
    private static final long serialVersionUID = 1L;

    PortLostException(String message) {
        super(message);
    }
}
