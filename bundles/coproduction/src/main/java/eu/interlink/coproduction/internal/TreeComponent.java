package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import eu.interlink.coproduction.CoproductionEvents;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemFields;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.ProcessTree;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaItem;
import eu.interlink.coproduction.SchemaService;
import eu.interlink.coproduction.Translated;
import eu.interlink.coproduction.TreeItem;
import eu.interlink.coproduction.TreeService;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;

/**
 * The tree of each process. Every change loads the process's tree, checks the rules, writes, and rolls up in
 * one transaction; events are posted once it has committed.
 */
@Component(service = TreeService.class)
public class TreeComponent implements TreeService {

    @Reference
    private Store store;

    @Reference
    private SchemaService schemas;

    @Reference
    private AssetService assets;

    @Reference
    private EventAdmin events;

    @Override
    public ProcessTree tree(String processId) {
        return store.inTransaction(c -> view(c, processId));
    }

    private static ProcessTree view(Connection c, String processId) throws SQLException {
        Tree t = Tree.load(c, ProcessTable.require(c, processId));
        return new ProcessTree(t.process, t.view());
    }

    @Override
    public Optional<TreeItem> item(String processId, String itemId) {
        return store.inTransaction(c -> {
            Tree t = Tree.load(c, ProcessTable.require(c, processId));
            return t.byId.containsKey(itemId) ? Optional.of(t.view(itemId)) : Optional.empty();
        });
    }

    @Override
    public ProcessTree instantiate(String processId, String schemaId, String user) {
        if (schemaId == null || schemaId.isBlank()) throw new FieldException("schema", "'schema' names the schema to copy, such as \"default\"");
        Schema schema = schemas.find(schemaId).orElseThrow(() -> new FieldException("schema", "There is no schema '" + Text.clip(schemaId) + "'"));
        ProcessTree tree = store.inTransaction(c -> {
            CoproductionProcess p = ProcessTable.requireAdministrator(c, processId, user);
            if (TreeTable.any(c, processId)) {
                throw new KernelException(409, "tree-exists", "The process has a tree",
                        "Process '" + processId + "' already has a tree; clear it (DELETE its schema) before copying another");
            }
            Instant now = Instant.now();
            Map<String, String> copies = new HashMap<>();
            List<SchemaItem> all = new ArrayList<>();
            copy(c, p.id(), null, schema.phases(), schema.id(), user, now, copies, all);
            for (SchemaItem item : all) {
                List<String> linked = item.prerequisites().stream().map(copies::get).filter(java.util.Objects::nonNull).toList();
                if (!linked.isEmpty()) TreeTable.setPrerequisites(c, copies.get(item.id()), linked);
            }
            ProcessTable.touch(c, processId);
            Tree.load(c, ProcessTable.require(c, processId)).rollup(c);
            return view(c, processId);
        });
        Poster.post(events, CoproductionEvents.TREE_INSTANTIATED, "process", processId, user, processId, Map.of("schema", schema.id()));
        return tree;
    }

    private static void copy(Connection c, String processId, String parentId, List<SchemaItem> items, String schemaId, String user,
            Instant now, Map<String, String> copies, List<SchemaItem> all) throws SQLException {
        int position = 0;
        for (SchemaItem item : items) {
            String id = UUID.randomUUID().toString();
            copies.put(item.id(), id);
            all.add(item);
            TreeTable.insert(c, new TreeTable.Row(id, processId, item.type(), parentId, position++, item.name(), item.description(),
                    ItemStatus.AWAITING, 0, null, null, item.problemProfiles(), schemaId, item.id(), null, null, user, now, now));
            copy(c, processId, id, item.children(), schemaId, user, now, copies, all);
        }
    }

    @Override
    public void clear(String processId, String user) {
        int removed = store.inTransaction(c -> {
            CoproductionProcess p = ProcessTable.requireAdministrator(c, processId, user);
            Tree t = Tree.load(c, p);
            if (t.byId.isEmpty()) throw new KernelException(404, "not-found", "No tree", "Process '" + processId + "' has no tree to clear");
            assets.deleteForTasks(t.taskIds(List.copyOf(t.byId.keySet())), new Caller(user));
            TreeTable.deleteAll(c, processId);
            ProcessTable.touch(c, processId);
            Tree.load(c, ProcessTable.require(c, processId)).rollup(c);
            return t.byId.size();
        });
        Poster.post(events, CoproductionEvents.TREE_CLEARED, "process", processId, user, processId, Map.of("items", removed));
    }

    @Override
    public TreeItem add(String processId, ItemFields f, String user) {
        if (f.type() == null) throw new FieldException("type", "'type' is one of phase, objective, task");
        if (f.name() == null || f.name().isEmpty()) throw new FieldException("name", "'name' is required");
        TreeItem added = store.inTransaction(c -> {
            Tree t = Tree.load(c, ProcessTable.requireAdministrator(c, processId, user));
            String parentId = parent(t, f);
            TreeTable.Row draft = new TreeTable.Row(UUID.randomUUID().toString(), processId, f.type(), parentId,
                    TreeTable.nextPosition(c, processId, parentId), Translated.EMPTY, Translated.EMPTY, ItemStatus.AWAITING, 0,
                    null, null, List.of(), null, null, null, null, user, Instant.now(), Instant.now());
            TreeTable.Row row = apply(t, draft, f, new ArrayList<>());
            TreeTable.insert(c, row);
            t.byId.put(row.id(), row);
            List<String> prerequisites = f.prerequisites() == null ? List.of() : prerequisites(t, row, f.prerequisites());
            TreeTable.setPrerequisites(c, row.id(), prerequisites);
            t.prerequisites.put(row.id(), prerequisites);
            checkStatus(t, row, row.status());
            ProcessTable.touch(c, processId);
            return settle(c, processId, row.id());
        });
        Poster.post(events, CoproductionEvents.ITEM_CREATED, "treeitem", added.id(), user, processId,
                Map.of("type", Text.label(added.type()), "name", added.name().in(eu.interlink.coproduction.Language.FALLBACK).orElse("")));
        return added;
    }

    /** The parent a new item goes under: none for a phase, a phase for an objective, an objective for a task. */
    private static String parent(Tree t, ItemFields f) {
        if (f.type() == ItemType.PHASE) {
            if (f.parentId() != null) throw new FieldException("parent", "A phase has no parent: it belongs to the process");
            return null;
        }
        ItemType wanted = f.type() == ItemType.OBJECTIVE ? ItemType.PHASE : ItemType.OBJECTIVE;
        if (f.parentId() == null) throw new FieldException("parent", "'parent' names the " + Text.label(wanted) + " of the new " + Text.label(f.type()));
        TreeTable.Row parent = t.byId.get(f.parentId());
        if (parent == null || parent.type() != wanted) {
            throw new FieldException("parent", "There is no " + Text.label(wanted) + " '" + Text.clip(f.parentId()) + "' in process '" + t.process.id() + "'");
        }
        return parent.id();
    }

    @Override
    public TreeItem update(String processId, String itemId, ItemFields f, String user) {
        if (f.type() != null) throw new FieldException("type", "The type of an item cannot change");
        if (f.parentId() != null) throw new FieldException("parent", "An item cannot move to another parent");
        List<String> changed = new ArrayList<>();
        TreeItem updated = store.inTransaction(c -> {
            Tree t = Tree.load(c, ProcessTable.requireAdministrator(c, processId, user));
            TreeTable.Row old = requireItem(t, itemId);
            TreeTable.Row row = apply(t, old, f, changed);
            if (f.prerequisites() != null) {
                List<String> prerequisites = prerequisites(t, row, f.prerequisites());
                if (!prerequisites.equals(t.prerequisitesOf(itemId))) {
                    changed.add("prerequisites");
                    TreeTable.setPrerequisites(c, itemId, prerequisites);
                    t.prerequisites.put(itemId, prerequisites);
                }
            }
            if (row.status() != old.status() || changed.contains("prerequisites")) checkStatus(t, row, row.status());
            if (changed.isEmpty()) return t.view(itemId);
            TreeTable.update(c, new TreeTable.Row(row.id(), row.processId(), row.type(), row.parentId(), row.position(), row.name(),
                    row.description(), row.status(), row.progress(), row.startDate(), row.endDate(), row.problemProfiles(), row.schemaId(),
                    row.schemaItemId(), row.disabledAt(), row.disabledBy(), row.createdBy(), row.createdAt(), Instant.now()));
            ProcessTable.touch(c, processId);
            return settle(c, processId, itemId);
        });
        if (!changed.isEmpty()) {
            Poster.post(events, CoproductionEvents.ITEM_UPDATED, "treeitem", itemId, user, processId, Map.of("fields", String.join(",", changed),
                    "status", updated.status().label()));
        }
        return updated;
    }

    /** Moves an awaiting task to in progress, when its prerequisites allow; for a new asset. Returns whether it moved. */
    static boolean start(Connection c, String processId, String taskId) throws SQLException {
        Tree t = Tree.load(c, ProcessTable.require(c, processId));
        TreeTable.Row task = t.byId.get(taskId);
        if (task == null || task.status() != ItemStatus.AWAITING || t.blocker(task).isPresent()) return false;
        TreeTable.update(c, with(task, ItemStatus.IN_PROGRESS, task.startDate(), task.endDate()));
        ProcessTable.touch(c, processId);
        Tree.load(c, ProcessTable.require(c, processId)).rollup(c);
        return true;
    }

    @Override
    public TreeItem setDisabled(String processId, String itemId, boolean disabled, String user) {
        TreeItem item = store.inTransaction(c -> {
            Tree t = Tree.load(c, ProcessTable.requireAdministrator(c, processId, user));
            TreeTable.Row r = requireItem(t, itemId);
            if (disabled == !r.enabled()) return t.view(itemId);
            TreeTable.update(c, new TreeTable.Row(r.id(), r.processId(), r.type(), r.parentId(), r.position(), r.name(), r.description(),
                    r.status(), r.progress(), r.startDate(), r.endDate(), r.problemProfiles(), r.schemaId(), r.schemaItemId(),
                    disabled ? Instant.now() : null, disabled ? user : null, r.createdBy(), r.createdAt(), Instant.now()));
            ProcessTable.touch(c, processId);
            return settle(c, processId, itemId);
        });
        Poster.post(events, disabled ? CoproductionEvents.ITEM_DISABLED : CoproductionEvents.ITEM_ENABLED, "treeitem", itemId, user, processId, Map.of());
        return item;
    }

    @Override
    public void delete(String processId, String itemId, String user) {
        store.inTransaction(c -> {
            Tree t = Tree.load(c, ProcessTable.requireAdministrator(c, processId, user));
            requireItem(t, itemId);
            assets.deleteForTasks(t.taskIds(t.subtree(itemId)), new Caller(user));
            TreeTable.delete(c, itemId);
            ProcessTable.touch(c, processId);
            Tree.load(c, ProcessTable.require(c, processId)).rollup(c);
            return null;
        });
        Poster.post(events, CoproductionEvents.ITEM_DELETED, "treeitem", itemId, user, processId, Map.of());
    }

    /** Rolls the tree up and answers the item as it is now. */
    private static TreeItem settle(Connection c, String processId, String itemId) throws SQLException {
        Tree.load(c, ProcessTable.require(c, processId)).rollup(c);
        return Tree.load(c, ProcessTable.require(c, processId)).view(itemId);
    }

    static TreeTable.Row requireItem(Tree t, String itemId) {
        TreeTable.Row r = t.byId.get(itemId);
        if (r == null) throw new KernelException(404, "not-found", "Item not found", "Process '" + t.process.id() + "' has no item '" + Text.clip(itemId) + "'");
        return r;
    }

    /** The fields of {@code f} applied to {@code row}, checked; names what changed into {@code changed}. */
    private static TreeTable.Row apply(Tree t, TreeTable.Row row, ItemFields f, List<String> changed) {
        boolean task = row.type() == ItemType.TASK;
        Translated name = row.name();
        if (f.name() != null) {
            SchemaRules.texts(f.name(), "name", SchemaRules.MAX_NAME, false);
            if (!row.name().with(f.name()).equals(name)) {
                name = row.name().with(f.name());
                changed.add("name");
            }
        }
        Translated description = row.description();
        if (f.description() != null) {
            SchemaRules.texts(f.description(), "description", SchemaRules.MAX_TEXT, false);
            if (!row.description().with(f.description()).equals(description)) {
                description = row.description().with(f.description());
                changed.add("description");
            }
        }
        ItemStatus status = row.status();
        if (f.status() != null && f.status() != row.status()) {
            if (!task) throw new FieldException("status", "Status is set on tasks; a " + Text.label(row.type()) + " takes its status from its children");
            status = f.status();
            changed.add("status");
        }
        LocalDate start = row.startDate();
        LocalDate end = row.endDate();
        if (f.startDate() != null || f.endDate() != null) {
            if (!task) {
                throw new FieldException(f.startDate() != null ? "startDate" : "endDate",
                        "Dates are set on tasks; a " + Text.label(row.type()) + " takes its dates from its children");
            }
            if (f.startDate() != null && !java.util.Objects.equals(f.startDate().orElse(null), start)) {
                start = f.startDate().orElse(null);
                changed.add("startDate");
            }
            if (f.endDate() != null && !java.util.Objects.equals(f.endDate().orElse(null), end)) {
                end = f.endDate().orElse(null);
                changed.add("endDate");
            }
            if (start != null && end != null && end.isBefore(start)) {
                throw new FieldException("endDate", "'endDate' (" + end + ") is before 'startDate' (" + start + ")");
            }
        }
        List<String> profiles = row.problemProfiles();
        if (f.problemProfiles() != null) {
            SchemaRules.profiles(f.problemProfiles(), "problemProfiles");
            if (!f.problemProfiles().equals(profiles)) {
                profiles = f.problemProfiles();
                changed.add("problemProfiles");
            }
        }
        return new TreeTable.Row(row.id(), row.processId(), row.type(), row.parentId(), row.position(), name, description,
                task ? status : row.status(), task ? Rollup.leaf(status, null, null).progress() : row.progress(),
                task ? start : row.startDate(), task ? end : row.endDate(), profiles, row.schemaId(), row.schemaItemId(),
                row.disabledAt(), row.disabledBy(), row.createdBy(), row.createdAt(), row.updatedAt());
    }

    private static TreeTable.Row with(TreeTable.Row r, ItemStatus status, LocalDate start, LocalDate end) {
        return new TreeTable.Row(r.id(), r.processId(), r.type(), r.parentId(), r.position(), r.name(), r.description(), status,
                Rollup.leaf(status, null, null).progress(), start, end, r.problemProfiles(), r.schemaId(), r.schemaItemId(), r.disabledAt(),
                r.disabledBy(), r.createdBy(), r.createdAt(), Instant.now());
    }

    /** Checked prerequisites of {@code row}: items of the same process and type, not itself, no cycle. */
    private static List<String> prerequisites(Tree t, TreeTable.Row row, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "prerequisites[" + i + "]";
            TreeTable.Row p = ids.get(i) == null ? null : t.byId.get(ids.get(i));
            if (p == null) throw new FieldException(field, "Unknown id '" + Text.clip(ids.get(i)) + "': a prerequisite is an item of the same process");
            if (p.id().equals(row.id())) throw new FieldException(field, "An item cannot be its own prerequisite");
            if (p.type() != row.type()) {
                throw new FieldException(field, "A prerequisite of a " + Text.label(row.type()) + " is another " + Text.label(row.type()));
            }
            if (!out.contains(p.id())) out.add(p.id());
        }
        Map<String, List<String>> graph = new HashMap<>(t.prerequisites);
        graph.put(row.id(), out);
        for (String id : t.byId.keySet()) graph.putIfAbsent(id, List.of());
        if (Cycles.find(graph) != null) throw new FieldException("prerequisites", "These prerequisites would go round in a circle");
        return out;
    }

    /**
     * The prerequisite rule: an item may be in progress or finished only when every enabled prerequisite of its
     * own, of its objective and of its phase is finished.
     */
    private static void checkStatus(Tree t, TreeTable.Row row, ItemStatus status) {
        if (status == ItemStatus.AWAITING) return;
        Optional<TreeTable.Row> blocker = t.blocker(row);
        if (blocker.isPresent()) {
            TreeTable.Row b = blocker.get();
            throw new KernelException(409, "prerequisite-not-finished", "Prerequisite not finished",
                    "The " + Text.label(row.type()) + " cannot be " + status.label() + " before its prerequisite " + Text.label(b.type()) + " '"
                            + b.name().in(eu.interlink.coproduction.Language.FALLBACK).orElse(b.id()) + "' (" + b.id() + ") is finished");
        }
    }
}
