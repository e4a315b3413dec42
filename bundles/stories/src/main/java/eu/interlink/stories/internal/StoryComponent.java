package eu.interlink.stories.internal;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.Rights;
import eu.interlink.coproduction.PermissionService;
import eu.interlink.coproduction.ProcessService;
import eu.interlink.coproduction.ProcessTransferService;
import eu.interlink.coproduction.TransferReport;
import eu.interlink.kernel.service.Events;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Sql;
import eu.interlink.store.Store;
import eu.interlink.stories.Publication;
import eu.interlink.stories.Story;
import eu.interlink.stories.StoryDraft;
import eu.interlink.stories.StoryEvents;
import eu.interlink.stories.StoryQuery;
import eu.interlink.stories.StoryRating;
import eu.interlink.stories.StoryService;

/**
 * Stories over the store. Publishing joins the clone, the new administrators, the freeze and the story's rows in
 * one transaction (nested work joins it), so a failure anywhere leaves neither a story nor a copy.
 */
@Component(service = StoryService.class)
public class StoryComponent implements StoryService {
    static final int MAX_KEYWORDS = 10;
    static final int MAX_MATERIALS = 20;
    static final int MAX_OWNERS = 20;

    private static final String COLUMNS = "s.id, s.process_id, s.source_process_id, s.title, s.summary, s.language, s.published_by,"
            + " s.published_at, s.updated_at,"
            + " (SELECT AVG(CAST(r.stars AS DOUBLE PRECISION)) FROM story_rating r WHERE r.story_id = s.id),"
            + " (SELECT COUNT(*) FROM story_rating r WHERE r.story_id = s.id)";

    @Reference
    private Store store;

    @Reference
    private ProcessService processes;

    @Reference
    private ProcessTransferService transfer;

    @Reference
    private PermissionService permissions;

    @Reference
    private EventAdmin events;

    @Override
    public Publication publish(String processId, StoryDraft draft, String user) {
        requireSignedIn(user, "publish a story");
        if (draft == null) throw new FieldException("title", "A story needs a title and a summary");
        String title = text("title", draft.title(), 200, true);
        String summary = text("summary", draft.summary(), 10_000, true);
        List<String> keywords = keywords(draft.keywords());
        List<Story.Material> materials = materials(draft.materials());
        List<String> owners = owners(draft.owners(), user);
        Publication published = store.inTransaction(c -> {
            CoproductionProcess source = processes.find(processId)
                    .orElseThrow(() -> KernelException.notFound("Process", processId));
            Rights rights = permissions.rights(processId, Optional.empty(), user);
            if (!rights.read()) throw KernelException.notFound("Process", processId);
            if (!rights.administer() && !processes.isFrozen(processId)) {
                throw new KernelException(403, "not-an-administrator", "Not an administrator",
                        "Only an administrator of process '" + processId + "' may publish it as a story");
            }
            if (processes.isFrozen(processId)) {
                throw new KernelException(409, "process-frozen", "Already a story",
                        "Process '" + processId + "' is itself a published story's copy; publish the process it was copied from");
            }
            if (source.status() != ItemStatus.FINISHED) {
                throw new KernelException(409, "process-not-finished", "Process not finished",
                        "Only a finished process can be published as a story; process '" + processId + "' is "
                                + source.status().label());
            }
            TransferReport copy = transfer.cloneProcess(processId, Optional.of(source.name()), Optional.empty(), user);
            String copyId = copy.process().id();
            for (String owner : owners) {
                if (!owner.equals(user)) processes.addAdministrator(copyId, owner, user);
            }
            processes.freeze(copyId, user);
            String id = UUID.randomUUID().toString();
            Instant now = Instant.now();
            Sql.update(c, "INSERT INTO story (id, process_id, source_process_id, title, summary, language, published_by, published_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, copyId, processId, title, summary,
                    copy.process().language().code(), user, now, now);
            writeKeywords(c, id, keywords);
            writeMaterials(c, id, materials);
            for (String owner : owners) Sql.update(c, "INSERT INTO story_owner (story_id, user_name) VALUES (?, ?)", id, owner);
            return new Publication(read(c, id).orElseThrow(), copy);
        });
        post(StoryEvents.PUBLISHED, published.story(), user, Map.of("sourceProcess", processId));
        return published;
    }

    @Override
    public Optional<Story> find(String id) {
        return store.inTransaction(c -> read(c, id));
    }

    @Override
    public Optional<Story> findByProcess(String processId) {
        return store.inTransaction(c -> Sql.query(c, "SELECT id FROM story WHERE process_id = ?", rs -> rs.getString(1), processId)
                .stream().findFirst().flatMap(id -> {
                    try {
                        return read(c, id);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    @Override
    public Page<Story> search(StoryQuery q) {
        int offset = Math.max(0, q.offset());
        int limit = Math.max(1, Math.min(100, q.limit()));
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        for (String word : q.text().map(t -> t.toLowerCase(Locale.ROOT).trim().split("\\s+")).orElse(new String[0])) {
            if (word.isEmpty()) continue;
            String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (LOWER(s.title) LIKE ? ESCAPE '\\' OR LOWER(s.summary) LIKE ? ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM story_keyword k WHERE k.story_id = s.id AND k.keyword LIKE ? ESCAPE '\\'))");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        q.keyword().map(k -> k.toLowerCase(Locale.ROOT).trim()).ifPresent(k -> {
            where.append(" AND EXISTS (SELECT 1 FROM story_keyword k WHERE k.story_id = s.id AND k.keyword = ?)");
            params.add(k);
        });
        q.language().ifPresent(l -> {
            where.append(" AND s.language = ?");
            params.add(l);
        });
        q.process().ifPresent(p -> {
            where.append(" AND (s.process_id = ? OR s.source_process_id = ?)");
            params.add(p);
            params.add(p);
        });
        String order = q.sort() == StoryQuery.Sort.RATING
                ? " ORDER BY 10 DESC NULLS LAST, 11 DESC, s.published_at DESC, s.id"
                : " ORDER BY s.published_at DESC, s.id";
        return store.inTransaction(c -> {
            int total = Sql.count(c, "SELECT COUNT(*) FROM story s" + where, params.toArray());
            List<Object> paged = new ArrayList<>(params);
            paged.add(limit);
            paged.add(offset);
            List<String> ids = Sql.query(c, "SELECT " + COLUMNS + " FROM story s" + where + order + " LIMIT ? OFFSET ?",
                    rs -> rs.getString(1), paged.toArray());
            List<Story> items = new ArrayList<>(ids.size());
            for (String id : ids) read(c, id).ifPresent(items::add);
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public List<KeywordCount> keywords(int limit) {
        return store.inTransaction(c -> Sql.query(c, "SELECT keyword, COUNT(*) FROM story_keyword GROUP BY keyword"
                + " ORDER BY COUNT(*) DESC, keyword LIMIT ?", rs -> new KeywordCount(rs.getString(1), rs.getInt(2)),
                Math.max(1, Math.min(200, limit))));
    }

    @Override
    public Story update(String id, StoryDraft changes, String user) {
        if (changes == null) throw new FieldException("title", "Send the parts to change");
        String title = changes.title() == null ? null : text("title", changes.title(), 200, true);
        String summary = changes.summary() == null ? null : text("summary", changes.summary(), 10_000, true);
        List<String> keywords = changes.keywords() == null ? null : keywords(changes.keywords());
        List<Story.Material> materials = changes.materials() == null ? null : materials(changes.materials());
        if (changes.owners() != null) {
            throw new FieldException("owners", "The owners are chosen when publishing; they are the copy's administrators");
        }
        Story updated = store.inTransaction(c -> {
            Story s = requireOwner(c, id, user, "change story '" + id + "'");
            Sql.update(c, "UPDATE story SET title = ?, summary = ?, updated_at = ? WHERE id = ?",
                    title == null ? s.title() : title, summary == null ? s.summary() : summary, Instant.now(), id);
            if (keywords != null) {
                Sql.update(c, "DELETE FROM story_keyword WHERE story_id = ?", id);
                writeKeywords(c, id, keywords);
            }
            if (materials != null) {
                Sql.update(c, "DELETE FROM story_material WHERE story_id = ?", id);
                writeMaterials(c, id, materials);
            }
            return read(c, id).orElseThrow();
        });
        post(StoryEvents.UPDATED, updated, user, Map.of());
        return updated;
    }

    @Override
    public void unpublish(String id, String user) {
        Story gone = store.inTransaction(c -> {
            Story s = requireOwner(c, id, user, "unpublish story '" + id + "'");
            // Owners administer the frozen copy; deleting it deletes the story's rows (ON DELETE CASCADE).
            processes.delete(s.processId(), user);
            return s;
        });
        post(StoryEvents.UNPUBLISHED, gone, user, Map.of());
    }

    @Override
    public Story rate(String id, int stars, String comment, String user) {
        requireSignedIn(user, "rate a story");
        if (stars < 1 || stars > 5) throw new FieldException("stars", "A rating is 1 to 5 stars, not " + stars);
        String note = comment == null ? "" : text("comment", comment, 2000, false);
        Story rated = store.inTransaction(c -> {
            read(c, id).orElseThrow(() -> KernelException.notFound("Story", id));
            Instant now = Instant.now();
            if (Sql.update(c, "UPDATE story_rating SET stars = ?, comment = ?, rated_at = ? WHERE story_id = ? AND user_name = ?",
                    stars, note, now, id, user) == 0) {
                Sql.update(c, "INSERT INTO story_rating (story_id, user_name, stars, comment, rated_at) VALUES (?, ?, ?, ?, ?)",
                        id, user, stars, note, now);
            }
            return read(c, id).orElseThrow();
        });
        post(StoryEvents.RATED, rated, user, Map.of("stars", stars));
        return rated;
    }

    @Override
    public Page<StoryRating> ratings(String id, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(100, limit));
        return store.inTransaction(c -> {
            read(c, id).orElseThrow(() -> KernelException.notFound("Story", id));
            int total = Sql.count(c, "SELECT COUNT(*) FROM story_rating WHERE story_id = ?", id);
            List<StoryRating> items = Sql.query(c, "SELECT user_name, stars, comment, rated_at FROM story_rating WHERE story_id = ?"
                    + " ORDER BY rated_at DESC, user_name LIMIT ? OFFSET ?",
                    rs -> new StoryRating(rs.getString(1), rs.getInt(2), rs.getString(3), Sql.instant(rs, 4)), id, size, from);
            return new Page<>(items, total, from, size);
        });
    }

    private Story requireOwner(Connection c, String id, String user, String what) throws SQLException {
        requireSignedIn(user, what);
        Story s = read(c, id).orElseThrow(() -> KernelException.notFound("Story", id));
        if (!s.owners().contains(user)) {
            throw new KernelException(403, "not-an-owner", "Not an owner", "Only an owner of story '" + id + "' may " + what.split(" ")[0] + " it");
        }
        return s;
    }

    private static Optional<Story> read(Connection c, String id) throws SQLException {
        List<Story> found = Sql.query(c, "SELECT " + COLUMNS + " FROM story s WHERE s.id = ?", rs -> row(c, rs), id);
        return found.stream().findFirst();
    }

    private static Story row(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        List<String> keywords = Sql.query(c, "SELECT keyword FROM story_keyword WHERE story_id = ? ORDER BY keyword", r -> r.getString(1), id);
        List<Story.Material> materials = Sql.query(c, "SELECT title, url FROM story_material WHERE story_id = ? ORDER BY position",
                r -> new Story.Material(r.getString(1), r.getString(2)), id);
        String publisher = rs.getString(7);
        List<String> owners = new ArrayList<>(Sql.query(c, "SELECT user_name FROM story_owner WHERE story_id = ? ORDER BY user_name",
                r -> r.getString(1), id));
        if (owners.remove(publisher)) owners.add(0, publisher);
        double average = rs.getDouble(10);
        return new Story(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), keywords,
                materials, owners, publisher, Sql.instant(rs, 8), Sql.instant(rs, 9), Math.round(average * 100) / 100.0, rs.getInt(11));
    }

    private static void writeKeywords(Connection c, String id, List<String> keywords) throws SQLException {
        for (String k : keywords) Sql.update(c, "INSERT INTO story_keyword (story_id, keyword) VALUES (?, ?)", id, k);
    }

    private static void writeMaterials(Connection c, String id, List<Story.Material> materials) throws SQLException {
        for (int i = 0; i < materials.size(); i++) {
            Sql.update(c, "INSERT INTO story_material (story_id, position, title, url) VALUES (?, ?, ?, ?)", id, i,
                    materials.get(i).title(), materials.get(i).url());
        }
    }

    private static void requireSignedIn(String user, String what) {
        if (user == null || user.isBlank() || "anonymous".equals(user)) {
            throw new KernelException(401, "unauthenticated", "Not signed in", "Sign in to " + what);
        }
    }

    private static String text(String field, String value, int max, boolean required) {
        String t = value == null ? "" : value.strip();
        if (required && t.isEmpty()) throw new FieldException(field, "'" + field + "' cannot be empty");
        if (t.length() > max) throw new FieldException(field, "'" + field + "' is at most " + max + " characters");
        return t;
    }

    private static List<String> keywords(List<String> given) {
        if (given == null) return List.of();
        if (given.size() > MAX_KEYWORDS) throw new FieldException("keywords", "At most " + MAX_KEYWORDS + " keywords");
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String k = given.get(i) == null ? "" : given.get(i).strip().toLowerCase(Locale.ROOT);
            if (k.isEmpty() || k.length() > 50) throw new FieldException("keywords[" + i + "]", "A keyword is 1 to 50 characters");
            kept.add(k);
        }
        return List.copyOf(kept);
    }

    private static List<Story.Material> materials(List<Story.Material> given) {
        if (given == null) return List.of();
        if (given.size() > MAX_MATERIALS) throw new FieldException("materials", "At most " + MAX_MATERIALS + " materials");
        List<Story.Material> kept = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Story.Material m = given.get(i);
            if (m == null) throw new FieldException("materials[" + i + "]", "A material has a title and a url");
            String title = text("materials[" + i + "].title", m.title(), 200, true);
            String url = m.url() == null ? "" : m.url().strip();
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new FieldException("materials[" + i + "].url", "Not a URL: give an http or https address");
            }
            if (url.length() > 2000 || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new FieldException("materials[" + i + "].url", "A material's url is an http or https address of at most 2000 characters");
            }
            kept.add(new Story.Material(title, url));
        }
        return kept;
    }

    private static List<String> owners(List<String> given, String publisher) {
        LinkedHashSet<String> owners = new LinkedHashSet<>();
        owners.add(publisher);
        if (given != null) {
            if (given.size() > MAX_OWNERS) throw new FieldException("owners", "At most " + MAX_OWNERS + " owners");
            for (int i = 0; i < given.size(); i++) {
                String o = given.get(i) == null ? "" : given.get(i).strip();
                if (o.isEmpty() || o.length() > 200) throw new FieldException("owners[" + i + "]", "An owner is a user name of 1 to 200 characters");
                owners.add(o);
            }
        }
        return List.copyOf(owners);
    }

    private void post(String topic, Story s, String user, Map<String, Object> details) {
        Map<String, Object> props = new LinkedHashMap<>(details);
        props.put(Events.SUBJECT_TYPE, "story");
        props.put(Events.SUBJECT_ID, s.id());
        props.put(Events.PROCESS_ID, s.processId());
        if (user != null) props.put(Events.ACTOR, user);
        events.postEvent(new Event(topic, props));
    }
}
