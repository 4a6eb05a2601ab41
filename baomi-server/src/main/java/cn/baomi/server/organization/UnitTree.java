package cn.baomi.server.organization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** All units as a tree: subtrees, and a depth-first order for indented lists. Not changed once built (it is shared). */
final class UnitTree {

    /** A unit with its depth below the top of the list it appears in. */
    record Node(Unit unit, int depth) {
    }

    private final Map<Long, Unit> byId = new HashMap<>();
    private final Map<Long, List<Unit>> children = new HashMap<>();

    UnitTree(List<Unit> units) {
        for (Unit unit : units) {
            byId.put(unit.id(), unit);
        }
        for (Unit unit : units) {
            Long parent = unit.parentId() != null && byId.containsKey(unit.parentId()) ? unit.parentId() : null;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
        }
    }

    /** The unit and every unit below it. */
    Set<Long> subtree(long rootId) {
        Set<Long> found = new LinkedHashSet<>();
        if (!byId.containsKey(rootId)) {
            return found;
        }
        Deque<Long> todo = new ArrayDeque<>(List.of(rootId));
        while (!todo.isEmpty()) {
            long id = todo.pop();
            if (found.add(id)) {
                children.getOrDefault(id, List.of()).forEach(c -> todo.push(c.id()));
            }
        }
        return found;
    }

    /** The given units depth-first; a unit whose parent is not among them starts a new branch. */
    List<Node> ordered(Set<Long> ids) {
        List<Node> out = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (Unit unit : byId.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            if (ids.contains(unit.id()) && (unit.parentId() == null || !ids.contains(unit.parentId()))) {
                walk(unit, 0, ids, seen, out);
            }
        }
        return out;
    }

    private void walk(Unit unit, int depth, Set<Long> ids, Set<Long> seen, List<Node> out) {
        if (!seen.add(unit.id())) {
            return;
        }
        out.add(new Node(unit, depth));
        for (Unit child : children.getOrDefault(unit.id(), List.of())) {
            if (ids.contains(child.id())) {
                walk(child, depth + 1, ids, seen, out);
            }
        }
    }

    Unit get(long id) {
        return byId.get(id);
    }

    java.util.Collection<Unit> all() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }
}
