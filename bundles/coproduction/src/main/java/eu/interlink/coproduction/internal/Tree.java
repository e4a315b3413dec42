package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.TreeItem;

/** One process's tree, loaded whole (a tree is tens to a few hundred items): navigation, roll-up, views. */
final class Tree {
    final CoproductionProcess process;
    final Map<String, TreeTable.Row> byId = new LinkedHashMap<>();
    final Map<String, List<TreeTable.Row>> children = new HashMap<>();
    final Map<String, List<String>> prerequisites;

    private Tree(CoproductionProcess process, List<TreeTable.Row> rows, Map<String, List<String>> prerequisites) {
        this.process = process;
        this.prerequisites = prerequisites;
        for (TreeTable.Row r : rows) {
            byId.put(r.id(), r);
            children.computeIfAbsent(r.parentId() == null ? process.id() : r.parentId(), k -> new ArrayList<>()).add(r);
        }
    }

    static Tree load(Connection c, CoproductionProcess process) throws SQLException {
        return new Tree(process, TreeTable.load(c, process.id()), TreeTable.prerequisites(c, process.id()));
    }

    List<TreeTable.Row> childrenOf(String id) {
        return children.getOrDefault(id, List.of());
    }

    List<TreeTable.Row> phases() {
        return childrenOf(process.id());
    }

    Optional<TreeTable.Row> parent(TreeTable.Row r) {
        return r.parentId() == null ? Optional.empty() : Optional.ofNullable(byId.get(r.parentId()));
    }

    List<String> prerequisitesOf(String id) {
        return prerequisites.getOrDefault(id, List.of());
    }

    boolean hasEnabledPhases() {
        return phases().stream().anyMatch(TreeTable.Row::enabled);
    }

    /** The ids of an item and everything under it. */
    List<String> subtree(String id) {
        List<String> out = new ArrayList<>();
        out.add(id);
        for (TreeTable.Row child : childrenOf(id)) out.addAll(subtree(child.id()));
        return out;
    }

    List<String> taskIds(List<String> ids) {
        return ids.stream().filter(id -> byId.get(id).type() == ItemType.TASK).toList();
    }

    /**
     * The first prerequisite that keeps {@code item} from being in progress or finished: an enabled item not
     * finished among its own prerequisites and those of its objective and phase (a task of an objective that
     * waits for another cannot start either).
     */
    Optional<TreeTable.Row> blocker(TreeTable.Row item) {
        for (TreeTable.Row at = item; at != null; at = parent(at).orElse(null)) {
            for (String p : prerequisitesOf(at.id())) {
                TreeTable.Row pre = byId.get(p);
                if (pre != null && pre.enabled() && pre.status() != ItemStatus.FINISHED) return Optional.of(pre);
            }
        }
        return Optional.empty();
    }

    /** Rolls status, progress and dates up to the process and writes what changed. */
    void rollup(Connection c) throws SQLException {
        Rollup.Input root = new Rollup.Input(process.id(), process.status(), null, null, true, inputs(process.id()));
        Map<String, Rollup.Result> results = Rollup.compute(root, i -> byId.containsKey(i.id()) && byId.get(i.id()).type() == ItemType.TASK);
        for (TreeTable.Row r : List.copyOf(byId.values())) {
            Rollup.Result x = results.get(r.id());
            if (x.status() != r.status() || x.progress() != r.progress() || !java.util.Objects.equals(x.start(), r.startDate())
                    || !java.util.Objects.equals(x.end(), r.endDate())) {
                TreeTable.rollup(c, r.id(), x.status(), x.progress(), x.start(), x.end());
                byId.put(r.id(), new TreeTable.Row(r.id(), r.processId(), r.type(), r.parentId(), r.position(), r.name(), r.description(),
                        x.status(), x.progress(), x.start(), x.end(), r.problemProfiles(), r.schemaId(), r.schemaItemId(), r.disabledAt(),
                        r.disabledBy(), r.createdBy(), r.createdAt(), r.updatedAt()));
            }
        }
        Rollup.Result p = results.get(process.id());
        if (p.status() != process.status() || p.progress() != process.progress() || !java.util.Objects.equals(p.start(), process.startDate().orElse(null))
                || !java.util.Objects.equals(p.end(), process.endDate().orElse(null))) {
            ProcessTable.rollup(c, process.id(), p.status(), p.progress(), p.start(), p.end());
        }
    }

    private List<Rollup.Input> inputs(String parentId) {
        return childrenOf(parentId).stream()
                .map(r -> new Rollup.Input(r.id(), r.status(), r.type() == ItemType.TASK ? r.startDate() : null,
                        r.type() == ItemType.TASK ? r.endDate() : null, r.enabled(), inputs(r.id())))
                .toList();
    }

    List<TreeItem> view() {
        return items(process.id());
    }

    TreeItem view(String id) {
        TreeTable.Row r = byId.get(id);
        return new TreeItem(r.id(), r.processId(), r.type(), Optional.ofNullable(r.parentId()), r.name(), r.description(), r.status(),
                r.progress(), Optional.ofNullable(r.startDate()), Optional.ofNullable(r.endDate()), r.problemProfiles(), prerequisitesOf(r.id()),
                Optional.ofNullable(r.schemaId()), Optional.ofNullable(r.schemaItemId()), Optional.ofNullable(r.disabledBy()),
                Optional.ofNullable(r.disabledAt()), r.createdBy(), r.createdAt(), r.updatedAt(), items(r.id()));
    }

    private List<TreeItem> items(String parentId) {
        return childrenOf(parentId).stream().map(r -> view(r.id())).toList();
    }
}
