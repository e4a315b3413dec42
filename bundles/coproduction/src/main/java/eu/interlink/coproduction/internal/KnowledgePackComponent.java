package eu.interlink.coproduction.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.KnowledgeCatalogue;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.coproduction.internal.CatalogueTables.NewFile;
import eu.interlink.coproduction.internal.StoredEntry.FileRef;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;
import eu.interlink.store.StoreException;

/**
 * Keeps the entries of knowledge packs in the catalogue's tables (origin {@code pack}, source the pack's name), so
 * that they are searched, rated and copied into knowledge assets like imported ones. Unchanged entries are not
 * written again (their digest is compared), so a platform that restarts with the same packs writes nothing.
 */
@Component
public class KnowledgePackComponent implements KnowledgeCatalogue {
    /** The {@code source} column's width. */
    static final int MAX_PACK_NAME = 1000;
    static final int MAX_ENTRIES = 500;

    @Reference
    private Store store;

    @Reference
    private CatalogueState catalogue;

    @Reference
    private InterlinkerRegistry registry;

    public KnowledgePackComponent() {
    }

    /** For tests outside a framework. */
    KnowledgePackComponent(Store store, CatalogueState catalogue, InterlinkerRegistry registry) {
        this.store = store;
        this.catalogue = catalogue;
        this.registry = registry;
    }

    private record Prepared(StoredEntry entry, List<NewFile> files) {
    }

    // One pack change at a time: two at once could both find an id free.
    @Override
    public synchronized List<String> publish(String pack, List<KnowledgeDraft> drafts) {
        requirePackName(pack);
        if (drafts == null || drafts.isEmpty()) throw new FieldException("entries", "a knowledge pack needs one Interlinker at least");
        if (drafts.size() > MAX_ENTRIES) throw new FieldException("entries", "a knowledge pack may have at most " + MAX_ENTRIES + " Interlinkers");
        Map<String, Prepared> wanted = new java.util.LinkedHashMap<>();
        for (KnowledgeDraft d : drafts) {
            Prepared p = prepare(d, pack);
            if (wanted.putIfAbsent(p.entry().id(), p) != null) {
                throw new FieldException("id", "the pack has two Interlinkers with the id '" + p.entry().id() + "'");
            }
            if (registry.find(p.entry().id()).isPresent()) {
                throw new KernelException(409, "conflict", "Id taken", "Interlinker '" + p.entry().id() + "' is a software Interlinker of a bundle");
            }
        }
        boolean changed = false;
        for (int attempt = 1; ; attempt++) {
            try {
                changed = write(pack, wanted);
                break;
            } catch (StoreException e) {
                // Nodes that boot together publish the same pack at once; the one that loses the race for an id
                // finds, on a second look, what the winner wrote (the same digest: nothing left to do).
                if (attempt >= 3 || !uniqueViolation(e)) throw e;
            }
        }
        if (changed) catalogue.changed();
        return List.copyOf(wanted.keySet());
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    private boolean write(String pack, Map<String, Prepared> wanted) {
        return store.inTransaction(c -> {
            Map<String, CatalogueTables.Stamp> stamps = CatalogueTables.stamps(c);
            Map<String, String> packOf = CatalogueTables.sources(c, CatalogueEntry.PACK);
            boolean any = false;
            for (Prepared p : wanted.values()) {
                String id = p.entry().id();
                CatalogueTables.Stamp stamp = stamps.get(id);
                if (stamp != null && !(CatalogueEntry.PACK.equals(stamp.origin()) && pack.equals(packOf.get(id)))) {
                    throw new KernelException(409, "conflict", "Id taken", "Interlinker '" + id + "' is already in the catalogue, from "
                            + (CatalogueEntry.PACK.equals(stamp.origin()) ? "the knowledge pack " + packOf.get(id)
                                    : CatalogueEntry.API.equals(stamp.origin()) ? "the API" : "an import"));
                }
                if (stamp != null && stamp.digest().equals(p.entry().digest())) continue;
                CatalogueTables.save(c, p.entry(), stamp != null);
                CatalogueTables.writeFiles(c, id, stamp != null ? CatalogueTables.fileRefs(c, id) : List.of(), p.files());
                any = true;
            }
            for (Map.Entry<String, String> old : packOf.entrySet()) {
                if (pack.equals(old.getValue()) && !wanted.containsKey(old.getKey())) {
                    CatalogueTables.removeKeepingRatings(c, old.getKey());
                    any = true;
                }
            }
            return any;
        });
    }

    private static Prepared prepare(KnowledgeDraft d, String pack) {
        List<NewFile> files = new ArrayList<>();
        d.resources().forEach((lang, f) -> files.add(file(FileRef.RESOURCE, lang, 0, f, "resources")));
        d.logo().ifPresent(f -> files.add(file(FileRef.LOGO, "", 0, f, "logo")));
        for (int i = 0; i < d.snapshots().size(); i++) files.add(file(FileRef.SNAPSHOT, "", i, d.snapshots().get(i), "snapshots"));
        List<FileRef> refs = files.stream().map(NewFile::ref).toList();
        try {
            return new Prepared(Drafts.toKnowledge(d, pack, refs), files);
        } catch (FieldException e) {
            String id = d.entry().id() == null ? "?" : d.entry().id();
            throw new FieldException(e.field(), "Interlinker '" + Drafts.clip(id) + "': " + e.getMessage());
        }
    }

    private static NewFile file(String kind, String lang, int seq, CatalogueFile f, String field) {
        if (f == null || f.name() == null || f.name().isBlank() || f.name().length() > 300 || f.content() == null) {
            throw new FieldException(field, "'" + field + "' has a file without a name or content");
        }
        String type = f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream" : f.contentType();
        FileRef ref = new FileRef(kind, lang, seq, f.name(), type, f.content().length, Digests.sha256(f.content()));
        return new NewFile(ref, f.content());
    }

    @Override
    public synchronized List<String> withdraw(String pack) {
        requirePackName(pack);
        List<String> removed = store.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, String> e : CatalogueTables.sources(c, CatalogueEntry.PACK).entrySet()) {
                if (pack.equals(e.getValue()) && CatalogueTables.removeKeepingRatings(c, e.getKey())) ids.add(e.getKey());
            }
            return ids;
        });
        if (!removed.isEmpty()) catalogue.changed();
        return removed;
    }

    @Override
    public Set<String> packs() {
        return store.inTransaction(c -> new LinkedHashSet<>(CatalogueTables.sources(c, CatalogueEntry.PACK).values()));
    }

    private static void requirePackName(String pack) {
        if (pack == null || pack.isBlank() || pack.length() > MAX_PACK_NAME) {
            throw new FieldException("pack", "a knowledge pack is named by its bundle's symbolic name (1 to " + MAX_PACK_NAME + " characters)");
        }
    }
}
