// SPDX-License-Identifier: EPL-2.0
package blitz.example.weather;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import blitz.boards.BitField;
import blitz.boards.FieldLayoutDecoder;
import blitz.model.decoder.BoardDecoder;

/**
 * Board 0x20, a weather station: an example of a third-party board decoder. It uses only Blitz's
 * public API ({@code blitz.boards} and {@code blitz.model.decoder}) and becomes part of any Blitz
 * runtime or workbench by being installed: the decoder registry collects every {@link BoardDecoder}
 * service.
 *
 * <p>Payload layout (bit 0 = most significant bit of the payload):
 * <table>
 * <tr><th>bits</th><th>variable</th><th>encoding</th></tr>
 * <tr><td>0-15</td><td>air_temperature</td><td>hundredths of a kelvin; reported in °C</td></tr>
 * <tr><td>16-25</td><td>relative_humidity</td><td>tenths of a percent</td></tr>
 * <tr><td>26-45</td><td>air_pressure</td><td>hundredths of a hectopascal</td></tr>
 * <tr><td>46-57</td><td>wind_speed</td><td>tenths of a metre per second</td></tr>
 * <tr><td>flag 1</td><td>rain_detected</td><td>1 while the rain sensor is wet</td></tr>
 * </table>
 */
@Component(service = BoardDecoder.class)
public final class WeatherStationBoard extends FieldLayoutDecoder {
    public static final int BOARD_ID = 0x20;

    public WeatherStationBoard() {
        super(BOARD_ID, "Blitz Weather Station Board", List.of(
                BitField.scaled("air_temperature", "°C", 0, 16, 27315, 100),
                BitField.scaled("relative_humidity", "%", 16, 10, 0, 10),
                BitField.scaled("air_pressure", "hPa", 26, 20, 0, 100),
                BitField.scaled("wind_speed", "m/s", 46, 12, 0, 10),
                BitField.flag("rain_detected", 0)));
    }
}
