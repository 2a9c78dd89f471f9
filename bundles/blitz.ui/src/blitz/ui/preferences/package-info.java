// SPDX-License-Identifier: EPL-2.0
/**
 * Preference pages that plug-ins add to the workbench's preferences dialog
 * ({@link blitz.ui.preferences.PreferencePageContribution}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.ui.preferences;
