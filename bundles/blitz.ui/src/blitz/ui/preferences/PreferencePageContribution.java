// SPDX-License-Identifier: EPL-2.0
package blitz.ui.preferences;

import org.eclipse.jface.preference.IPreferencePage;

/**
 * A page of the workbench's File ▸ Preferences… dialog. Register an implementation as an OSGi service
 * (a Declarative Services component) and the dialog lists it the next time it opens; no Blitz code
 * changes. The bundle that registers it must be started (e.g. {@code Bundle-ActivationPolicy: lazy}
 * and a class of it in use, or a start level in the product).
 *
 * <p>Contract:
 * <ul>
 * <li>{@link #id()} is unique among all contributions; a second contribution with the same id is
 * ignored (and logged).</li>
 * <li>Pages are listed by {@link #order()}, then by {@link #label()}. Blitz's own pages use 10
 * (Runtimes), 20 (Configuration), 30 (Calibration) and 40 (Alarms).</li>
 * <li>{@link #createPage()} is called on the UI thread each time the dialog shows the page for the
 * first time, and must return a new page: the dialog disposes it when it closes. A page saves in
 * {@link IPreferencePage#performOk()} and returns false (with an error message) to keep the dialog
 * open.</li>
 * </ul>
 *
 * @see TablePreferencePage for a page editing a list of rows
 */
@org.osgi.annotation.versioning.ConsumerType
public interface PreferencePageContribution {

    /** @return a unique id, e.g. {@code com.example.weather.preferences} */
    String id();

    /** @return the name shown in the dialog's page list */
    String label();

    /** @return the position in the page list, lowest first */
    int order();

    /** @return a new page */
    IPreferencePage createPage();
}
