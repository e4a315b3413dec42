package eu.interlink.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import eu.interlink.store.StoreException;

/** The platform's schema: the Flyway migrations in {@code db/migration}, with the database's placeholders. */
final class Schema {
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    private Schema() {
    }

    /** Which of the supported databases this is; a clear error when it cannot be reached. */
    static Dialect dialect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.of(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreException("The database configured in etc/org.ops4j.datasource-interlink.cfg is not reachable", e);
        }
    }

    /** Brings the schema to the latest version; Flyway's lock table keeps nodes starting together in turn. */
    static void migrate(DataSource dataSource) {
        Dialect dialect = dialect(dataSource);
        var result = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders)
                .load()
                .migrate();
        // Flyway leaves the target version empty when nothing was migrated: the version is then the initial one.
        LOG.info("Store ready on {}: schema at version {} ({} migrations applied now)", dialect,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion, result.migrationsExecuted);
    }
}
