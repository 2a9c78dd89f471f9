// SPDX-License-Identifier: EPL-2.0
package org.example.blitz.soil;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;

/**
 * Board 0x31, a soil probe: the template's board decoder. Registered as a {@link BoardDecoder}
 * service, it is all a Blitz runtime or workbench needs to know the board.
 *
 * <p>Payload layout (bit 0 = most significant bit of the payload):
 * <table>
 * <tr><th>bits</th><th>variable</th><th>encoding</th></tr>
 * <tr><td>0-15</td><td>soil_temperature</td><td>signed (two's complement) hundredths of a degree Celsius</td></tr>
 * <tr><td>16-25</td><td>soil_moisture</td><td>tenths of a percent</td></tr>
 * <tr><td>flag 1</td><td>probe_alarm</td><td>1 while the probe reports a fault</td></tr>
 * </table>
 */
@Component(service = BoardDecoder.class)
public final class SoilProbeBoard extends FieldLayoutDecoder {
    public static final int BOARD_ID = 0x31;

    public SoilProbeBoard() {
        super(BOARD_ID, "Soil Probe Board", List.of(
                BitField.signedScaled("soil_temperature", "°C", 0, 16, 0, 100),
                BitField.scaled("soil_moisture", "%", 16, 10, 0, 10),
                BitField.flag("probe_alarm", 0)));
    }
}
