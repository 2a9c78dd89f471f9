// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/** Board 9: the wind tunnel's motor controller. */
@Component(service = BoardDecoder.class, property = DecoderRegistry.ORIGIN + "=" + DecoderRegistry.BUILT_IN)
public final class MotorExpansionBoard extends FieldLayoutDecoder {
    public MotorExpansionBoard() {
        super(9, "Motor Expansion Board", List.of(
                BitField.unsigned("raw_adc", 0, 16),
                BitField.unsigned("motor_value", 16, 16),
                BitField.unsigned("set_point", 32, 16)));
    }
}
