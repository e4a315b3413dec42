package eu.interlink.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.api.DocumentStore;
import eu.interlink.store.Store;
import eu.interlink.store.StoreException;
import eu.interlink.store.StoreHealth;
import eu.interlink.store.TransactionWork;

/**
 * The platform's store over the {@code DataSource} that pax-jdbc-config makes from
 * {@code etc/org.ops4j.datasource-interlink.cfg}. Disabled until {@link SchemaComponent} has migrated the schema,
 * so no other component ever sees an old one.
 */
@Component(service = Store.class, immediate = true, enabled = false)
public class StoreComponent implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    /** The connection of the transaction open on each thread; nested work joins it. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    @Reference(target = "(dataSourceName=interlink)")
    private DataSource dataSource;

    private Dialect dialect;

    public StoreComponent() {
    }

    /** For tests outside a framework. */
    StoreComponent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Activate
    void activate() {
        dialect = Schema.dialect(dataSource);
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Connection open = current.get();
        if (open != null) {
            return nested(open, work);
        }
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("The database is not reachable", e);
        }
        try (c) {
            c.setAutoCommit(false);
            current.set(c);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (Throwable e) {
            rollback(c, null);
            throw propagate(e);
        } finally {
            current.remove();
        }
    }

    /** A failed nested piece of work undoes only its own writes, so the caller may recover and go on. */
    private <T> T nested(Connection c, TransactionWork<T> work) {
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            throw new StoreException("Could not open a nested transaction", e);
        }
        try {
            T result = work.run(c);
            c.releaseSavepoint(savepoint);
            return result;
        } catch (Throwable e) {
            rollback(c, savepoint);
            throw propagate(e);
        }
    }

    private static void rollback(Connection c, Savepoint savepoint) {
        try {
            if (savepoint == null) c.rollback();
            else c.rollback(savepoint);
        } catch (SQLException e) {
            LOG.warn("Rollback failed; the connection is discarded", e);
        }
    }

    private static RuntimeException propagate(Throwable e) {
        if (e instanceof Error error) throw error;
        if (e instanceof RuntimeException runtime) return runtime;
        if (e instanceof SQLException sql) return new StoreException("A database operation failed: " + sql.getMessage(), sql);
        return new IllegalStateException(e.getMessage(), e);
    }

    private Connection requireTransaction() {
        Connection c = current.get();
        if (c == null) throw new IllegalStateException("No transaction is open on this thread: use Store.inTransaction");
        return c;
    }

    @Override
    public DocumentStore documents(String interlinkerId, String assetId) {
        return new JdbcDocumentStore(requireTransaction(), dialect, interlinkerId, assetId);
    }

    @Override
    public void deleteDocuments(String interlinkerId, String assetId) {
        Connection c = requireTransaction();
        try {
            execute(c, "DELETE FROM asset_document WHERE interlinker_id = ? AND asset_id = ?", interlinkerId, assetId);
            execute(c, "DELETE FROM asset_blob WHERE interlinker_id = ? AND asset_id = ?", interlinkerId, assetId);
        } catch (SQLException e) {
            throw new StoreException("Could not delete the data of asset " + assetId, e);
        }
    }

    @Override
    public void copyDocuments(String interlinkerId, String fromAssetId, String toAssetId) {
        Connection c = requireTransaction();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            execute(c, "INSERT INTO asset_document (interlinker_id, asset_id, doc_key, version, body, updated_at)"
                    + " SELECT interlinker_id, ?, doc_key, 1, body, ? FROM asset_document WHERE interlinker_id = ? AND asset_id = ?",
                    toAssetId, now, interlinkerId, fromAssetId);
            try (PreparedStatement blobs = c.prepareStatement("SELECT id, blob_key, content_type, byte_size FROM asset_blob WHERE interlinker_id = ? AND asset_id = ?")) {
                blobs.setString(1, interlinkerId);
                blobs.setString(2, fromAssetId);
                try (ResultSet rs = blobs.executeQuery()) {
                    while (rs.next()) {
                        long newId;
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO asset_blob (interlinker_id, asset_id, blob_key, content_type, byte_size, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                                new String[] {"id"})) {
                            insert.setString(1, interlinkerId);
                            insert.setString(2, toAssetId);
                            insert.setString(3, rs.getString(2));
                            insert.setString(4, rs.getString(3));
                            insert.setLong(5, rs.getLong(4));
                            insert.setTimestamp(6, now);
                            insert.executeUpdate();
                            try (ResultSet keys = insert.getGeneratedKeys()) {
                                keys.next();
                                newId = keys.getLong(1);
                            }
                        }
                        execute(c, "INSERT INTO asset_blob_chunk (blob_id, seq, content) SELECT ?, seq, content FROM asset_blob_chunk WHERE blob_id = ?",
                                newId, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not copy the data of asset " + fromAssetId + " to " + toAssetId, e);
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }

    @Override
    public StoreHealth health() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) return new StoreHealth(false, "", "the database did not answer within 2 s");
            DatabaseMetaData meta = c.getMetaData();
            return new StoreHealth(true, meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), "");
        } catch (SQLException | RuntimeException e) {
            return new StoreHealth(false, "", String.valueOf(e.getMessage()));
        }
    }
}
