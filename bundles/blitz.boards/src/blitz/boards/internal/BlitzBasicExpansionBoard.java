// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import org.osgi.service.component.annotations.Component;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/** Board 8: five 12-bit ADC channels. */
@Component(service = BoardDecoder.class, property = DecoderRegistry.ORIGIN + "=" + DecoderRegistry.BUILT_IN)
public final class BlitzBasicExpansionBoard extends FieldLayoutDecoder {
    public BlitzBasicExpansionBoard() {
        super(8, "Blitz Basic Expansion Board",
                Layouts.wordNumbered("adc_channel", 5, (name, i) -> BitField.unsigned(name, i * 12, 12)));
    }
}
