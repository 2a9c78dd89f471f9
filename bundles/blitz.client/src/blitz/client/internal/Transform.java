// SPDX-License-Identifier: EPL-2.0
package blitz.client.internal;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * One of the original's live-data transforms, parsed from its text form ({@code multiply:k},
 * {@code translate:k}, {@code average:n}). An average keeps a window, so every variable gets its own
 * instances.
 */
abstract class Transform {

    abstract double apply(double value);

    static Transform parse(String spec) {
        String[] parts = spec.trim().split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a transform is 'name:argument', got '" + spec + "'");
        }
        String name = parts[0].toLowerCase(Locale.ROOT);
        try {
            return switch (name) {
            case "multiply" -> multiply(Double.parseDouble(parts[1]));
            case "translate" -> translate(Double.parseDouble(parts[1]));
            case "average" -> new MovingAverage(Integer.parseInt(parts[1]));
            default -> throw new IllegalArgumentException(
                    "unknown transform '" + name + "' (known: multiply, translate, average)");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad argument in transform '" + spec + "'", e);
        }
    }

    private static Transform multiply(double factor) {
        return new Transform() {
            @Override
            double apply(double value) {
                return value * factor;
            }
        };
    }

    private static Transform translate(double offset) {
        return new Transform() {
            @Override
            double apply(double value) {
                return value + offset;
            }
        };
    }

    /** Mean of the last n values (fewer while the window fills). */
    private static final class MovingAverage extends Transform {
        private final int size;
        private final ArrayDeque<Double> window = new ArrayDeque<>();
        private double sum;

        MovingAverage(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("average needs a window of at least 1, got " + size);
            }
            this.size = size;
        }

        @Override
        double apply(double value) {
            window.addLast(value);
            sum += value;
            if (window.size() > size) {
                sum -= window.removeFirst();
            }
            return sum / window.size();
        }
    }
}
