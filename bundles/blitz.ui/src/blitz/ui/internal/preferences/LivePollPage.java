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
 * Live updates: how often the workbench asks the runtime for live values, in the connection's
 * configuration (PID {@value #PID}), which the connection reads at once. A Blitz runtime hands out every
 * line since the last poll ({@value #LIVE_ATTRIBUTE}); an original logger only its newest line
 * ({@value #ATTRIBUTE}, the {@code UPDATE} poll). Other attributes of that configuration are kept as
 * they are.
 */
public class LivePollPage extends PreferencePage {
    static final String ID = "blitz.ui.preferences.live";
    static final String PID = "blitz.client.connection";
    /** The original logger's {@code UPDATE} poll. */
    static final String ATTRIBUTE = "updatePeriodMs";
    /** A Blitz runtime's every-line ({@code LIVE}) poll. */
    static final String LIVE_ATTRIBUTE = "livePeriodMs";
    static final int DEFAULT_MS = 1000;
    static final int LIVE_DEFAULT_MS = 50;
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
    private Spinner livePeriod;

    /** @param pid the configuration holding the periods: the connection's, {@value #PID} */
    LivePollPage(ConfigurationAdmin configurations, String pid) {
        super("Live updates");
        setDescription("How often the workbench asks the runtime for live values. A Blitz runtime gives every "
                + "line since the last request, so its period only sets the delay; an original logger gives its "
                + "newest line only (it was asked every 1000 ms; 100 ms shows a 10 Hz board's every value).");
        this.configurations = configurations;
        this.pid = pid;
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(body);
        livePeriod = spinner(body, "Blitz runtime, every line (ms):", stored(LIVE_ATTRIBUTE, LIVE_DEFAULT_MS));
        period = spinner(body, "Original logger, newest line (ms):", stored(ATTRIBUTE, DEFAULT_MS));
        return body;
    }

    private static Spinner spinner(Composite body, String label, int value) {
        new Label(body, SWT.NONE).setText(label);
        Spinner spinner = new Spinner(body, SWT.BORDER);
        spinner.setValues(value, MIN_MS, MAX_MS, 0, 10, 100);
        GridDataFactory.fillDefaults().hint(90, SWT.DEFAULT).applyTo(spinner);
        return spinner;
    }

    /** @return the period stored in the configuration, or the default */
    private int stored(String attribute, int defaultMs) {
        Dictionary<String, Object> properties = configuration().getProperties();
        Object value = properties == null ? null : properties.get(attribute);
        return value instanceof Number number ? number.intValue() : defaultMs;
    }

    @Override
    protected void performDefaults() {
        period.setSelection(DEFAULT_MS);
        livePeriod.setSelection(LIVE_DEFAULT_MS);
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
        properties.put(LIVE_ATTRIBUTE, livePeriod.getSelection());
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
