// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.ui.preferences.PreferencePageContribution;

/**
 * Live updates: how often the workbench asks the runtime for live values, the attribute
 * {@value #ATTRIBUTE} of the connection's configuration (PID {@value #PID}), which the connection
 * reads at once. Other attributes of that configuration are kept as they are.
 */
public class LivePollPage extends PreferencePage {
    static final String ID = "blitz.ui.preferences.live";
    static final String PID = "blitz.client.connection";
    static final String ATTRIBUTE = "updatePeriodMs";
    static final int DEFAULT_MS = 1000;
    static final int MIN_MS = 20;
    static final int MAX_MS = 60_000;

    @Component(service = PreferencePageContribution.class)
    public static final class Contribution extends PageContribution {
        private final ConfigurationAdmin configurations;

        @Activate
        public Contribution(@Reference ConfigurationAdmin configurations) {
            super(ID, "Live updates", 15);
            this.configurations = configurations;
        }

        @Override
        public IPreferencePage createPage() {
            return new LivePollPage(configurations, PID);
        }
    }

    private final ConfigurationAdmin configurations;
    private final String pid;
    private Spinner period;

    /** @param pid the configuration holding the period: the connection's, {@value #PID} */
    LivePollPage(ConfigurationAdmin configurations, String pid) {
        super("Live updates");
        setDescription("How often the workbench asks the runtime for live values while it logs. The original "
                + "asked every 1000 ms; 100 ms gives a 10 Hz board's every value.");
        this.configurations = configurations;
        this.pid = pid;
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(body);
        new Label(body, SWT.NONE).setText("Live update period (ms):");
        period = new Spinner(body, SWT.BORDER);
        period.setValues(stored(), MIN_MS, MAX_MS, 0, 10, 100);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(period);
        return body;
    }

    /** @return the period stored in the configuration, or the default */
    private int stored() {
        Dictionary<String, Object> properties = configuration().getProperties();
        Object value = properties == null ? null : properties.get(ATTRIBUTE);
        return value instanceof Number number ? number.intValue() : DEFAULT_MS;
    }

    @Override
    protected void performDefaults() {
        period.setSelection(DEFAULT_MS);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (period == null || period.isDisposed()) {
            return true;
        }
        Configuration configuration = configuration();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(ATTRIBUTE, period.getSelection());
        try {
            configuration.update(properties);
            return true;
        } catch (IOException e) {
            setErrorMessage("Cannot store the period: " + e.getMessage());
            return false;
        }
    }

    private Configuration configuration() {
        try {
            return configurations.getConfiguration(pid, "?");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the connection's configuration: " + e.getMessage(), e);
        }
    }
}
