// SPDX-License-Identifier: EPL-2.0
package org.example.blitz.soil.ui;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.model.sync.LiveValues;
import blitz.model.sync.LiveVariable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The soil probe's latest values, from the workbench's live values. The bundle's model fragment
 * (fragment.e4xmi) adds it to the workbench; E4 creates it and injects what it asks for.
 */
public class SoilProbeView {
    static final String WAITING = "Waiting for live values from a soil probe (board 0x31)";
    private static final Logger LOG = LoggerFactory.getLogger(SoilProbeView.class);
    private static final int BOARD_ID = 0x31;

    private Label text;
    private AutoCloseable subscription;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        text = new Label(parent, SWT.WRAP);
        text.setText(WAITING);
        LOG.info("Soil probe view shown");
    }

    /**
     * Method injection, not a field: E4 calls it again whenever the live-values service comes or goes
     * ({@code null} then), which is where the view subscribes and unsubscribes.
     */
    @Inject
    public void setLiveValues(@Optional @Service LiveValues live) {
        unsubscribe();
        if (live != null) {
            subscription = live.subscribe(this::show);
        }
    }

    private void show(List<LiveVariable> batch) {
        String values = batch.stream().filter(variable -> variable.boardId() == BOARD_ID)
                .map(variable -> String.format(Locale.ROOT, "%s %.2f %s", variable.name(), variable.value(), variable.unit()))
                .reduce((a, b) -> a + "\n" + b).orElse("");
        if (!values.isEmpty() && text != null && !text.isDisposed()) {
            text.getDisplay().asyncExec(() -> {
                if (!text.isDisposed()) {
                    text.setText(values);
                }
            });
        }
    }

    @PreDestroy
    public void unsubscribe() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("live values gone before the view: {}", e.toString());
            }
            subscription = null;
        }
    }
}
