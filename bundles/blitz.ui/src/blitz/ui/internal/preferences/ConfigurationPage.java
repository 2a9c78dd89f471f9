// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.preference.IPreferencePage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import blitz.client.alarms.AlarmService;
import blitz.model.ConfigEntry;
import blitz.model.client.ConfigStore;
import blitz.ui.preferences.PreferencePageContribution;
import blitz.ui.preferences.TablePreferencePage;

/**
 * Configuration: the key/value settings of the workbench's store (docs/configuration.md lists them).
 * Alarm keys are left to the Alarms page, which checks them.
 */
public class ConfigurationPage extends TablePreferencePage<ConfigurationPage.Setting> {
    static final String ID = "blitz.ui.preferences.configuration";
    static final String NOTE = "Free key/value settings for plug-ins and lab notes (for example a lab name). "
            + "The workbench's own settings are on the other pages; an empty list is normal. "
            + "Alarm rules are kept here too, but are edited on the Alarms page.";

    /** One key and its value. */
    record Setting(String key, String value) {
        Setting withKey(String text) {
            String key = Cells.name(text, "key");
            if (key.startsWith(AlarmService.CONFIG_PREFIX)) {
                throw new IllegalArgumentException("alarm keys are set on the Alarms page");
            }
            return new Setting(key, value);
        }
    }

    @Component(service = PreferencePageContribution.class)
    public static final class Contribution extends PageContribution {
        private final ConfigStore store;

        @Activate
        public Contribution(@Reference ConfigStore store) {
            super(ID, "Configuration", 20);
            this.store = store;
        }

        @Override
        public IPreferencePage createPage() {
            return new ConfigurationPage(store);
        }
    }

    private final ConfigStore store;

    ConfigurationPage(ConfigStore store) {
        super("Configuration", "Settings kept in the workbench's database. The six legacy keys (loggerPort … "
                + "clientRefreshRate) are the original's and are not read by the workbench.");
        this.store = store;
    }

    /** Says what the page is for, which matters most when it is empty (a new workbench stores no setting). */
    @Override
    protected String note() {
        return NOTE;
    }

    @Override
    protected List<Column<Setting>> columns() {
        return List.of(Column.of("Key", 200, Setting::key, Setting::withKey),
                Column.of("Value", 220, Setting::value, (setting, value) -> new Setting(setting.key(), value)));
    }

    private List<ConfigEntry> stored() {
        return store.configEntries().stream()
                .filter(entry -> !entry.key().startsWith(AlarmService.CONFIG_PREFIX)).toList();
    }

    @Override
    protected List<Setting> load() {
        return stored().stream().map(entry -> new Setting(entry.key(), entry.value())).toList();
    }

    @Override
    protected Optional<Setting> newRow() {
        Set<String> keys = new HashSet<>(rows().stream().map(Setting::key).toList());
        int number = 1;
        while (keys.contains("newKey" + number)) {
            number++;
        }
        return Optional.of(new Setting("newKey" + number, ""));
    }

    @Override
    protected void save(List<Setting> rows) {
        Set<String> keys = new HashSet<>();
        for (Setting row : rows) {
            if (!keys.add(row.key())) {
                throw new IllegalArgumentException("the key " + row.key() + " is listed twice");
            }
        }
        for (ConfigEntry entry : stored()) {
            if (!keys.contains(entry.key())) {
                store.removeConfig(entry.key());
            }
        }
        rows.forEach(row -> store.setConfig(row.key(), row.value()));
    }
}
