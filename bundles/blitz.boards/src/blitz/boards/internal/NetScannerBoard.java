// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import org.osgi.service.component.annotations.Component;

import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/** Board 10 (0A): the first NetScanner, channels 1..16 in kPa. */
@Component(service = BoardDecoder.class, property = DecoderRegistry.ORIGIN + "=" + DecoderRegistry.BUILT_IN)
public final class NetScannerBoard extends FieldLayoutDecoder {
    public NetScannerBoard() {
        super(10, "NetScanner Ethernet Interface Board", Layouts.netScannerChannels(1));
    }
}
