// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import blitz.ui.preferences.PreferencePageContribution;

/** What Blitz's own page contributions share: a fixed id, label and order. */
abstract class PageContribution implements PreferencePageContribution {
    private final String id;
    private final String label;
    private final int order;

    PageContribution(String id, String label, int order) {
        this.id = id;
        this.label = label;
        this.order = order;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public int order() {
        return order;
    }
}
