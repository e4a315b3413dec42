package eu.interlink.coproduction.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProcessFields;
import eu.interlink.coproduction.ProcessQuery;
import eu.interlink.coproduction.ProcessService;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;
import eu.interlink.store.Sql;

/** Processes and their administrators. */
@Component(service = ProcessService.class)
public class ProcessComponent implements ProcessService {
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_USER = 200;

    @Reference
    private Store store;

    @Reference
    private AssetService assets;

    @Reference
    private EventAdmin events;

    @Override
    public CoproductionProcess create(ProcessFields f, String user) {
        if (f.name() == null) throw new FieldException("name", "'name' is required");
        if (f.status() != null && f.status() != ItemStatus.AWAITING && f.status() != ItemStatus.IN_PROGRESS && f.status() != ItemStatus.FINISHED) {
            throw new FieldException("status", "Unknown status");
        }
        validate(f);
        Instant now = Instant.now();
        CoproductionProcess p = new CoproductionProcess(UUID.randomUUID().toString(), f.name().trim(), text(f.description()), text(f.aim()),
                text(f.idea()), text(f.organizationDescription()), text(f.challenges()), text(f.requirements()),
                f.language() == null ? Language.FALLBACK : f.language(), logotype(f.logotype()), f.tags() == null ? List.of() : tags(f.tags()),
                Boolean.TRUE.equals(f.isPublic()), f.status() == null ? ItemStatus.AWAITING : f.status(),
                Rollup.leaf(f.status() == null ? ItemStatus.AWAITING : f.status(), null, null).progress(), Optional.empty(), Optional.empty(),
                List.of(), List.of(user), user, now, now);
        CoproductionProcess created = store.inTransaction(c -> {
            ProcessTable.insert(c, p);
            ProcessTable.addAdministrator(c, p.id(), user, user);
            return ProcessTable.require(c, p.id());
        });
        post(CoproductionEvents.PROCESS_CREATED, created, user, Map.of("name", created.name()));
        return created;
    }

    @Override
    public Optional<CoproductionProcess> find(String id) {
        return store.inTransaction(c -> ProcessTable.find(c, id));
    }

    @Override
    public Page<CoproductionProcess> list(ProcessQuery query) {
        return store.inTransaction(c -> new Page<>(ProcessTable.page(c, query), ProcessTable.count(c, query), query.offset(), query.limit()));
    }

    @Override
    public CoproductionProcess update(String id, ProcessFields f, String user) {
        if (f.name() != null && f.name().isBlank()) throw new FieldException("name", "'name' cannot be blank");
        validate(f);
        List<String> changed = new ArrayList<>();
        CoproductionProcess updated = store.inTransaction(c -> {
            CoproductionProcess old = ProcessTable.requireAdministrator(c, id, user);
            ItemStatus status = old.status();
            double progress = old.progress();
            if (f.status() != null && f.status() != old.status()) {
                if (Tree.load(c, old).hasEnabledPhases()) {
                    throw new KernelException(409, "status-derived", "Status follows the tree",
                            "The status of process '" + id + "' is rolled up from its phases; change the status of its tasks instead");
                }
                status = f.status();
                progress = Rollup.leaf(status, null, null).progress();
            }
            CoproductionProcess p = new CoproductionProcess(id, pick(f.name() == null ? null : f.name().trim(), old.name(), "name", changed),
                    pick(f.description(), old.description(), "description", changed), pick(f.aim(), old.aim(), "aim", changed),
                    pick(f.idea(), old.idea(), "idea", changed),
                    pick(f.organizationDescription(), old.organizationDescription(), "organizationDescription", changed),
                    pick(f.challenges(), old.challenges(), "challenges", changed), pick(f.requirements(), old.requirements(), "requirements", changed),
                    pick(f.language(), old.language(), "language", changed),
                    f.logotype() == null ? old.logotype() : pick(logotype(f.logotype()), old.logotype(), "logotype", changed),
                    f.tags() == null ? old.tags() : pick(tags(f.tags()), old.tags(), "tags", changed),
                    pick(f.isPublic(), old.isPublic(), "isPublic", changed), pick(status, old.status(), "status", changed), progress,
                    old.startDate(), old.endDate(), old.schemas(), old.administrators(), old.createdBy(), old.createdAt(), Instant.now());
            if (changed.isEmpty()) return old;
            ProcessTable.update(c, p);
            if (status != old.status()) ProcessTable.rollup(c, id, status, progress, null, null);
            return ProcessTable.require(c, id);
        });
        if (!changed.isEmpty()) post(CoproductionEvents.PROCESS_UPDATED, updated, user, Map.of("fields", String.join(",", changed)));
        return updated;
    }

    private static <T> T pick(T given, T old, String field, List<String> changed) {
        if (given == null || given.equals(old)) return old;
        changed.add(field);
        return given;
    }

    @Override
    public void delete(String id, String user) {
        CoproductionProcess deleted = store.inTransaction(c -> {
            CoproductionProcess p = ProcessTable.requireAdministratorOfAny(c, id, user);
            Tree tree = Tree.load(c, p);
            assets.deleteForTasks(tree.taskIds(List.copyOf(tree.byId.keySet())), new Caller(user));
            TreeTable.deleteAll(c, id);
            ProcessTable.delete(c, id);
            return p;
        });
        post(CoproductionEvents.PROCESS_DELETED, deleted, user, Map.of("name", deleted.name()));
    }

    @Override
    public CoproductionProcess addAdministrator(String id, String administrator, String user) {
        String name = userName(administrator, "user");
        CoproductionProcess p = store.inTransaction(c -> {
            CoproductionProcess old = ProcessTable.requireAdministrator(c, id, user);
            if (old.administrators().contains(name)) {
                throw new KernelException(409, "already-an-administrator", "Already an administrator",
                        "'" + Text.clip(name) + "' already administers process '" + id + "'");
            }
            ProcessTable.addAdministrator(c, id, name, user);
            ProcessTable.touch(c, id);
            return ProcessTable.require(c, id);
        });
        post(CoproductionEvents.ADMINISTRATOR_ADDED, p, user, Map.of("administrator", name));
        return p;
    }

    @Override
    public CoproductionProcess removeAdministrator(String id, String administrator, String user) {
        CoproductionProcess p = store.inTransaction(c -> {
            CoproductionProcess old = ProcessTable.requireAdministrator(c, id, user);
            if (!old.administrators().contains(administrator)) {
                throw new KernelException(404, "not-found", "Administrator not found",
                        "'" + Text.clip(administrator) + "' is not an administrator of process '" + id + "'");
            }
            if (old.administrators().size() == 1) {
                throw new KernelException(409, "last-administrator", "Last administrator",
                        "'" + Text.clip(administrator) + "' is the last administrator of process '" + id + "'; add another one first");
            }
            ProcessTable.removeAdministrator(c, id, administrator);
            ProcessTable.touch(c, id);
            return ProcessTable.require(c, id);
        });
        post(CoproductionEvents.ADMINISTRATOR_REMOVED, p, user, Map.of("administrator", administrator));
        return p;
    }

    /** A user name as the platform takes it until accounts exist: 1 to 200 printable characters. */
    static String userName(String name, String field) {
        if (name == null || name.isBlank() || name.length() > MAX_USER || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new FieldException(field, "A user name is 1 to " + MAX_USER + " printable characters");
        }
        return name.trim();
    }

    private static void validate(ProcessFields f) {
        if (f.name() != null && (f.name().isBlank() || f.name().length() > MAX_NAME)) {
            throw new FieldException("name", "'name' is 1 to " + MAX_NAME + " characters");
        }
        limit(f.description(), "description");
        limit(f.aim(), "aim");
        limit(f.idea(), "idea");
        limit(f.organizationDescription(), "organizationDescription");
        limit(f.challenges(), "challenges");
        limit(f.requirements(), "requirements");
        if (f.logotype() != null) logotype(f.logotype());
        if (f.tags() != null) tags(f.tags());
    }

    private static void limit(String text, String field) {
        if (text != null && text.length() > MAX_TEXT) throw new FieldException(field, "'" + field + "' is at most " + MAX_TEXT + " characters");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The logotype is a link to an image: an absolute http(s) URL; empty removes it. */
    static Optional<String> logotype(String url) {
        if (url == null || url.isEmpty()) return Optional.empty();
        try {
            URI uri = new URI(url);
            if (url.length() <= 2000 && uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.of(url);
            }
        } catch (URISyntaxException bad) {
            // reported below
        }
        throw new FieldException("logotype", "'logotype' is the absolute http or https URL of an image, at most 2000 characters");
    }

    private static List<String> tags(List<String> tags) {
        if (tags.size() > 30) throw new FieldException("tags", "At most 30 tags");
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String t = tags.get(i);
            if (t == null || t.isBlank() || t.length() > 50) throw new FieldException("tags[" + i + "]", "A tag is 1 to 50 characters");
            kept.add(t.trim());
        }
        return List.copyOf(kept);
    }

    @Override
    public CoproductionProcess freeze(String id, String user) {
        CoproductionProcess frozen = store.inTransaction(c -> {
            CoproductionProcess p = ProcessTable.requireAdministrator(c, id, user);
            Sql.update(c, "UPDATE coproduction_process SET frozen = TRUE WHERE id = ?", id);
            return p;
        });
        post(CoproductionEvents.PROCESS_FROZEN, frozen, user, Map.of());
        return frozen;
    }

    @Override
    public boolean isFrozen(String id) {
        return store.inTransaction(c -> Access.frozen(c, id));
    }

    private void post(String topic, CoproductionProcess p, String user, Map<String, Object> details) {
        Poster.post(events, topic, "process", p.id(), user, p.id(), details);
    }
}
