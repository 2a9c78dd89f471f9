// SPDX-License-Identifier: EPL-2.0
package blitz.model.decoder;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Decoded values kept as numbers beside the list of their variables, which every message of a board
 * shares: a decoder returns one of these instead of one {@link DecodedValue} object per value, and
 * {@link DecodedValue}s are made only when someone reads the list. Immutable.
 */
public final class DecodedValues extends AbstractList<DecodedValue> implements RandomAccess {
    private final List<VariableSpec> variables;
    private final double[] values;

    /**
     * @param variables the variables of the values, in order (kept, not copied: pass an immutable list)
     * @param values    one value per variable (copied)
     */
    public DecodedValues(List<VariableSpec> variables, double... values) {
        if (Objects.requireNonNull(variables, "variables").size() != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + variables.size() + " variables");
        }
        this.variables = variables;
        this.values = values.clone();
    }

    /** @return the variables of the values, in order: the same list for every message of a decoder */
    public List<VariableSpec> variables() {
        return variables;
    }

    /** @return the value at {@code index}, without making a {@link DecodedValue} */
    public double value(int index) {
        return values[index];
    }

    @Override
    public DecodedValue get(int index) {
        VariableSpec variable = variables.get(index);
        return new DecodedValue(variable.name(), values[index], variable.unit());
    }

    @Override
    public int size() {
        return values.length;
    }
}
