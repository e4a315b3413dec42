package eu.interlink.coproduction.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;

import org.flywaydb.core.Flyway;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import eu.interlink.api.DocumentStore;
import eu.interlink.store.Store;
import eu.interlink.store.StoreHealth;
import eu.interlink.store.TransactionWork;

/**
 * The platform's migrations on a fresh H2 file database, with the store's transaction rules (nesting = savepoint).
 * With {@code -Dinterlink.test.postgres.url=jdbc:postgresql://host/db}, on a fresh schema of that PostgreSQL database.
 */
final class TestStore implements Store {
    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    TestStore() throws Exception {
        String postgres = System.getProperty("interlink.test.postgres.url", "");
        if (postgres.isBlank()) {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "catalogue");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.toAbsolutePath() + "/interlink");
            dataSource = h2;
            Flyway.configure(TestStore.class.getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                    .placeholders(Map.of("text", "CHARACTER LARGE OBJECT", "binary", "VARBINARY(1000000)")).load().migrate();
        } else {
            String schema = "catalogue_test_" + Long.toHexString(System.nanoTime());
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(postgres);
            pg.setCurrentSchema(schema);
            dataSource = pg;
            Flyway.configure(TestStore.class.getClassLoader()).dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                    .placeholders(Map.of("text", "TEXT", "binary", "BYTEA")).load().migrate();
        }
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        Connection open = current.get();
        try {
            if (open != null) {
                Savepoint s = open.setSavepoint();
                try {
                    T result = work.run(open);
                    open.releaseSavepoint(s);
                    return result;
                } catch (Throwable e) {
                    open.rollback(s);
                    throw e;
                }
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                current.set(c);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (Throwable e) {
                    c.rollback();
                    throw e;
                } finally {
                    current.remove();
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public DocumentStore documents(String interlinkerId, String assetId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteDocuments(String interlinkerId, String assetId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void copyDocuments(String interlinkerId, String fromAssetId, String toAssetId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoreHealth health() {
        return new StoreHealth(true, "H2", "");
    }
}
