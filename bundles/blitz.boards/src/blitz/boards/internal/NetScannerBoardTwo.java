// SPDX-License-Identifier: EPL-2.0
package blitz.boards.internal;

import org.osgi.service.component.annotations.Component;

import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecoderRegistry;

/** Board 11 (0B): the second NetScanner, channels 17..32 in kPa. */
@Component(service = BoardDecoder.class, property = DecoderRegistry.ORIGIN + "=" + DecoderRegistry.BUILT_IN)
public final class NetScannerBoardTwo extends FieldLayoutDecoder {
    public NetScannerBoardTwo() {
        super(11, "NetScanner Ethernet Interface Board Two", Layouts.netScannerChannels(17));
    }
}
