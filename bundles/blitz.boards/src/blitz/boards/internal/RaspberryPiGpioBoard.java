// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import org.osgi.service.component.annotations.Component;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/** Board 3: eight GPIO inputs, one payload bit each. */
@Component(service = BoardDecoder.class, property = DecoderRegistry.ORIGIN + "=" + DecoderRegistry.BUILT_IN)
public final class RaspberryPiGpioBoard extends FieldLayoutDecoder {
    public RaspberryPiGpioBoard() {
        super(3, "Raspberry Pi GPIO Board", Layouts.wordNumbered("digital", 8, BitField::bit));
    }
}
