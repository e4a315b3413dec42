package eu.interlink.coproduction.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import eu.interlink.coproduction.CoproductionEvents;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaService;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.store.Store;

/** Schemas, each stored whole as one JSON document; validated by {@link SchemaRules} before it is written. */
@Component(service = SchemaService.class)
public class SchemaComponent implements SchemaService {

    @Reference
    private Store store;

    @Reference
    private EventAdmin events;

    @Override
    public boolean save(Schema schema) {
        SchemaRules.validate(schema);
        String body = SchemaJson.write(schema);
        Boolean created = store.inTransaction(c -> {
            Optional<String> old = read(c, schema.id());
            if (old.isPresent() && old.get().equals(body)) return null;
            Timestamp now = Timestamp.from(Instant.now());
            String sql = old.isPresent() ? "UPDATE coproduction_schema SET body = ?, updated_at = ? WHERE id = ?"
                    : "INSERT INTO coproduction_schema (body, updated_at, id, created_at) VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, body);
                ps.setTimestamp(2, now);
                ps.setString(3, schema.id());
                if (old.isEmpty()) ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
            return old.isEmpty();
        });
        if (created == null) return false;
        Poster.post(events, created ? CoproductionEvents.SCHEMA_CREATED : CoproductionEvents.SCHEMA_UPDATED, "schema", schema.id(),
                null, null, Map.of("phases", schema.phases().size()));
        return true;
    }

    /** Whether a schema with this id exists; for a POST that must not replace one. */
    boolean exists(String id) {
        return store.inTransaction(c -> read(c, id).isPresent());
    }

    @Override
    public Optional<Schema> find(String id) {
        return store.inTransaction(c -> read(c, id)).map(SchemaJson::read);
    }

    @Override
    public List<Schema> list() {
        return store.inTransaction(c -> {
            List<Schema> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM coproduction_schema ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(SchemaJson.read(rs.getString(1)));
            }
            return out;
        });
    }

    @Override
    public void delete(String id) {
        boolean deleted = store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM coproduction_schema WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
        if (!deleted) throw KernelException.notFound("Schema", id);
        Poster.post(events, CoproductionEvents.SCHEMA_DELETED, "schema", id, null, null, Map.of());
    }

    private static Optional<String> read(java.sql.Connection c, String id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM coproduction_schema WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
