package eu.interlink.coproduction.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.Blob;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.coproduction.CoproductionEvents;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProcessTransferService;
import eu.interlink.coproduction.TransferReport;
import eu.interlink.coproduction.TransferReport.Issue;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;
import eu.interlink.store.Sql;

/**
 * Clone, export and import of whole processes. Each is one transaction: a clone or an import that fails leaves
 * nothing behind, and an export reads one consistent state while it streams.
 */
@Component(service = ProcessTransferService.class)
public class TransferComponent implements ProcessTransferService {

    @Reference
    private Store store;

    @Reference
    private AssetService assets;

    @Reference
    private InterlinkerRegistry registry;

    @Reference
    private EventAdmin events;

    private String platformVersion = "unknown";

    @Activate
    void activate(BundleContext context) {
        platformVersion = context.getBundle().getVersion().toString();
    }

    // ------------------------------------------------------------------ clone

    @Override
    public TransferReport cloneProcess(String processId, Optional<String> name, Optional<Language> language, String user) {
        name.ifPresent(n -> {
            if (n.isBlank() || n.length() > ProcessComponent.MAX_NAME) {
                throw new FieldException("name", "'name' is 1 to " + ProcessComponent.MAX_NAME + " characters");
            }
        });
        List<Issue> issues = new ArrayList<>();
        int[] copied = {0};
        CoproductionProcess made = store.inTransaction(c -> {
            issues.clear();
            copied[0] = 0;
            CoproductionProcess source = ProcessTable.requireAdministrator(c, processId, user);
            Instant now = Instant.now();
            String id = UUID.randomUUID().toString();
            ProcessTable.insert(c, new CoproductionProcess(id, name.map(String::trim).orElse(source.name()), source.description(), source.aim(),
                    source.idea(), source.organizationDescription(), source.challenges(), source.requirements(), language.orElse(source.language()),
                    source.logotype(), source.tags(), source.isPublic(), source.status(), source.progress(), source.startDate(), source.endDate(),
                    List.of(), List.of(user), user, now, now));
            ProcessTable.addAdministrator(c, id, user, user);
            Tree tree = Tree.load(c, source);
            Map<String, String> ids = new HashMap<>();
            for (String old : tree.byId.keySet()) ids.put(old, UUID.randomUUID().toString());
            for (TreeTable.Row phase : tree.phases()) insertSubtree(c, tree, phase, id, ids);
            for (Map.Entry<String, List<String>> p : tree.prerequisites.entrySet()) {
                TreeTable.setPrerequisites(c, ids.get(p.getKey()), p.getValue().stream().map(ids::get).filter(Objects::nonNull).toList());
            }
            for (Grant g : Grant.of(c, processId)) g.insert(c, id, g.itemId() == null ? null : ids.get(g.itemId()), user);
            Caller caller = new Caller(user);
            for (AssetRows.Row a : AssetRows.ofProcess(c, processId)) {
                String task = ids.get(a.taskId());
                if (task == null) continue; // left behind by a task that is gone: not part of the tree any more
                try {
                    // The kernel copies through the Interlinker (its clone capability) in a savepoint of this
                    // transaction: a refusal undoes only that asset's writes.
                    AssetRecord copy = assets.copy(a.id(), source.language().locale(), caller);
                    AssetRows.place(c, copy.id(), id, task);
                    copied[0]++;
                } catch (KernelException refused) {
                    issues.add(new Issue("asset-not-copied", a.id(), "Asset '" + a.name() + "'" + (a.interlinkerId() == null ? "" : " of Interlinker '"
                            + a.interlinkerId() + "'") + " was not copied (" + refused.status() + " " + refused.type() + "): " + refused.getMessage()));
                }
            }
            return ProcessTable.require(c, id);
        });
        Poster.post(events, CoproductionEvents.PROCESS_CLONED, "process", made.id(), user, made.id(),
                Map.of("source", processId, "name", made.name(), "assets", copied[0], "notCopied", issues.size()));
        return new TransferReport(made, copied[0], issues);
    }

    private static void insertSubtree(Connection c, Tree tree, TreeTable.Row r, String processId, Map<String, String> ids) throws SQLException {
        TreeTable.insert(c, new TreeTable.Row(ids.get(r.id()), processId, r.type(), r.parentId() == null ? null : ids.get(r.parentId()),
                r.position(), r.name(), r.description(), r.status(), r.progress(), r.startDate(), r.endDate(), r.problemProfiles(), r.schemaId(),
                r.schemaItemId(), r.disabledAt(), r.disabledBy(), r.createdBy(), r.createdAt(), r.updatedAt()));
        for (TreeTable.Row child : tree.childrenOf(r.id())) insertSubtree(c, tree, child, processId, ids);
    }

    /** A team's grant on a process, as stored. */
    record Grant(String itemId, String teamId, boolean access, boolean create, boolean delete) {
        static List<Grant> of(Connection c, String processId) throws SQLException {
            return Sql.query(c, "SELECT tree_item_id, team_id, access_assets, create_assets, delete_assets FROM process_permission"
                    + " WHERE process_id = ? ORDER BY granted_at, id",
                    rs -> new Grant(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)), processId);
        }

        void insert(Connection c, String processId, String item, String user) throws SQLException {
            Sql.update(c, "INSERT INTO process_permission (id, process_id, tree_item_id, team_id, access_assets, create_assets, delete_assets,"
                    + " granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), processId, item, teamId, access,
                    create, delete, user, Instant.now());
        }
    }

    // ------------------------------------------------------------------ export

    @Override
    public void export(String processId, String user, ExportTarget target) throws IOException {
        try {
            store.inTransaction(c -> {
                CoproductionProcess p = ProcessTable.requireAdministrator(c, processId, user);
                ZipOutputStream zip = new ZipOutputStream(target.open(Archive.fileName(p)), StandardCharsets.UTF_8);
                ObjectNode manifest = Archive.manifest(p, Tree.load(c, p), platformVersion, user);
                ArrayNode grants = manifest.putArray("permissions");
                for (Grant g : Grant.of(c, processId)) {
                    ObjectNode o = grants.addObject();
                    o.put("team", g.teamId());
                    o.put("teamName", Sql.query(c, "SELECT name FROM team WHERE id = ?", rs -> rs.getString(1), g.teamId()).stream().findFirst().orElse(null));
                    o.put("item", g.itemId());
                    o.put("access", g.access());
                    o.put("createAssets", g.create());
                    o.put("deleteAssets", g.delete());
                }
                ArrayNode list = manifest.putArray("assets");
                int n = 0;
                for (AssetRows.Row a : AssetRows.ofProcess(c, processId)) {
                    exportAsset(c, zip, list.addObject(), a, "assets/" + n++ + "/", p.language(), user);
                }
                zip.putNextEntry(new ZipEntry(Archive.MANIFEST));
                zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                return null;
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException io) throw io; // the client went away
            throw e;
        }
        Poster.post(events, CoproductionEvents.PROCESS_EXPORTED, "process", processId, user, processId, Map.of());
    }

    private void exportAsset(Connection c, ZipOutputStream zip, ObjectNode m, AssetRows.Row a, String base, Language language, String user)
            throws Exception {
        m.put("id", a.id());
        m.put("task", a.taskId());
        m.put("kind", a.kind());
        m.put("interlinker", a.interlinkerId());
        m.put("name", a.name());
        m.put("uri", a.uri());
        m.put("language", a.language());
        m.put("createdBy", a.createdBy());
        m.put("createdAt", a.createdAt() == null ? null : a.createdAt().toString());
        if (a.interlinkerId() == null || "external".equals(a.kind())) return;
        if ("internal".equals(a.kind())) {
            m.put("dataVersion", AssetRows.dataVersion(c, a.interlinkerId()).orElse(null));
            m.put("interlinkerVersion", AssetRows.servingVersion(c, a.interlinkerId()).orElse(null));
        }
        // The kernel's raw data of the asset, exactly as stored: what an import restores.
        DocumentStore data = store.documents(a.interlinkerId(), a.id());
        ArrayNode docs = m.putArray("documents");
        int i = 0;
        for (String key : data.keys("")) {
            Optional<Document> d = data.get(key);
            if (d.isEmpty()) continue;
            String entry = base + "documents/" + i++ + ".json";
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(d.get().json().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            docs.addObject().put("key", key).put("version", d.get().version()).put("entry", entry);
        }
        ArrayNode blobs = m.putArray("blobs");
        i = 0;
        for (String key : data.blobKeys("")) {
            Optional<Blob> b = data.getBlob(key);
            if (b.isEmpty()) continue;
            String entry = base + "blobs/" + i++;
            zip.putNextEntry(new ZipEntry(entry));
            MessageDigest sha = sha256();
            long size;
            try (InputStream in = b.get().open()) {
                size = in.transferTo(new DigestOutputStream(unclosable(zip), sha));
            }
            zip.closeEntry();
            blobs.addObject().put("key", key).put("contentType", b.get().contentType()).put("size", size)
                    .put("sha256", HexFormat.of().formatHex(sha.digest())).put("entry", entry);
        }
        // The Interlinker's own export, for people; an import does not need it.
        if ("internal".equals(a.kind()) && !canDownload(a.interlinkerId())) {
            m.put("exportSkipped", "Interlinker '" + a.interlinkerId() + "' is not serving here or declares no download capability");
            return;
        }
        String[] opened = {null};
        try {
            assets.export(a.id(), language.locale(), new Caller(user), (fileName, contentType) -> {
                opened[0] = base + "export/" + Archive.safeFileName(fileName);
                zip.putNextEntry(new ZipEntry(opened[0]));
                m.putObject("export").put("entry", opened[0]).put("fileName", fileName).put("contentType", contentType);
                return unclosable(zip);
            });
        } catch (KernelException refused) {
            m.put("exportSkipped", refused.getMessage());
        }
        if (opened[0] != null) zip.closeEntry();
    }

    private boolean canDownload(String interlinkerId) {
        Optional<InterlinkerEntry> e = registry.find(interlinkerId);
        return e.isPresent() && e.get().serving() && e.get().descriptor().map(d -> d.can(Capability.DOWNLOAD)).orElse(false);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip's stream as a writer may see it: closing it ends nothing (the next entries follow). */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    // ------------------------------------------------------------------ import

    @Override
    public TransferReport importProcess(InputStream body, String user) throws IOException {
        Access.require(true, user, "import a process");
        Path file = Files.createTempFile("interlink-import-", ".zip");
        try {
            Archive.spool(body, file);
            try (ZipFile zip = Archive.open(file)) {
                Archive archive = Archive.read(zip);
                Restorer restorer = new Restorer(store, registry, archive, user);
                TransferReport report = store.inTransaction(c -> restorer.restore(c));
                Poster.post(events, CoproductionEvents.PROCESS_IMPORTED, "process", report.process().id(), user, report.process().id(),
                        Map.of("sourcePlatform", archive.platformVersion(), "sourceProcess", archive.sourceProcessId(), "assets", report.assets(),
                                "notCarriedOver", report.issues().size()));
                return report;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
