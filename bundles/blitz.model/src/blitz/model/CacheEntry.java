// SPDX-License-Identifier: EPL-2.0
package blitz.model;

/**
 * One live value of a variable, kept in the workbench's cache while a runtime is polled.
 *
 * @param id         store-assigned id, {@code null} before the entry is stored
 * @param timeLogged milliseconds (board time since its session started, or epoch time for live data)
 * @param categoryId id of the {@link Category}
 * @param value      the value at full double precision
 */
public record CacheEntry(Long id, long timeLogged, long categoryId, double value) {
    public static CacheEntry of(long timeLogged, long categoryId, double value) {
        return new CacheEntry(null, timeLogged, categoryId, value);
    }
}
