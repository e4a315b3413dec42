package eu.interlink.coproduction.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.ImportService;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.internal.SeedReader.Kind;
import eu.interlink.coproduction.internal.SeedReader.SeedEntry;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;

/**
 * Imports a seed folder: problem profiles, then Interlinkers of every nature, in one transaction with a savepoint
 * per item (an item that fails to save is reported and the others go on; a crash leaves the catalogue as it was),
 * then every other registered {@link SeedImport} (schemas…). An item whose content digest equals the stored one
 * is not written at all, so a second import of the same folder changes nothing.
 */
@Component
public class ImportComponent implements ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportComponent.class);
    static final String SEED_IMPORT_KIND = "import";

    @Reference
    private Store store;

    @Reference
    private CatalogueState catalogue;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<SeedImport> seedImports;

    /** One import at a time: two at once would race on the same ids. */
    private final ReentrantLock running = new ReentrantLock();

    public ImportComponent() {
    }

    /** For tests outside a framework. */
    ImportComponent(Store store, CatalogueState catalogue, List<SeedImport> seedImports) {
        this.store = store;
        this.catalogue = catalogue;
        this.seedImports = seedImports;
    }

    @Override
    public ImportReport importFolder(Path folder) {
        Path root = checkFolder(folder);
        if (!running.tryLock()) {
            throw new KernelException(409, "import-running", "Import running", "Another import is running; try again when it has finished");
        }
        try {
            long start = System.nanoTime();
            ImportReport.Builder report = new ImportReport.Builder(root.toString());
            SeedReader reader = new SeedReader(root, report);
            boolean changed = store.inTransaction(c -> importCatalogue(c, reader, report));
            if (changed) catalogue.changed();
            reader.reportUnusedTranslations();
            List<SeedImport> others = seedImports;
            for (SeedImport part : others == null ? List.<SeedImport>of() : others) {
                try {
                    part.run(root, report);
                } catch (RuntimeException e) {
                    LOG.warn("Seed import part {} failed on {}", part.getClass().getName(), root, e);
                    report.issue(SEED_IMPORT_KIND, part.getClass().getSimpleName(), "failed and was skipped: " + e.getMessage());
                }
            }
            ImportReport done = report.build();
            LOG.info("Imported {} in {} ms: {}; {} issue(s)", root, (System.nanoTime() - start) / 1_000_000, done.total(), done.issues().size());
            return done;
        } finally {
            running.unlock();
        }
    }

    /** The folder's real path, or a 400 naming {@code folder}. */
    static Path checkFolder(Path folder) {
        if (folder == null) throw new FieldException("folder", "'folder' is required: the absolute path of a folder in the seed format");
        if (!folder.isAbsolute()) throw new FieldException("folder", "'folder' must be an absolute path, not '" + folder + "'");
        if (!Files.isDirectory(folder)) throw new FieldException("folder", "'folder' " + folder + " is not a folder on the server");
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new FieldException("folder", "'folder' " + folder + " cannot be read: " + e.getMessage());
        }
        if (!SeedReader.isSeedFolder(root)) {
            throw new FieldException("folder", "'folder' " + folder + " is not in the seed format: it has none of "
                    + SeedReader.PROFILES_FILE + ", interlinkers/, schemas/");
        }
        return root;
    }

    private boolean importCatalogue(Connection c, SeedReader reader, ImportReport.Builder report) throws Exception {
        boolean changed = false;
        Map<String, String> profileDigests = ProfileTables.digests(c);
        Set<String> knownProfiles = new HashSet<>(profileDigests.keySet());
        for (ProblemProfile p : reader.problemProfiles()) {
            knownProfiles.add(p.id());
            String digest = ProfileTables.digest(p);
            String old = profileDigests.get(p.id());
            if (digest.equals(old)) {
                report.unchanged(SeedReader.PROFILE_KIND);
                continue;
            }
            try {
                store.inTransaction(x -> {
                    ProfileTables.save(c, p, digest, old != null);
                    return null;
                });
                if (old == null) report.created(SeedReader.PROFILE_KIND);
                else report.updated(SeedReader.PROFILE_KIND);
                changed = true;
            } catch (RuntimeException e) {
                report.issue(SeedReader.PROFILE_KIND, p.id(), "could not be saved: " + e.getMessage());
            }
        }

        Map<String, CatalogueTables.Stamp> stamps = CatalogueTables.stamps(c);
        Map<String, String> seen = new HashMap<>();
        for (Kind kind : Kind.values()) {
            for (Path dir : reader.items(kind)) {
                Optional<SeedEntry> read = reader.entry(kind, dir, knownProfiles);
                if (read.isEmpty()) continue;
                StoredEntry e = read.get().entry();
                String earlier = seen.putIfAbsent(e.id(), e.source());
                if (earlier != null) {
                    report.issue(kind.label(), e.id(), "the id of " + e.source() + " is already used by " + earlier + "; skipped");
                    continue;
                }
                CatalogueTables.Stamp stamp = stamps.get(e.id());
                if (stamp != null && CatalogueEntry.API.equals(stamp.origin())) {
                    report.issue(kind.label(), e.id(), "an external entry made through the API has this id; it is kept and this item skipped");
                    continue;
                }
                if (stamp != null && CatalogueEntry.PACK.equals(stamp.origin())) {
                    report.issue(kind.label(), e.id(), "a knowledge pack has this id; its entry is kept and this item skipped");
                    continue;
                }
                if (stamp != null && stamp.digest().equals(e.digest())) {
                    report.unchanged(kind.label());
                    continue;
                }
                try {
                    store.inTransaction(x -> {
                        CatalogueTables.save(c, e, stamp != null);
                        CatalogueTables.writeFiles(c, e.id(), stamp != null ? CatalogueTables.fileRefs(c, e.id()) : List.of(), read.get().files());
                        return null;
                    });
                    if (stamp == null) report.created(kind.label());
                    else report.updated(kind.label());
                    changed = true;
                } catch (RuntimeException failed) {
                    report.issue(kind.label(), e.id(), "could not be saved: " + failed.getMessage());
                }
            }
        }
        return changed;
    }
}
