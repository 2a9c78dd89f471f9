// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import blitz.model.connection.Endpoint;

/**
 * Asks for the runtime's host, port, optional access token and optional CURVE server key; starts from
 * the remembered ones, and offers the other saved runtimes (File ▸ Preferences… ▸ Runtimes) in a
 * drop-down.
 */
public class ConnectDialog extends TitleAreaDialog {
    private final Endpoint initial;
    private final List<Endpoint> saved;
    private Text host;
    private Text port;
    private Text token;
    private Button rememberToken;
    private Text serverKey;
    private Endpoint endpoint;
    private boolean tokenRemembered;

    public ConnectDialog(Shell parent, Endpoint initial) {
        this(parent, initial, List.of());
    }

    public ConnectDialog(Shell parent, Endpoint initial, List<Endpoint> saved) {
        super(parent);
        this.initial = initial;
        this.saved = List.copyOf(saved);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Connect to data logger");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Connect to a logging runtime");
        setMessage("Host and port of the runtime (the original logger listens on port " + Endpoint.DEFAULT_PORT + ")");
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        Combo savedRuntimes = saved.size() > 1 ? savedRuntimes(fields) : null;
        host = field(fields, "&Host:", initial.host(), SWT.BORDER);
        port = field(fields, "&Port:", Integer.toString(initial.port()), SWT.BORDER);
        token = field(fields, "Access &token (optional):", initial.token().orElse(""), SWT.BORDER | SWT.PASSWORD);
        new Label(fields, SWT.NONE);
        rememberToken = new Button(fields, SWT.CHECK);
        rememberToken.setText("Remember the token (kept as plain text in the workbench preferences)");
        rememberToken.setSelection(initial.token().isPresent());
        serverKey = field(fields, "Server &key (CURVE, optional):", initial.serverKey().orElse(""), SWT.BORDER);
        serverKey.setToolTipText("The public key the runtime's shell prints with protocol:key, when it encrypts with CURVE");
        serverKey.addModifyListener(e -> validate());
        if (savedRuntimes != null) {
            savedRuntimes.addListener(SWT.Selection, event -> fill(saved.get(savedRuntimes.getSelectionIndex())));
        }
        host.addModifyListener(e -> validate());
        port.addModifyListener(e -> validate());
        return area;
    }

    private Combo savedRuntimes(Composite fields) {
        new Label(fields, SWT.NONE).setText("&Saved:");
        Combo combo = new Combo(fields, SWT.READ_ONLY);
        saved.forEach(runtime -> combo.add(runtime.host() + ":" + runtime.port()));
        combo.select(Math.max(0, saved.indexOf(initial)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        return combo;
    }

    private void fill(Endpoint runtime) {
        host.setText(runtime.host());
        port.setText(Integer.toString(runtime.port()));
        token.setText(runtime.token().orElse(""));
        rememberToken.setSelection(runtime.token().isPresent());
        serverKey.setText(runtime.serverKey().orElse(""));
    }

    private static Text field(Composite parent, String label, String value, int style) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, style);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private void validate() {
        String problem = problem();
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    /** @return what is wrong with the fields, or null */
    private String problem() {
        if (host.getText().isBlank()) {
            return "Enter the host name or address of the runtime";
        }
        String key = serverKey.getText().trim();
        if (!key.isEmpty() && !Endpoint.isCurveKey(key)) {
            return "The server key is the 40-character key the runtime's 'protocol:key' prints";
        }
        try {
            int value = Integer.parseInt(port.getText().trim());
            return value >= 1 && value <= 65535 ? null : "The port must be between 1 and 65535";
        } catch (NumberFormatException e) {
            return "The port must be a number";
        }
    }

    @Override
    protected void okPressed() {
        if (problem() != null) {
            return;
        }
        String tokenText = token.getText();
        String key = serverKey.getText().trim();
        endpoint = new Endpoint(host.getText().trim(), Integer.parseInt(port.getText().trim()),
                tokenText.isEmpty() ? Optional.empty() : Optional.of(tokenText), key.isEmpty() ? Optional.empty() : Optional.of(key));
        tokenRemembered = rememberToken.getSelection();
        super.okPressed();
    }

    /** @return the endpoint entered, once the dialog closed with OK */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return whether the user asked to remember the token */
    public boolean tokenRemembered() {
        return tokenRemembered;
    }
}
