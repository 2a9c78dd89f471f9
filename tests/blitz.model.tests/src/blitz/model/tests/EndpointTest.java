// SPDX-License-Identifier: EPL-2.0
package blitz.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import blitz.model.connection.Endpoint;

/** Where a runtime listens: the optional CURVE server key is checked, the token never shown. */
class EndpointTest {
    /** A key as ZeroMQ prints it: 40 characters of the Z85 alphabet. */
    private static final String KEY = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";

    @Test
    void aServerKeyMustBeFortyZ85Characters() {
        assertTrue(Endpoint.isCurveKey(KEY));
        assertFalse(Endpoint.isCurveKey(KEY.substring(1)), "39 characters");
        assertFalse(Endpoint.isCurveKey(KEY.replace('r', '"')), "a character outside Z85");
        assertFalse(Endpoint.isCurveKey(null));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Endpoint("host", 8999, Optional.empty(), Optional.of("short")));
        assertTrue(refused.getMessage().contains("protocol:key"), refused.getMessage());
    }

    @Test
    void withoutAKeyItIsThePlainEndpointAndTheTokenIsNeverShown() {
        assertEquals(new Endpoint("host", 8999, Optional.of("t0ken"), Optional.empty()),
                new Endpoint("host", 8999, Optional.of("t0ken")));
        String shown = new Endpoint("host", 8999, Optional.of("t0ken"), Optional.of(KEY)).toString();
        assertEquals("host:8999 (token) (CURVE)", shown);
    }
}
