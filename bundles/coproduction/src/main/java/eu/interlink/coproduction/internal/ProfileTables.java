package eu.interlink.coproduction.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.Translated;

/** The SQL of problem profiles (tables {@code problem_profile} and {@code problem_profile_text}). */
final class ProfileTables {
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String FUNCTIONALITY = "functionality";

    private ProfileTables() {
    }

    static Map<String, String> digests(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, digest FROM problem_profile"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    static List<ProblemProfile> loadAll(Connection c) throws SQLException {
        Map<String, Map<String, Map<String, String>>> texts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT profile_id, field, lang, body FROM problem_profile_text");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                texts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getString(4));
            }
        }
        List<ProblemProfile> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM problem_profile"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Map<String, String>> t = texts.getOrDefault(rs.getString(1), Map.of());
                out.add(new ProblemProfile(rs.getString(1), new Translated(t.get(NAME)), new Translated(t.get(DESCRIPTION)),
                        new Translated(t.get(FUNCTIONALITY))));
            }
        }
        out.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.id(), b.id()));
        return out;
    }

    static String digest(ProblemProfile p) {
        Map<String, Object> content = new TreeMap<>();
        content.put("id", p.id());
        content.put(NAME, new TreeMap<>(p.name().values()));
        content.put(DESCRIPTION, new TreeMap<>(p.description().values()));
        content.put(FUNCTIONALITY, new TreeMap<>(p.functionality().values()));
        return Digests.of(content);
    }

    static void save(Connection c, ProblemProfile p, String digest, boolean exists) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        if (exists) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE problem_profile SET digest = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, digest);
                ps.setTimestamp(2, now);
                ps.setString(3, p.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM problem_profile_text WHERE profile_id = ?")) {
                ps.setString(1, p.id());
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO problem_profile (id, digest, updated_at) VALUES (?, ?, ?)")) {
                ps.setString(1, p.id());
                ps.setString(2, digest);
                ps.setTimestamp(3, now);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO problem_profile_text (profile_id, field, lang, body) VALUES (?, ?, ?, ?)")) {
            add(ps, p.id(), NAME, p.name());
            add(ps, p.id(), DESCRIPTION, p.description());
            add(ps, p.id(), FUNCTIONALITY, p.functionality());
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, String id, String field, Translated text) throws SQLException {
        for (Map.Entry<String, String> v : text.values().entrySet()) {
            ps.setString(1, id);
            ps.setString(2, field);
            ps.setString(3, v.getKey());
            ps.setString(4, v.getValue());
            ps.addBatch();
        }
    }
}
