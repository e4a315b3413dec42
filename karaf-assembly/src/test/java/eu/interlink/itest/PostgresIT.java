package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every asset test again, with the store on the PostgreSQL server of this machine instead of H2: the same
 * migrations, the same behaviour, chosen by one configuration file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends AssetsIT {
    static final String DATABASE = "interlink_it";

    @Override
    @Configuration
    public Option[] config() {
        String server = System.getProperty("interlink.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String url = server.substring(0, server.lastIndexOf('/') + 1) + DATABASE;
        freshDatabase(server);
        String file = "etc/org.ops4j.datasource-interlink.cfg";
        return Platform.options(
                editConfigurationFilePut(file, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(file, "url", url),
                editConfigurationFilePut(file, "user", "postgres"),
                editConfigurationFilePut(file, "password", ""));
    }

    /** A new, empty database for this run, so that the migrations run from the start as on a new platform. */
    private static void freshDatabase(String server) {
        try (Connection c = DriverManager.getConnection(server, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + server + " (trust authentication for user postgres): "
                    + "start it as README.md says. " + e.getMessage(), e);
        }
    }

    @Test
    public void theStoreIsPostgres() {
        JsonNode health = http.get("/api/v1/health").json();
        assertEquals("UP", health.path("status").asText());
        assertTrue(health.toString(), health.path("components").path("store").path("database").asText().startsWith("PostgreSQL"));
    }
}
