// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import blitz.model.connection.Endpoint;
import blitz.testing.swt.UiFixture;

/** The connect dialog's optional CURVE server key: checked as typed, passed on in the endpoint. */
class ConnectDialogTest {
    private static final String KEY = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";

    @Test
    void aServerKeyIsCheckedAndEndsUpInTheEndpoint() {
        assertTrue(Endpoint.isCurveKey(KEY));
        try (UiFixture ui = new UiFixture()) {
            ConnectDialog dialog = new ConnectDialog(ui.shell(), Endpoint.of("127.0.0.1", 8999));
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                Text keyField = fieldAfter(dialog, "Server &key (CURVE, optional):");
                Button ok = UiFixture.find(dialog.getShell(), Button.class).stream()
                        .filter(button -> button.getText().equals(IDialogConstants.OK_LABEL)).findFirst().orElseThrow();
                keyField.setText("not a key");
                assertFalse(ok.isEnabled(), "a malformed key cannot be confirmed");
                assertTrue(dialog.getErrorMessage().contains("protocol:key"), dialog.getErrorMessage());
                keyField.setText(" " + KEY + " ");
                assertTrue(ok.isEnabled());
                ok.notifyListeners(SWT.Selection, null);
                assertEquals(new Endpoint("127.0.0.1", 8999, Optional.empty(), Optional.of(KEY)), dialog.endpoint());
            } finally {
                dialog.close();
            }
        }
    }

    /** @return the text field that follows the label with this text */
    private static Text fieldAfter(ConnectDialog dialog, String label) {
        List<Label> labels = UiFixture.find(dialog.getShell(), Label.class);
        Label found = labels.stream().filter(l -> label.equals(l.getText())).findFirst().orElseThrow();
        List<Control> siblings = List.of(found.getParent().getChildren());
        return (Text) siblings.get(siblings.indexOf(found) + 1);
    }
}
