// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/**
 * Board 4: five digital inputs in the header flags and four 16-bit channels. The original read the
 * digital inputs from flags 1..5 (an index past the last flag); they are flags 0..4 here.
 */
@Component(service = BoardDecoder.class, property = DecoderRegistry.ORIGIN + "=" + DecoderRegistry.BUILT_IN)
public final class BlitzRaspberryGpioBoard extends FieldLayoutDecoder {
    public BlitzRaspberryGpioBoard() {
        super(4, "Blitz Raspberry GPIO Board", flagsAndChannels());
    }

    private static List<BitField> flagsAndChannels() {
        List<BitField> layout = new ArrayList<>(Layouts.wordNumbered("digital", 5, BitField::flag));
        layout.addAll(Layouts.wordNumbered("channel", 4, (name, i) -> BitField.unsigned(name, i * 16, 16)));
        return layout;
    }
}
