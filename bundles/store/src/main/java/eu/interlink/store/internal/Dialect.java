package eu.interlink.store.internal;

import java.util.Map;

/** What differs between the two databases the platform supports; everything else is portable SQL. */
enum Dialect {
    H2(Map.of("text", "CHARACTER LARGE OBJECT", "binary", "VARBINARY(1000000)"),
            "MERGE INTO asset_document t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS CHARACTER LARGE OBJECT), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(i, a, k, b, u)"
                    + " ON t.interlinker_id = s.i AND t.asset_id = s.a AND t.doc_key = s.k"
                    + " WHEN MATCHED THEN UPDATE SET version = t.version + 1, body = s.b, updated_at = s.u"
                    + " WHEN NOT MATCHED THEN INSERT (interlinker_id, asset_id, doc_key, version, body, updated_at) VALUES (s.i, s.a, s.k, 1, s.b, s.u)",
            "MERGE INTO asset_document t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS CHARACTER LARGE OBJECT), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(i, a, k, b, u)"
                    + " ON t.interlinker_id = s.i AND t.asset_id = s.a AND t.doc_key = s.k"
                    + " WHEN NOT MATCHED THEN INSERT (interlinker_id, asset_id, doc_key, version, body, updated_at) VALUES (s.i, s.a, s.k, 1, s.b, s.u)"),
    POSTGRESQL(Map.of("text", "TEXT", "binary", "BYTEA"),
            "INSERT INTO asset_document (interlinker_id, asset_id, doc_key, version, body, updated_at) VALUES (?, ?, ?, 1, ?, ?)"
                    + " ON CONFLICT (interlinker_id, asset_id, doc_key)"
                    + " DO UPDATE SET version = asset_document.version + 1, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at",
            "INSERT INTO asset_document (interlinker_id, asset_id, doc_key, version, body, updated_at) VALUES (?, ?, ?, 1, ?, ?)"
                    + " ON CONFLICT (interlinker_id, asset_id, doc_key) DO NOTHING");

    /** Flyway placeholders for the migrations. */
    final Map<String, String> placeholders;
    /** Inserts a document or writes over it, one version up; parameters: interlinker, asset, key, body, time. */
    final String upsertDocument;
    /** Inserts a document only if absent (no row changed otherwise), without failing the transaction. */
    final String insertDocumentIfAbsent;

    Dialect(Map<String, String> placeholders, String upsertDocument, String insertDocumentIfAbsent) {
        this.placeholders = placeholders;
        this.upsertDocument = upsertDocument;
        this.insertDocumentIfAbsent = insertDocumentIfAbsent;
    }

    /**
     * Whether a failed statement lost a race for a row to another transaction and left this transaction usable.
     * H2 rolls back only the failed statement, and reports a row changed under it (90131) or locked for too long
     * (50200). PostgreSQL waits for the other transaction and re-checks the row instead; any error it raises
     * aborts the whole transaction, so none of them can be treated as a plain lost race.
     */
    boolean lostRace(java.sql.SQLException e) {
        return this == H2 && (e.getErrorCode() == 90131 || e.getErrorCode() == 50200);
    }

    static Dialect of(String databaseProductName) {
        String name = databaseProductName == null ? "" : databaseProductName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("h2")) return H2;
        if (name.contains("postgres")) return POSTGRESQL;
        throw new IllegalStateException("Unsupported database '" + databaseProductName
                + "': configure H2 or PostgreSQL in etc/org.ops4j.datasource-interlink.cfg");
    }
}
