// SPDX-License-Identifier: EPL-2.0
package blitz.ui.charts.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import blitz.model.sync.LiveVariable;
import blitz.ui.variables.VariableLook;

/**
 * The Plot's variables: the ones listed (the open session's, or the live ones seen so far, in the
 * board's order) and the ticked ones. The ticks are names, kept across a switch between a session and
 * live mode: a ticked variable the other side also has stays ticked.
 */
final class PlotVariables {
    private final Map<String, Variable> listed = new LinkedHashMap<>();
    private List<String> ticked = List.of();

    /** Lists a session's variables; keeps the ticked ones it has, or ticks its first. */
    void open(List<Variable> variables) {
        listed.clear();
        variables.forEach(variable -> listed.put(variable.name(), variable));
        List<String> kept = ticked.stream().filter(listed::containsKey).toList();
        ticked = kept.isEmpty() ? listed.keySet().stream().limit(1).toList() : kept;
    }

    /** Lists nothing, keeping the ticks (live mode lists its variables as they arrive). */
    void clear() {
        listed.clear();
    }

    /** @return whether a live variable not listed yet was added; all stay in the board's order */
    boolean addLive(List<LiveVariable> latest, VariableLook look) {
        boolean added = false;
        for (LiveVariable variable : latest) {
            added |= listed.putIfAbsent(variable.name(),
                    new Variable(variable.name(), -1, variable.unit(), look.rgb(variable.name()))) == null;
        }
        if (added) {
            List<Variable> ordered = listed.values().stream().sorted(Comparator.comparing(Variable::name, look.order()))
                    .toList();
            listed.clear();
            ordered.forEach(variable -> listed.put(variable.name(), variable));
        }
        return added;
    }

    List<Variable> listed() {
        return List.copyOf(listed.values());
    }

    boolean isEmpty() {
        return listed.isEmpty();
    }

    /** @return the ticked names (some perhaps not listed yet) */
    List<String> tickedNames() {
        return ticked;
    }

    void tick(List<String> names) {
        ticked = List.copyOf(names);
    }

    /** @return the listed variables that are ticked, in the list's order */
    List<Variable> ticked() {
        return listed.values().stream().filter(variable -> ticked.contains(variable.name())).toList();
    }
}
