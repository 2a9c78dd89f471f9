// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

/**
 * A variable the chart can show.
 *
 * @param name       its name
 * @param categoryId its id in the client store (session mode; -1 for a live variable)
 * @param unit       the unit of its values; variables of one unit share a y axis
 * @param rgb        its colour (0xRRGGBB), the same in every view ({@link blitz.ui.variables.VariableLook})
 */
public record Variable(String name, long categoryId, String unit, int rgb) {
}
