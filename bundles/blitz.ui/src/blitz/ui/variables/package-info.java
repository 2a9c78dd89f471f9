// SPDX-License-Identifier: EPL-2.0
/**
 * How every view shows a variable ({@link blitz.ui.variables.VariableLook}): one name, one colour,
 * one number format and the board's order, so the Plot, Live variables and a replay agree.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.ui.variables;
