package eu.interlink.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * How the integration tests boot the platform: the distribution this build made, unpacked afresh, on a free
 * HTTP port, offline. Runs on the test's side (in {@code @Configuration}); the tests themselves run inside.
 */
public final class Platform {
    public static final String HTTP_PORT = "interlink.test.http.port";
    public static final String BUNDLES = "interlink.test.bundles";
    public static final String DATA = "interlink.data";
    /**
     * {@code postgres}: every platform of the run keeps its store on a new database of the PostgreSQL server
     * instead of H2 (issue #13: the tests that touch the store run on both).
     */
    public static final String STORE = "interlink.test.store";
    public static final String OIDC_CLASSPATH = "interlink.test.oidc.classpath";
    /** The first operator, from etc/eu.interlink.identity.cfg as the tests write it. */
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator password 1";

    private Platform() {
    }

    public static Option[] options(Option... more) {
        return options(freePort(), more);
    }

    /** As {@link #options(Option...)}, on a given HTTP port (for settings that must name it, such as a redirect URI). */
    public static Option[] options(int port, Option... more) {
        String distribution = System.getProperty("interlink.distribution");
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("No distribution at '" + distribution + "': run the tests with 'mvn verify' from the top folder");
        }
        String repository = System.getProperty("interlink.test.repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(distribution).toURI().toString())
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(port)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
                editConfigurationFilePut("etc/eu.interlink.identity.cfg", "operator.name", OPERATOR),
                editConfigurationFilePut("etc/eu.interlink.identity.cfg", "operator.email", "operator@example.org"),
                editConfigurationFilePut("etc/eu.interlink.identity.cfg", "operator.password", OPERATOR_PASSWORD),
                // Pax Exam's own bundles come from the local Maven repository that the build filled; never the network.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                systemProperty(HTTP_PORT).value(String.valueOf(port)),
                systemProperty(BUNDLES).value(new File(System.getProperty(BUNDLES, "target/test-bundles")).getAbsolutePath()),
                systemProperty(DATA).value(new File(System.getProperty(DATA, "../../shared/data")).getAbsolutePath()),
                // The OpenID Connect provider's classpath (bundles/testing/oidc-provider), for OidcIT.
                systemProperty(OIDC_CLASSPATH).value(new File("../bundles/testing/oidc-provider/target/classpath.txt").getAbsolutePath())));
        if ("postgres".equals(System.getProperty(STORE))) {
            options.addAll(Postgres.store(Postgres.nameFor(testClass())));
            options.add(systemProperty(STORE).value("postgres"));
        }
        options.addAll(Arrays.asList(more));
        return options.toArray(new Option[0]);
    }

    /** The test class whose configuration is being made: the nearest caller named …IT. */
    private static String testClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(n -> n.endsWith("IT")).findFirst().orElse("unknown"));
    }

    /** The HTTP client for the platform, inside the container. */
    public static Http http() {
        return new Http(Integer.getInteger(HTTP_PORT));
    }

    /** An HTTP client signed in as the first operator (waits for the platform first). */
    public static Http operator() {
        Http http = http();
        awaitReady(http);
        Http.Answer in = http.signIn(OPERATOR, OPERATOR_PASSWORD);
        if (in.status() != 200) throw new AssertionError("The first operator cannot sign in: " + in);
        return http;
    }

    /** An HTTP client signed up and in as a new account {@code name} (not an operator). */
    public static Http signedIn(String name) {
        Http http = http();
        awaitReady(http);
        return http.signUp(name);
    }

    /**
     * Waits until the health endpoint says the whole platform serves: its store, its registry and every endpoint
     * of the API (servlets are deployed one by one, so one answering says nothing about the others).
     */
    public static void awaitReady(Http http) {
        Await.until("the whole API (GET /api/v1/health 200)", Duration.ofSeconds(90), () -> http.get("/api/v1/health"), a -> a.status() == 200);
    }

    /** The original platform's seed catalogue ({@code ../shared/data/interlink-catalogue}), inside the container. */
    public static File seedCatalogue() {
        File folder = new File(System.getProperty(DATA), "interlink-catalogue");
        if (!new File(folder, "problemprofiles/problemprofiles.json").isFile()) {
            throw new IllegalStateException("The seed catalogue is not at " + folder + ": the tests expect ../shared/data beside the project");
        }
        return folder;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
