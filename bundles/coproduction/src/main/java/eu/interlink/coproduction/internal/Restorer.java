package eu.interlink.coproduction.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import eu.interlink.api.DocumentStore;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.TransferReport;
import eu.interlink.coproduction.TransferReport.Issue;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.store.Store;
import eu.interlink.store.Sql;

/**
 * Makes a new process from a checked {@link Archive}, on the caller's transaction: any fault throws and the
 * transaction leaves nothing behind. What cannot be carried over is reported instead of refused: teams and users
 * this platform does not have, Interlinkers it does not serve, data in a shape its Interlinker cannot read.
 */
final class Restorer {
    private final Store store;
    private final InterlinkerRegistry registry;
    private final Archive archive;
    private final String user;
    private final List<Issue> issues = new ArrayList<>();

    Restorer(Store store, InterlinkerRegistry registry, Archive archive, String user) {
        this.store = store;
        this.registry = registry;
        this.archive = archive;
        this.user = user;
    }

    TransferReport restore(Connection c) throws Exception {
        issues.clear();
        Archive.Process p = archive.process;
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        Optional<String> logotype;
        try {
            logotype = ProcessComponent.logotype(p.logotype());
        } catch (FieldException bad) {
            throw Archive.invalid("process.logotype", "'logotype' must be an absolute http or https URL");
        }
        ProcessTable.insert(c, new CoproductionProcess(id, p.name(), orEmpty(p.description()), orEmpty(p.aim()), orEmpty(p.idea()),
                orEmpty(p.organizationDescription()), orEmpty(p.challenges()), orEmpty(p.requirements()), p.language(), logotype, p.tags(),
                p.isPublic(), p.status(), Rollup.leaf(p.status(), null, null).progress(), Optional.empty(), Optional.empty(), List.of(),
                List.of(user), user, now, now));
        ProcessTable.addAdministrator(c, id, user, user);
        for (String admin : p.administrators()) {
            if (admin.equals(user)) continue;
            // A name on another platform may be another person here: nobody is given rights by name alone.
            boolean exists = Sql.count(c, "SELECT COUNT(*) FROM account WHERE name = ?", admin) > 0;
            issues.add(exists
                    ? new Issue("administrator-not-added", admin, "'" + admin + "' administered the exported process; an account of that name exists here"
                            + " but was not made administrator, since it may be someone else. Add it if it is the same person")
                    : new Issue("user-not-found", admin, "'" + admin + "' administered the exported process and has no account here"));
        }
        Map<String, String> ids = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        for (Archive.Item i : archive.items) {
            String newId = UUID.randomUUID().toString();
            ids.put(i.id(), newId);
            String parent = i.parent() == null ? null : ids.get(i.parent());
            int position = positions.merge(parent == null ? id : parent, 1, Integer::sum) - 1;
            boolean task = i.type() == eu.interlink.coproduction.ItemType.TASK;
            TreeTable.insert(c, new TreeTable.Row(newId, id, i.type(), parent, position, i.name(), i.description(), i.status(),
                    Rollup.leaf(i.status(), null, null).progress(), task ? i.start() : null, task ? i.end() : null, i.problemProfiles(),
                    i.schemaId(), i.schemaItemId(), i.disabledBy() == null ? null : i.disabledAt() == null ? now : i.disabledAt(),
                    i.disabledBy(), i.createdBy() == null ? user : i.createdBy(), now, now));
        }
        for (Archive.Item i : archive.items) {
            if (!i.prerequisites().isEmpty()) TreeTable.setPrerequisites(c, ids.get(i.id()), i.prerequisites().stream().map(ids::get).toList());
        }
        // Status, progress and dates of parents and of the process follow from the tasks, whatever the zip said.
        CoproductionProcess made = ProcessTable.require(c, id);
        Tree.load(c, made).rollup(c);
        for (Archive.Grant g : archive.grants) grant(c, id, g, g.item() == null ? null : ids.get(g.item()));
        int restored = 0;
        for (Archive.Asset a : archive.assets) {
            if (asset(c, id, ids.get(a.task()), a)) restored++;
        }
        return new TransferReport(ProcessTable.require(c, id), restored, issues);
    }

    /**
     * A grant goes to the team of the same id when this platform has it (the zip came from here), else to the one
     * team of that name among the importer's own teams: a process is never opened to a team its importer does not
     * know, and the report does not tell whether other teams of that name exist.
     */
    private void grant(Connection c, String processId, Archive.Grant g, String item) throws SQLException {
        Optional<String> team = Sql.query(c, "SELECT id FROM team WHERE id = ?", rs -> rs.getString(1), g.team()).stream().findFirst();
        if (team.isEmpty() && g.teamName() != null) {
            List<String> mine = Sql.query(c, "SELECT id FROM team WHERE name = ? AND id IN (SELECT team_id FROM team_member WHERE user_name = ?)",
                    rs -> rs.getString(1), g.teamName(), user);
            if (mine.size() == 1) team = Optional.of(mine.get(0));
        }
        String name = g.teamName() == null ? g.team() : g.teamName();
        if (team.isEmpty()) {
            issues.add(new Issue("team-not-found", name, "The grant to team '" + name + "'" + (g.item() == null ? " on the whole process" : " on item '"
                    + g.item() + "'") + " was not carried over: no team of that id here, and not exactly one of that name among your teams"));
            return;
        }
        new TransferComponent.Grant(null, team.get(), g.access(), g.createAssets(), g.deleteAssets()).insert(c, processId, item, user);
    }

    private boolean asset(Connection c, String processId, String taskId, Archive.Asset a) throws SQLException, IOException {
        String assetId = UUID.randomUUID().toString();
        String label = "'" + a.name() + "'" + (a.interlinker() == null ? "" : " of Interlinker '" + a.interlinker() + "'");
        if (a.kind().equals("internal")) {
            Optional<Integer> here = AssetRows.dataVersion(c, a.interlinker());
            if (a.dataVersion() != null && here.isPresent() && !here.get().equals(a.dataVersion())) {
                issues.add(new Issue("data-version-differs", a.id() == null ? a.name() : a.id(), "Asset " + label + " was not imported: its data is in"
                        + " shape version " + a.dataVersion() + " and this platform keeps that Interlinker's data in version " + here.get()
                        + "; import it on a platform whose Interlinker has the same data version"));
                return false;
            }
            if (here.isEmpty() && a.dataVersion() != null) {
                // The platform never held this Interlinker's data: record the shape the restored data is in, so the
                // kernel migrates it forward (or refuses to serve it) when a version of the Interlinker arrives.
                Sql.update(c, "INSERT INTO interlinker_state (interlinker_id, data_version, disabled, updated_at) VALUES (?, ?, FALSE, ?)",
                        a.interlinker(), a.dataVersion(), Instant.now());
            }
            Optional<InterlinkerEntry> serving = registry.find(a.interlinker()).filter(InterlinkerEntry::serving);
            if (serving.isEmpty()) {
                issues.add(new Issue("interlinker-absent", a.interlinker(), "Asset " + label + " was imported with its data, but this platform does not"
                        + " serve that Interlinker" + (a.interlinkerVersion() == null ? "" : " (the export had version " + a.interlinkerVersion() + ")")
                        + ": the asset is unavailable until an operator installs it"));
            }
        }
        AssetRows.insert(c, new AssetRows.Row(assetId, a.interlinker(), a.name(), taskId, a.kind(), a.uri(), a.language(),
                a.createdBy() == null ? user : a.createdBy(), null), processId);
        if (a.kind().equals("external")) return true;
        DocumentStore data = store.documents(a.interlinker(), assetId);
        for (Archive.Document d : a.documents()) {
            String json = new String(archive.bytes(d.entry(), Archive.MAX_DOCUMENT_BYTES), StandardCharsets.UTF_8);
            try {
                data.put(d.key(), json);
            } catch (IllegalArgumentException refused) {
                throw Archive.invalid("", "document '" + Text.clip(d.key()) + "' of asset " + label + ": " + refused.getMessage());
            }
        }
        for (Archive.BlobEntry b : a.blobs()) {
            MessageDigest sha = TransferComponent.sha256();
            try (InputStream in = new DigestInputStream(archive.stream(b.entry()), sha)) {
                long size = data.putBlob(b.key(), b.contentType(), in).size();
                String digest = HexFormat.of().formatHex(sha.digest());
                if (size != b.size() || !digest.equals(b.sha256())) {
                    throw Archive.bad("corrupt-entry", "Entry '" + Text.clip(b.entry()) + "' (blob '" + Text.clip(b.key()) + "' of asset " + label
                            + ") has " + size + " bytes and SHA-256 " + digest + "; the manifest says " + b.size() + " and " + b.sha256());
                }
            }
        }
        return true;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
