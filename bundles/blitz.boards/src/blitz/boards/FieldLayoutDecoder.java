// SPDX-License-Identifier: EPL-2.0
package blitz.boards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import blitz.model.decoder.BoardDecoder;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecodedValues;
import blitz.model.decoder.MessageDecodingException;
import blitz.model.decoder.VariableSpec;
import blitz.model.message.BoardMessage;

/**
 * A {@link BoardDecoder} for boards whose message is a fixed layout of {@link BitField}s, which is
 * every board the original knew. A plug-in declares its board in a few lines and registers it as
 * a {@code BoardDecoder} service, for example with Declarative Services:
 *
 * <pre>{@code
 * @Component(service = BoardDecoder.class)
 * public class WindVaneBoard extends FieldLayoutDecoder {
 *     public WindVaneBoard() {
 *         super(0x20, "Wind Vane Board", List.of(
 *                 BitField.unsigned("wind_direction", 0, 16),
 *                 BitField.scaled("wind_speed", "m/s", 16, 16, 0, 100)));
 *     }
 * }
 * }</pre>
 *
 * <p>Keeps the {@link BoardDecoder} contract: the values come in layout order, a payload shorter
 * than the layout needs (or a message from another board) raises {@link MessageDecodingException},
 * bits beyond the layout are ignored. Immutable and thread-safe.
 */
public class FieldLayoutDecoder implements BoardDecoder {
    private final int boardId;
    private final String description;
    private final List<BitField> layout;
    /** The layout as an array: no list walk per message. */
    private final BitField[] fields;
    private final List<VariableSpec> variables;
    private final int payloadBitsNeeded;

    /**
     * @param boardId     0..255
     * @param description the board's human-readable name
     * @param layout      the variables in output order; names must be unique
     */
    public FieldLayoutDecoder(int boardId, String description, List<BitField> layout) {
        if (boardId < 0 || boardId > 0xFF) {
            throw new IllegalArgumentException("board id must be 0..255: " + boardId);
        }
        this.boardId = boardId;
        this.description = Objects.requireNonNull(description, "description");
        this.layout = List.copyOf(layout);
        this.fields = this.layout.toArray(BitField[]::new);
        List<VariableSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int needed = 0;
        for (BitField field : this.layout) {
            if (!names.add(field.variable().name())) {
                throw new IllegalArgumentException("variable " + field.variable().name() + " appears twice in the layout");
            }
            specs.add(field.variable());
            needed = Math.max(needed, field.payloadBitsNeeded());
        }
        this.variables = List.copyOf(specs);
        this.payloadBitsNeeded = needed;
    }

    @Override
    public final int boardId() {
        return boardId;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<VariableSpec> variables() {
        return variables;
    }

    /** @return the layout's fields in output order */
    public final List<BitField> layout() {
        return layout;
    }

    /** @return the fewest payload bits a message needs to be decoded */
    public final int payloadBitsNeeded() {
        return payloadBitsNeeded;
    }

    @Override
    public List<DecodedValue> decode(BoardMessage message) throws MessageDecodingException {
        if (message.sender() != boardId) {
            throw new MessageDecodingException("message from board " + message.sender() + " given to the decoder of board " + boardId);
        }
        if (message.payloadBits() < payloadBitsNeeded) {
            throw new MessageDecodingException(description + " needs " + payloadBitsNeeded + " payload bits, the message has "
                    + message.payloadBits());
        }
        double[] values = new double[fields.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields[i].read(message);
        }
        return new DecodedValues(variables, values);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + boardId + ", " + description + "]";
    }
}
