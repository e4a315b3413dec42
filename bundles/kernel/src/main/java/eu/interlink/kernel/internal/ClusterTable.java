package eu.interlink.kernel.internal;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the cluster's desired set of Interlinker bundles ({@code cluster_bundle}, {@code cluster_jar},
 * {@code cluster_revision}; migration V8), on the caller's transaction.
 */
final class ClusterTable {
    static final String ACTIVE = "active";
    static final String STOPPED = "stopped";
    static final String REMOVED = "removed";
    private static final int CHUNK = 256 * 1024;

    private ClusterTable() {
    }

    /** One bundle of the desired set. */
    record Row(String symbolicName, String version, String interlinkerId, String desired, String sha256, long revision, String node) {
    }

    /** What a node has of one bundle now, to be published: its state, its id if known, and its jar if at hand. */
    record Local(String version, String interlinkerId, String desired, byte[] jar) {
    }

    /** Every row, ordered by revision. */
    static List<Row> all(Connection c) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT symbolic_name, version, interlinker_id, desired, sha256, revision, node"
                + " FROM cluster_bundle ORDER BY revision");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7)));
            }
        }
        return out;
    }

    /** The highest revision written so far (0: none). */
    static long revision(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM cluster_revision WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Makes the rows of {@code symbolicName} say what {@code local} says: each version there with its state, and
     * every other version already listed as removed. Only rows that change get a new revision, so that publishing
     * what is already desired (a node applying the desired set) writes nothing. Returns the number of rows changed.
     */
    static int publish(Connection c, String symbolicName, Map<String, Local> local, String node, String actor) throws SQLException {
        Map<String, Row> existing = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT symbolic_name, version, interlinker_id, desired, sha256, revision, node"
                + " FROM cluster_bundle WHERE symbolic_name = ?")) {
            ps.setString(1, symbolicName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getString(2), new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getString(7)));
                }
            }
        }
        int changed = 0;
        for (Map.Entry<String, Local> e : local.entrySet()) {
            Local l = e.getValue();
            Row old = existing.get(e.getKey());
            String sha = l.jar() == null ? (old == null ? null : old.sha256()) : sha256(l.jar());
            boolean same = old != null && old.desired().equals(l.desired()) && java.util.Objects.equals(old.sha256(), sha);
            if (same) continue;
            if (l.jar() != null) saveJar(c, sha, l.jar());
            write(c, symbolicName, e.getKey(), l.interlinkerId() != null ? l.interlinkerId() : old == null ? null : old.interlinkerId(),
                    l.desired(), sha, old != null, node, actor);
            changed++;
        }
        for (Row old : existing.values()) {
            if (local.containsKey(old.version()) || REMOVED.equals(old.desired())) continue;
            write(c, symbolicName, old.version(), old.interlinkerId(), REMOVED, old.sha256(), true, node, actor);
            changed++;
        }
        return changed;
    }

    private static void write(Connection c, String symbolicName, String version, String id, String desired, String sha, boolean update, String node,
            String actor) throws SQLException {
        long revision = next(c);
        Timestamp now = Timestamp.from(Instant.now());
        String sql = update
                ? "UPDATE cluster_bundle SET interlinker_id = ?, desired = ?, sha256 = ?, revision = ?, changed_at = ?, changed_by = ?, node = ?"
                        + " WHERE symbolic_name = ? AND version = ?"
                : "INSERT INTO cluster_bundle (interlinker_id, desired, sha256, revision, changed_at, changed_by, node, symbolic_name, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setString(2, desired);
            ps.setString(3, sha);
            ps.setLong(4, revision);
            ps.setTimestamp(5, now);
            ps.setString(6, clip(actor));
            ps.setString(7, clip(node));
            ps.setString(8, symbolicName);
            ps.setString(9, version);
            ps.executeUpdate();
        }
    }

    /** The next revision; the row lock it takes orders concurrent writers until they commit. */
    private static long next(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE cluster_revision SET revision = revision + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
        return revision(c);
    }

    private static void saveJar(Connection c, String sha, byte[] jar) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cluster_jar WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) > 0) return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_jar (sha256, seq, content) VALUES (?, ?, ?)")) {
            for (int off = 0, seq = 0; off < jar.length || seq == 0; off += CHUNK, seq++) {
                ps.setString(1, sha);
                ps.setInt(2, seq);
                ps.setBytes(3, java.util.Arrays.copyOfRange(jar, off, Math.min(jar.length, off + CHUNK)));
                ps.executeUpdate();
            }
        }
    }

    /** The jar of that digest, or null when the store does not have it. */
    static byte[] jar(Connection c, String sha) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM cluster_jar WHERE sha256 = ? ORDER BY seq")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.writeBytes(rs.getBytes(1));
                    any = true;
                }
            }
        }
        if (!any) return null;
        byte[] jar = out.toByteArray();
        return sha256(jar).equals(sha) ? jar : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }
}
