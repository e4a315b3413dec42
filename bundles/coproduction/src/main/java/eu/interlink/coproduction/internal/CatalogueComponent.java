package eu.interlink.coproduction.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.CatalogueQuery;
import eu.interlink.coproduction.CatalogueResult;
import eu.interlink.coproduction.CatalogueService;
import eu.interlink.coproduction.EntryDraft;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.Rating;
import eu.interlink.coproduction.internal.StoredEntry.FileRef;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Sql;
import eu.interlink.store.Store;

/**
 * The catalogue and the problem profiles. Reads are answered from an in-memory {@link CatalogueIndex}, rebuilt
 * lazily when the kept entries change (a write here, or an import calling {@link #changed()}) or when the
 * registry's revision moves; only files and ratings lists are read from the database per request.
 */
@Component(service = {CatalogueService.class, CatalogueState.class})
public class CatalogueComponent implements CatalogueService, CatalogueState {
    static final int MAX_TEXT = 2000;
    static final int MAX_USER = 200;

    @Reference
    private Store store;

    @Reference
    private InterlinkerRegistry registry;

    /** Grows with every change to the kept tables; the index and the kept rows are tagged with it. */
    private final AtomicLong keptRevision = new AtomicLong(1);
    private volatile CatalogueIndex index;
    private static final long SHARED_CHECK_NANOS = 1_000_000_000L;
    private volatile long sharedSeen;
    private volatile long sharedCheckedAt = System.nanoTime() - SHARED_CHECK_NANOS;
    private long builds;

    public CatalogueComponent() {
    }

    /** For tests outside a framework. */
    CatalogueComponent(Store store, InterlinkerRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    @Override
    public void changed() {
        // The other nodes learn of it through the shared counter; this one reloads at once.
        sharedSeen = store.inTransaction(c -> {
            Sql.update(c, "UPDATE catalogue_revision SET revision = revision + 1 WHERE id = 1");
            return sharedRevision(c);
        });
        keptRevision.incrementAndGet();
    }

    /**
     * Follows changes made by other nodes on the same database: at most once a second, the shared counter is read,
     * and the index is rebuilt when it moved. A single node pays one small query a second for it.
     */
    private void followOtherNodes() {
        long now = System.nanoTime();
        if (now - sharedCheckedAt < SHARED_CHECK_NANOS) return;
        sharedCheckedAt = now;
        long shared = store.inTransaction(CatalogueComponent::sharedRevision);
        if (shared != sharedSeen) {
            sharedSeen = shared;
            keptRevision.incrementAndGet();
        }
    }

    private static long sharedRevision(java.sql.Connection c) throws java.sql.SQLException {
        return Sql.query(c, "SELECT revision FROM catalogue_revision WHERE id = 1", rs -> rs.getLong(1)).get(0);
    }

    /** The index for the current revisions, rebuilt (by one thread at a time) when either moved. */
    CatalogueIndex current() {
        followOtherNodes();
        long kept = keptRevision.get();
        long reg = registry.revision();
        CatalogueIndex i = index;
        if (i != null && i.keptRevision == kept && i.registryRevision == reg) return i;
        synchronized (this) {
            i = index;
            kept = keptRevision.get();
            reg = registry.revision();
            if (i != null && i.keptRevision == kept && i.registryRevision == reg) return i;
            CatalogueIndex.Kept rows = i != null && i.keptRevision == kept ? i.kept : load(kept);
            List<InterlinkerEntry> registrations = registry.search(new InterlinkerQuery(Optional.empty(), Optional.empty(), "en", 0, Integer.MAX_VALUE)).items();
            i = CatalogueIndex.build(++builds, rows, reg, registrations);
            index = i;
            return i;
        }
    }

    private CatalogueIndex.Kept load(long revision) {
        return store.inTransaction(c -> new CatalogueIndex.Kept(revision, CatalogueTables.loadAll(c), CatalogueTables.ratingSummaries(c),
                ProfileTables.loadAll(c)));
    }

    // ---- reads --------------------------------------------------------------------------------------------

    @Override
    public Optional<CatalogueEntry> find(String id) {
        return id == null ? Optional.empty() : current().find(id);
    }

    private CatalogueEntry require(String id) {
        return find(id).orElseThrow(() -> KernelException.notFound("Interlinker", id));
    }

    @Override
    public CatalogueResult search(CatalogueQuery query) {
        return current().search(query);
    }

    @Override
    public long revision() {
        return current().number;
    }

    @Override
    public List<CatalogueEntry> related(String id, Language language, int limit) {
        CatalogueEntry e = require(id);
        return current().sharing(e.problemProfiles(), id, language, limit);
    }

    @Override
    public List<CatalogueEntry> recommend(Collection<String> problemProfiles, Language language, int limit) {
        return current().sharing(problemProfiles, null, language, limit);
    }

    @Override
    public Optional<CatalogueFile> resource(String entryId, Language language) {
        Optional<CatalogueEntry> e = find(entryId);
        if (e.isEmpty() || e.get().resources().isEmpty()) return Optional.empty();
        var resources = e.get().resources();
        String lang = resources.containsKey(language.code()) ? language.code()
                : resources.containsKey(Language.FALLBACK.code()) ? Language.FALLBACK.code() : resources.keySet().iterator().next();
        return file(entryId, FileRef.RESOURCE, lang, 0);
    }

    @Override
    public Optional<CatalogueFile> logo(String entryId) {
        return find(entryId).flatMap(CatalogueEntry::logo).isPresent() ? file(entryId, FileRef.LOGO, "", 0) : Optional.empty();
    }

    @Override
    public Optional<CatalogueFile> snapshot(String entryId, int index) {
        Optional<CatalogueEntry> e = find(entryId);
        if (e.isEmpty() || index < 0 || index >= e.get().snapshots().size()) return Optional.empty();
        return file(entryId, FileRef.SNAPSHOT, "", index);
    }

    private Optional<CatalogueFile> file(String entryId, String kind, String lang, int seq) {
        return store.inTransaction(c -> CatalogueTables.readFile(c, entryId, kind, lang, seq));
    }

    @Override
    public List<ProblemProfile> profiles() {
        return current().kept.profiles();
    }

    // ---- writes -------------------------------------------------------------------------------------------

    @Override
    public CatalogueEntry create(EntryDraft draft) {
        StoredEntry entry = Drafts.toEntry(draft, profileIds());
        if (find(entry.id()).isPresent() || registry.find(entry.id()).isPresent()) throw taken(entry.id());
        store.inTransaction(c -> {
            if (CatalogueTables.stamp(c, entry.id()).isPresent()) throw taken(entry.id());
            CatalogueTables.save(c, entry, false);
            return null;
        });
        changed();
        return require(entry.id());
    }

    @Override
    public CatalogueEntry update(String id, EntryDraft draft) {
        requireApiEntry(id);
        if (draft.id() != null && !draft.id().isEmpty() && !draft.id().equals(id)) {
            throw new FieldException("id", "'id' must be '" + id + "', the entry's id in the path, or left out: ids do not change");
        }
        StoredEntry entry = Drafts.toEntry(new EntryDraft(id, draft.nature(), draft.name(), draft.description(), draft.instructions(),
                draft.constraints(), draft.regulations(), draft.uri(), draft.tags(), draft.problemProfiles(), draft.difficulty(), draft.licence(),
                draft.targets(), draft.types(), draft.administrativeScopes(), draft.form(), draft.format(), draft.languages(),
                draft.sustainability()), profileIds());
        store.inTransaction(c -> {
            requireApiStamp(id, CatalogueTables.stamp(c, id));
            CatalogueTables.save(c, entry, true);
            return null;
        });
        changed();
        return require(id);
    }

    @Override
    public void delete(String id) {
        requireApiEntry(id);
        store.inTransaction(c -> {
            requireApiStamp(id, CatalogueTables.stamp(c, id));
            CatalogueTables.deleteEntry(c, id);
            return null;
        });
        changed();
    }

    private void requireApiEntry(String id) {
        CatalogueEntry e = require(id);
        if (!CatalogueEntry.API.equals(e.origin())) {
            throw new KernelException(409, "not-editable", "Not editable", "Interlinker '" + id + "' comes from "
                    + (CatalogueEntry.BUNDLE.equals(e.origin()) ? "a bundle" : CatalogueEntry.PACK.equals(e.origin()) ? "a knowledge pack" : "an import") + ": only external entries made through the API can be changed or deleted here");
        }
    }

    private static void requireApiStamp(String id, Optional<CatalogueTables.Stamp> stamp) {
        if (stamp.isEmpty()) throw KernelException.notFound("Interlinker", id);
        if (!CatalogueEntry.API.equals(stamp.get().origin())) {
            throw new KernelException(409, "not-editable", "Not editable", "Interlinker '" + id + "' did not come from the API: it cannot be changed here");
        }
    }

    private static KernelException taken(String id) {
        return new KernelException(409, "conflict", "Id taken", "There is already an Interlinker '" + id + "'");
    }

    private Set<String> profileIds() {
        Set<String> ids = new HashSet<>();
        for (ProblemProfile p : profiles()) ids.add(p.id());
        return ids;
    }

    // ---- ratings ------------------------------------------------------------------------------------------

    @Override
    public Rating rate(String entryId, String user, int value, String text) {
        require(entryId);
        if (user == null || user.isBlank() || user.length() > MAX_USER) {
            throw new FieldException("user", "A rating needs the name of who gives it (1 to " + MAX_USER + " characters)");
        }
        if (value < 1 || value > 5) throw new FieldException("value", "'value' must be an integer from 1 to 5, not " + value);
        String comment = text == null || text.isBlank() ? null : text.strip();
        if (comment != null && comment.length() > MAX_TEXT) {
            throw new FieldException("text", "'text' may have at most " + MAX_TEXT + " characters");
        }
        Rating saved;
        try {
            saved = store.inTransaction(c -> CatalogueTables.rate(c, entryId, user.strip(), value, comment));
        } catch (RuntimeException first) {
            // Two first ratings of one user at once: the second insert hits the key; as an update it succeeds.
            if (!duplicateKey(first)) throw first;
            saved = store.inTransaction(c -> CatalogueTables.rate(c, entryId, user.strip(), value, comment));
        }
        changed();
        return saved;
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    @Override
    public Page<Rating> ratings(String entryId, int offset, int limit) {
        require(entryId);
        return store.inTransaction(c -> CatalogueTables.ratings(c, entryId, offset, limit));
    }
}
