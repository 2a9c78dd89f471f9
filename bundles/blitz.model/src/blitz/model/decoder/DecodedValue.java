// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.Objects;

/**
 * One named value decoded from a board message.
 *
 * @param name  the variable name (one of the decoder's {@link BoardDecoder#variables()})
 * @param value the value, calibrated when it came out of the {@link DecoderRegistry}
 * @param unit  the unit of {@code value}
 */
public record DecodedValue(String name, double value, String unit) {
    public DecodedValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
