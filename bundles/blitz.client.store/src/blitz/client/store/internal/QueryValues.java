// SPDX-License-Identifier: EPL-2.0
package blitz.client.store.internal;

/** Converts the values of a generic query map to the type of the record component they match. */
final class QueryValues {
    private QueryValues() {
    }

    /**
     * @return {@code value} as {@code type}; {@code null} only for a nullable component
     * @throws IllegalArgumentException when the value cannot stand for the component
     */
    static Object coerce(String name, Object value, Class<?> type) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("'" + name + "' cannot be null");
            }
            return null;
        }
        if ((type == long.class || type == Long.class) && isIntegral(value)) {
            return ((Number) value).longValue();
        }
        if ((type == int.class || type == Integer.class) && isIntegral(value)
                && ((Number) value).longValue() == ((Number) value).intValue()) {
            return ((Number) value).intValue();
        }
        if ((type == double.class || type == Double.class) && value instanceof Number number) {
            return number.doubleValue();
        }
        if ((type == boolean.class || type == Boolean.class) && value instanceof Boolean) {
            return value;
        }
        if (type == String.class && value instanceof String) {
            return value;
        }
        throw new IllegalArgumentException(
                "'" + name + "' is a " + type.getSimpleName() + ", not " + value.getClass().getSimpleName() + ": " + value);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }
}
