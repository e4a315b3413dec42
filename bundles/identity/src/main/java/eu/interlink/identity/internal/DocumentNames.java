package eu.interlink.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Pseudonymises a person inside the Interlinkers' own data, which the kernel keeps as JSON documents: every string
 * value, and every object key, that is exactly their account name becomes the pseudonym (authors of posts and
 * revisions, voters, uploaders, respondents). Account names are identifiers ({@code [a-z0-9._-]}), so an exact match
 * is the person; a name inside free text is left as written. Runs in the erasure's transaction, without calling any
 * Interlinker, so it works whether or not their bundles are running. Each changed document gets a new version, so
 * pages holding the old one see it changed.
 */
final class DocumentNames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentNames() {
    }

    /** @return how many documents changed */
    static int pseudonymise(Connection c, String name, String pseudonym) throws SQLException {
        record Row(String interlinker, String asset, String key, String body) {
        }
        List<Row> candidates = new ArrayList<>();
        // A quoted occurrence is how JSON writes the name as a value or a key; LIKE only narrows, the walk decides.
        try (PreparedStatement s = c.prepareStatement("SELECT interlinker_id, asset_id, doc_key, body FROM asset_document WHERE body LIKE ?")) {
            s.setString(1, "%\"" + name + "\"%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) candidates.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
            }
        }
        int changed = 0;
        Timestamp now = Timestamp.from(Instant.now());
        for (Row row : candidates) {
            JsonNode doc;
            try {
                doc = JSON.readTree(row.body());
            } catch (JsonProcessingException notJson) {
                continue;
            }
            JsonNode replaced = replace(doc, name, pseudonym);
            if (replaced == doc) continue;
            try (PreparedStatement u = c.prepareStatement("UPDATE asset_document SET body = ?, version = version + 1, updated_at = ?"
                    + " WHERE interlinker_id = ? AND asset_id = ? AND doc_key = ?")) {
                u.setString(1, JSON.writeValueAsString(replaced));
                u.setTimestamp(2, now);
                u.setString(3, row.interlinker());
                u.setString(4, row.asset());
                u.setString(5, row.key());
                changed += u.executeUpdate();
            } catch (JsonProcessingException cannot) {
                throw new IllegalStateException(cannot);
            }
        }
        return changed;
    }

    /** The node with the name replaced; the same instance when there was nothing to replace. */
    static JsonNode replace(JsonNode node, String name, String pseudonym) {
        if (node.isTextual()) return node.asText().equals(name) ? TextNode.valueOf(pseudonym) : node;
        if (node.isArray()) {
            ArrayNode out = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = replace(node.get(i), name, pseudonym);
                if (item != node.get(i) && out == null) out = ((ArrayNode) node).deepCopy();
                if (out != null) out.set(i, item);
            }
            return out == null ? node : out;
        }
        if (node.isObject()) {
            boolean changed = false;
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> f = fields.next();
                String key = f.getKey().equals(name) ? pseudonym : f.getKey();
                JsonNode value = replace(f.getValue(), name, pseudonym);
                changed |= !key.equals(f.getKey()) || value != f.getValue();
                out.set(key, value);
            }
            return changed ? out : node;
        }
        return node;
    }
}
