package eu.interlink.coproduction.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds a cycle in a prerequisite graph: an item that, through its prerequisites, needs itself finished first. */
final class Cycles {
    private Cycles() {
    }

    /** @return an id on a cycle, or null when there is none; edges to unknown ids are ignored */
    static String find(Map<String, List<String>> prerequisites) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (String start : new java.util.TreeSet<>(prerequisites.keySet())) {
            String found = visit(start, prerequisites, state);
            if (found != null) return found;
        }
        return null;
    }

    private static String visit(String id, Map<String, List<String>> graph, Map<String, Integer> state) {
        Integer s = state.get(id);
        if (s != null) return s == 1 ? id : null;
        state.put(id, 1);
        for (String next : graph.getOrDefault(id, List.of())) {
            if (!graph.containsKey(next)) continue;
            String found = visit(next, graph, state);
            if (found != null) return found;
        }
        state.put(id, 2);
        return null;
    }
}
