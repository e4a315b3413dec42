package eu.interlink.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import org.ops4j.pax.exam.Option;

/**
 * The store on the PostgreSQL server of this machine instead of H2, chosen by the data source's configuration file
 * alone. Runs in the test driver (outside Karaf), where the JDBC driver is on the class path.
 */
final class Postgres {
    /** System property with the server's URL; its database part is replaced by the test's own database. */
    static final String URL = "interlink.postgres.url";
    /** Every database the tests make starts with this, so that a run can drop what earlier runs left. */
    static final String PREFIX = "interlink_it";

    private Postgres() {
    }

    /** Options that put the platform's store on a new, empty database {@code name}. */
    static List<Option> store(String name) {
        String server = server();
        freshDatabase(server, name);
        String url = server.substring(0, server.lastIndexOf('/') + 1) + name;
        String file = "etc/org.ops4j.datasource-interlink.cfg";
        return List.of(
                editConfigurationFilePut(file, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(file, "url", url),
                editConfigurationFilePut(file, "user", "postgres"),
                editConfigurationFilePut(file, "password", ""));
    }

    /** Points a distribution's data source file at a new, empty database {@code name}. */
    static void configure(Path dataSourceFile, String name) throws IOException {
        String server = server();
        freshDatabase(server, name);
        String text = Files.readString(dataSourceFile)
                .replaceAll("(?m)^osgi\\.jdbc\\.driver\\.class\\s*=.*$", "osgi.jdbc.driver.class = org.postgresql.Driver")
                .replaceAll("(?m)^url\\s*=.*$", Matcher.quoteReplacement("url = " + server.substring(0, server.lastIndexOf('/') + 1) + name))
                .replaceAll("(?m)^user\\s*=.*$", "user = postgres")
                .replaceAll("(?m)^password\\s*=.*$", "password =");
        Files.writeString(dataSourceFile, text);
    }

    private static String server() {
        String server = System.getProperty(URL, "");
        return server.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test" : server;
    }

    /** A database name of the test class that is running ({@code interlink_it_tree_…}), unique to this run. */
    static String nameFor(String testClass) {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1).replaceAll("IT$", "").toLowerCase(Locale.ROOT);
        return PREFIX + "_" + simple + "_" + Long.toHexString(ProcessHandle.current().pid());
    }

    /** So that the migrations run from the start, as on a new platform. */
    private static void freshDatabase(String server, String name) {
        try (Connection c = DriverManager.getConnection(server, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + server + " (trust authentication for user postgres): "
                    + "start it as README.md says. " + e.getMessage(), e);
        }
    }
}
