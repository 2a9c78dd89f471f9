// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;

import blitz.ui.preferences.PreferencePageContribution;

/** File ▸ Preferences…: one page per contribution, each created when first shown. */
public class PreferencesDialog extends PreferenceDialog {
    static final String TITLE = "Preferences";

    public PreferencesDialog(Shell parent, List<PreferencePageContribution> pages) {
        super(parent, manager(pages));
    }

    private static PreferenceManager manager(List<PreferencePageContribution> pages) {
        // ids contain dots, the manager's default path separator
        PreferenceManager manager = new PreferenceManager('/');
        for (PreferencePageContribution contribution : pages) {
            manager.addToRoot(new PreferenceNode(contribution.id()) {
                @Override
                public void createPage() {
                    setPage(contribution.createPage());
                    getPage().setTitle(contribution.label());
                }

                @Override
                public String getLabelText() {
                    return contribution.label();
                }
            });
        }
        return manager;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }
}
