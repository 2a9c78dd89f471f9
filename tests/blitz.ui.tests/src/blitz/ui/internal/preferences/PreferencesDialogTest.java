// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import blitz.client.alarms.AlarmRule;
import blitz.client.alarms.AlarmService;
import blitz.client.alarms.AlarmState;
import blitz.model.Notification;
import blitz.model.Session;
import blitz.model.client.ClientStore;
import blitz.model.client.ReadingBatch;
import blitz.model.connection.Endpoint;
import blitz.model.decoder.Calibration;
import blitz.model.decoder.DecodedValue;
import blitz.model.decoder.DecoderRegistry;
import blitz.model.sync.DownloadReport;
import blitz.model.sync.Progress;
import blitz.model.sync.SessionSync;
import blitz.testing.Osgi;
import blitz.testing.swt.UiFixture;
import blitz.ui.internal.ConnectDialog;
import blitz.ui.internal.ConnectionPreferences;
import blitz.ui.internal.handlers.PreferencesHandler;
import blitz.ui.internal.parts.TestStore;
import blitz.ui.preferences.PreferencePageContribution;
import blitz.ui.preferences.TablePreferencePage;

/**
 * File ▸ Preferences… on real SWT with the real services: the client store (in-memory Derby), the alarm
 * engine, ConfigAdmin and the decoder registry. Edits are made through the tables' cell editors and
 * saved by the dialog's OK button, as a user does.
 */
class PreferencesDialogTest {
    private static final String CHANNEL = "adc_channel_one";
    /** Board 8, first channel 0x7FF = 2047. */
    private static final String LINE = "08A0000003E87FF80100FFF00000";

    private static ClientStore store;

    @BeforeAll
    static void services() {
        store = TestStore.memory();
    }

    /** @return the pages once the four of Blitz are registered, bound to the store of this test */
    private static List<PreferencePageContribution> pages() {
        PreferencePages pages = UiFixture.service(PreferencePages.class);
        long storeId = serviceId(ClientStore.class);
        UiFixture.waitUntil(() -> "the four pages, on the test's store: " + pages.pages().stream()
                .map(PreferencePageContribution::id).toList(), 30_000,
                () -> pages.pages().size() >= 4 && serviceId(AlarmService.class) > storeId);
        return pages.pages();
    }

    private static long serviceId(Class<?> type) {
        ServiceReference<?> reference = FrameworkUtil.getBundle(PreferencesDialogTest.class).getBundleContext()
                .getServiceReference(type.getName());
        return reference == null ? -1 : (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private static PreferencesDialog open(UiFixture ui) {
        PreferencesDialog dialog = new PreferencesDialog(ui.shell(), pages());
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    /** Shows a page as a click in the page list does. @return its table */
    private static TablePreferencePage<?> show(PreferencesDialog dialog, String id) {
        IPreferenceNode node = dialog.getPreferenceManager().find(id);
        dialog.getTreeViewer().setSelection(new StructuredSelection(node), true);
        UiFixture.spin(100);
        assertEquals(node.getPage(), dialog.getSelectedPage());
        return (TablePreferencePage<?>) node.getPage();
    }

    /** Types {@code value} into a cell (or picks it in a drop-down) and presses Enter. */
    private static void edit(TableViewer viewer, String firstCell, int column, String value) {
        int row = column(viewer, 0).indexOf(firstCell);
        assertTrue(row >= 0, "no row " + firstCell + " in " + column(viewer, 0));
        edit(viewer, row, column, value);
    }

    private static void edit(TableViewer viewer, int row, int column, String value) {
        viewer.editElement(viewer.getTable().getItem(row).getData(), column);
        assertTrue(viewer.isCellEditorActive(), "the cell opened for editing");
        Control editor = UiFixture.find(viewer.getTable(), Control.class).stream()
                .filter(control -> control != viewer.getTable() && control.isVisible()
                        && (control instanceof Text || control instanceof CCombo))
                .findFirst().orElseThrow(() -> new AssertionError("no cell editor shown"));
        if (editor instanceof Text text) {
            text.setText(value);
        } else {
            CCombo combo = (CCombo) editor;
            assertTrue(combo.indexOf(value) >= 0, value + " is offered");
            combo.select(combo.indexOf(value));
        }
        editor.notifyListeners(SWT.DefaultSelection, new Event());
        UiFixture.spin(100);
    }

    private static void press(PreferencesDialog dialog, int buttonId) {
        Button button = UiFixture.find(dialog.getShell(), Button.class).stream()
                .filter(candidate -> Integer.valueOf(buttonId).equals(candidate.getData())).findFirst().orElseThrow();
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static List<String> column(TableViewer viewer, int column) {
        return Arrays.stream(viewer.getTable().getItems()).map(item -> item.getText(column)).toList();
    }

    @Test
    void editsACalibrationAndAnAlarmAndStoresThemOnOk() throws Exception {
        AlarmService alarms = UiFixture.service(AlarmService.class);
        DecoderRegistry registry = UiFixture.service(DecoderRegistry.class);
        Configuration calibrations = Osgi.await(ConfigurationAdmin.class).getConfiguration(CalibrationPage.PID, "?");
        try (UiFixture ui = new UiFixture()) {
            PreferencesDialog dialog = open(ui);
            assertEquals(List.of("Runtimes", "Live updates", "Configuration", "Calibration", "Alarms"),
                    pages().stream().map(PreferencePageContribution::label).toList().subList(0, 5));

            TablePreferencePage<?> calibration = show(dialog, CalibrationPage.ID);
            assertTrue(column(calibration.viewer(), 0).containsAll(List.of(CHANNEL, "adc_channel_five")),
                    "every variable the decoders declare is listed: " + column(calibration.viewer(), 0));
            int channelRow = column(calibration.viewer(), 0).indexOf(CHANNEL);
            assertEquals("8 (08)", calibration.viewer().getTable().getItem(channelRow).getText(5),
                    "each variable names its board");
            edit(calibration.viewer(), CHANNEL, 1, "mV");
            edit(calibration.viewer(), CHANNEL, 2, "0.5");
            edit(calibration.viewer(), CHANNEL, 3, "1");
            edit(calibration.viewer(), "adc_channel_two", 2, "twice");
            assertTrue(calibration.getErrorMessage().contains("'twice' is not a number"), calibration.getErrorMessage());
            UiFixture.screenshot(dialog.getShell(), "preferences-calibration");

            TablePreferencePage<?> alarmPage = show(dialog, AlarmsPage.ID);
            press(alarmPage, "&Add");
            String added = alarmPage.viewer().getTable().getItem(0).getText(0);
            edit(alarmPage.viewer(), added, 0, CHANNEL);
            edit(alarmPage.viewer(), CHANNEL, 2, "3000");
            edit(alarmPage.viewer(), CHANNEL, 3, "50");
            edit(alarmPage.viewer(), CHANNEL, 4, "ERROR");
            edit(alarmPage.viewer(), CHANNEL, 1, "4000");
            assertTrue(alarmPage.getErrorMessage().contains("must be below the high one"), alarmPage.getErrorMessage());
            assertEquals(List.of(CHANNEL, "", "3000", "50", "ERROR", "yes"),
                    Arrays.asList(rowTexts(alarmPage.viewer(), 0)), "the refused low threshold is not taken");
            UiFixture.screenshot(dialog.getShell(), "preferences-alarms");

            press(dialog, IDialogConstants.OK_ID);
            UiFixture.waitUntil("the dialog closed", 5_000, () -> dialog.getShell() == null);
        }

        try {
            assertStored(calibrations, registry, alarms);
        } finally {
            // other tests decode with the registry: leave it uncalibrated, and no alarm rule behind
            calibrations.update(new Hashtable<>(Map.of(CalibrationPage.PROPERTY, new String[0])));
            alarms.setRules(List.of());
        }
    }

    private static void assertStored(Configuration calibrations, DecoderRegistry registry, AlarmService alarms) {
        Object stored = calibrations.getProperties().get(CalibrationPage.PROPERTY);
        assertArrayEquals(new String[] { CHANNEL + "=0.5,1.0,mV" }, (String[]) stored,
                "only the changed variable is stored; the refused scale is not");
        UiFixture.waitUntil("the decoder registry took the calibration", 10_000,
                () -> registry.calibration(CHANNEL).equals(new Calibration("mV", 0.5, 1.0)));
        assertEquals(new DecodedValue(CHANNEL, 2047 * 0.5 + 1, "mV"), registry.decode(LINE).values().get(0));
        assertEquals(2047 * 0.5 + 1, redecodedFirstChannel(), "a re-decode stores the calibrated value");

        AlarmRule rule = new AlarmRule(CHANNEL, Double.NEGATIVE_INFINITY, 3000, 50, Notification.ERROR, true);
        assertEquals(rule.format(), store.getConfig(AlarmService.CONFIG_PREFIX + CHANNEL).orElseThrow().value());
        assertEquals(List.of(rule), alarms.rules(), "the engine watches the saved rule at once");
        assertEquals(Optional.of(AlarmState.UNKNOWN), alarms.state(CHANNEL));
    }

    /**
     * Re-decodes, with the real session sync, a stored session whose one raw line was downloaded before
     * the calibration changed. @return the first channel's reading afterwards
     */
    private static double redecodedFirstChannel() {
        long session = 77;
        store.add(new Session(null, session, false, 0, 1000L, 1));
        try {
            store.addDownloadChunk(session, 0, List.of(LINE), new ReadingBatch(0));
            DownloadReport report = UiFixture.service(SessionSync.class).redecode(session, Progress.NONE);
            assertEquals(5, report.readings(), report.toString());
            long category = store.getOrCreateCategory(CHANNEL);
            return store.getSessionReadings(session).stream().filter(reading -> reading.categoryId() == category)
                    .findFirst().orElseThrow().value();
        } finally {
            store.deleteSession(session);
        }
    }

    private static String[] rowTexts(TableViewer viewer, int row) {
        TableItem item = viewer.getTable().getItem(row);
        String[] texts = new String[viewer.getTable().getColumnCount()];
        for (int column = 0; column < texts.length; column++) {
            texts[column] = item.getText(column);
        }
        return texts;
    }

    /** Presses one of a page's own buttons by its label. */
    private static void press(TablePreferencePage<?> page, String label) {
        Button button = UiFixture.find(page.getControl(), Button.class).stream()
                .filter(candidate -> label.equals(candidate.getText())).findFirst().orElseThrow();
        button.notifyListeners(SWT.Selection, new Event());
        UiFixture.spin(50);
    }

    @Test
    void editsTheConfigurationKeysAndKeepsAlarmKeysOut() throws Exception {
        store.setConfig(AlarmService.CONFIG_PREFIX + "hidden", ",1.0,0.0,WARNING,false");
        store.setConfig("obsoleteKey", "x");
        try (UiFixture ui = new UiFixture()) {
            PreferencesDialog dialog = open(ui);
            TablePreferencePage<?> page = show(dialog, ConfigurationPage.ID);
            assertFalse(column(page.viewer(), 0).contains(AlarmService.CONFIG_PREFIX + "hidden"));
            assertTrue(column(page.viewer(), 0).contains("loggerPort"), "" + column(page.viewer(), 0));
            edit(page.viewer(), "loggerPort", 1, "9898");
            page.viewer().getTable().setSelection(column(page.viewer(), 0).indexOf("obsoleteKey"));
            press(page, "&Remove");
            press(page, "&Add");
            edit(page.viewer(), "newKey1", 0, "labName");
            edit(page.viewer(), "labName", 1, "Lab 3");
            UiFixture.screenshot(dialog.getShell(), "preferences-configuration");
            press(dialog, IDialogConstants.OK_ID);
            UiFixture.waitUntil("the dialog closed", 5_000, () -> dialog.getShell() == null);
        }
        assertEquals("9898", store.getConfig("loggerPort").orElseThrow().value());
        assertEquals("Lab 3", store.getConfig("labName").orElseThrow().value());
        assertTrue(store.getConfig("obsoleteKey").isEmpty(), "removed");
        assertTrue(store.getConfig(AlarmService.CONFIG_PREFIX + "hidden").isPresent(), "alarm keys are left alone");
        store.removeConfig(AlarmService.CONFIG_PREFIX + "hidden");
        store.setConfig("loggerPort", "8989");
        store.removeConfig("labName");
    }

    @Test
    void savesRuntimesAndTheDefaultTheConnectDialogStartsFrom() throws Exception {
        ConnectionPreferences preferences = ConnectionPreferences.instance();
        List<Endpoint> before = preferences.runtimes();
        Endpoint chosenBefore = preferences.endpoint();
        preferences.saveRuntimes(List.of(), 0);
        assertEquals(List.of(), preferences.runtimes(), "the built-in default is not listed until it is saved");
        Endpoint local = Endpoint.of("127.0.0.1", Endpoint.DEFAULT_PORT);
        preferences.saveRuntimes(List.of(local), 0); // the one runtime the user saved
        try (UiFixture ui = new UiFixture()) {
            PreferencesDialog dialog = open(ui);
            TablePreferencePage<?> page = show(dialog, RuntimesPage.ID);
            int rows = page.viewer().getTable().getItemCount();
            press(page, "&Add");
            page.viewer().getTable().setSelection(rows);
            edit(page.viewer(), rows, 0, "lab-pc");
            assertEquals("lab-pc", page.viewer().getTable().getItem(rows).getText(0), "the new row was edited");
            edit(page.viewer(), "lab-pc", 1, "70000");
            assertTrue(page.getErrorMessage().contains("between 1 and 65535"), page.getErrorMessage());
            edit(page.viewer(), "lab-pc", 1, "9000");
            page.viewer().getTable().setSelection(rows);
            press(page, "Set &default");
            assertEquals("✓", page.viewer().getTable().getItem(rows).getText(3));
            UiFixture.screenshot(dialog.getShell(), "preferences-runtimes");
            press(dialog, IDialogConstants.OK_ID);
            UiFixture.waitUntil("the dialog closed", 5_000, () -> dialog.getShell() == null);
        }
        try {
            assertEquals(Endpoint.of("lab-pc", 9000), preferences.endpoint(), "Connect starts from the new default");
            assertEquals(List.of(local, Endpoint.of("lab-pc", 9000)), preferences.runtimes(),
                    "the saved runtimes, and only those");
            try (UiFixture ui = new UiFixture()) {
                ConnectDialog connect = new ConnectDialog(ui.shell(), preferences.endpoint(), preferences.runtimes());
                connect.setBlockOnOpen(false);
                connect.open();
                Combo saved = UiFixture.find(connect.getShell(), Combo.class).get(0);
                assertEquals("lab-pc:9000", saved.getText(), "the dialog starts from the default");
                List<Text> fields = UiFixture.find(connect.getShell(), Text.class);
                assertEquals("lab-pc", fields.get(0).getText());
                saved.select(Arrays.asList(saved.getItems()).indexOf(local.host() + ":" + local.port()));
                saved.notifyListeners(SWT.Selection, new Event());
                assertEquals(local.host(), fields.get(0).getText(), "picking a saved runtime fills the fields");
                assertEquals(Integer.toString(local.port()), fields.get(1).getText());
                UiFixture.spin(300); // let the dialog paint before the picture
                UiFixture.screenshot(connect.getShell(), "connect-saved-runtimes");
                connect.close();
            }
        } finally {
            preferences.saveRuntimes(before, Math.max(0, before.indexOf(chosenBefore)));
        }
    }

    @Test
    void fileMenuOpensTheDialogWithCtrlAltS() throws Exception {
        String model;
        try (var in = FrameworkUtil.getBundle(PreferencesHandler.class).getEntry("Application.e4xmi").openStream()) {
            model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(model.contains("label=\"&amp;Preferences…\" command=\"_cmdPreferences\""), "File ▸ Preferences…");
        assertTrue(model.contains("keySequence=\"M1+M3+S\" command=\"_cmdPreferences\""), "Ctrl+Alt+S");
        assertTrue(model.contains("blitz.ui.internal.handlers.PreferencesHandler\" command=\"_cmdPreferences\""));

        try (UiFixture ui = new UiFixture()) {
            List<String> seen = new java.util.ArrayList<>();
            ui.shell().getDisplay().asyncExec(() -> {
                Shell dialog = Arrays.stream(ui.shell().getShells()).filter(Shell::isVisible).findFirst().orElse(null);
                seen.add(dialog == null ? "no dialog" : dialog.getText());
                if (dialog != null) {
                    dialog.close();
                }
            });
            new PreferencesHandler().execute(UiFixture.service(PreferencePages.class), ui.shell());
            assertEquals(List.of(PreferencesDialog.TITLE), seen);
        }
    }
}
