// SPDX-License-Identifier: EPL-2.0
package blitz.ui.internal.preferences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import blitz.ui.preferences.PreferencePageContribution;

/** Every {@link PreferencePageContribution} service (whiteboard), for the Preferences dialog. */
@Component(service = PreferencePages.class)
public final class PreferencePages {
    private static final Logger LOG = LoggerFactory.getLogger(PreferencePages.class);

    private final List<PreferencePageContribution> contributions = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeContribution")
    void addContribution(PreferencePageContribution contribution) {
        contributions.add(contribution);
    }

    void removeContribution(PreferencePageContribution contribution) {
        contributions.remove(contribution);
    }

    /** @return the contributions by order then label; of two with the same id the first registered wins */
    public List<PreferencePageContribution> pages() {
        Set<String> ids = new HashSet<>();
        List<PreferencePageContribution> pages = new ArrayList<>();
        for (PreferencePageContribution contribution : contributions) {
            if (ids.add(contribution.id())) {
                pages.add(contribution);
            } else {
                LOG.warn("Ignoring preference page {}: id {} is taken", contribution.getClass().getName(),
                        contribution.id());
            }
        }
        pages.sort(Comparator.comparingInt(PreferencePageContribution::order)
                .thenComparing(PreferencePageContribution::label));
        return pages;
    }
}
