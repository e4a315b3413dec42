package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sign-in with OpenID Connect over real HTTP against a real provider: NAV's mock-oauth2-server, started by this
 * test as its own java process on loopback (bundles/testing/oidc-provider resolves it). The platform discovers the
 * provider, sends the browser there with PKCE, state and nonce, exchanges the code, verifies the ID token against
 * the provider's JWKS and links the account by issuer and subject.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OidcIT {
    private static final String PROVIDER_PORT = "interlink.test.oidc.port";
    private static Process provider;

    @Configuration
    public Option[] config() {
        int http = Platform.freePort();
        int oidc = Platform.freePort();
        String file = "etc/eu.interlink.identity.cfg";
        return Platform.options(http,
                systemProperty(PROVIDER_PORT).value(String.valueOf(oidc)),
                editConfigurationFilePut(file, "oidc.issuer", "http://127.0.0.1:" + oidc + "/default"),
                editConfigurationFilePut(file, "oidc.client.id", "interlink"),
                editConfigurationFilePut(file, "oidc.client.secret", "a client secret"),
                editConfigurationFilePut(file, "oidc.redirect.uri", "http://127.0.0.1:" + http + "/api/v1/auth/oidc/callback"));
    }

    @BeforeClass
    public static void startProvider() throws IOException {
        String classpath = Files.readString(Path.of(System.getProperty(Platform.OIDC_CLASSPATH)), StandardCharsets.UTF_8).trim();
        int port = Integer.getInteger(PROVIDER_PORT);
        // No login page, and the claims of the person who signs in: the provider adds iss, aud, exp, iat, nonce.
        String config = "{\"interactiveLogin\":false,\"httpServer\":\"NettyWrapper\",\"tokenCallbacks\":[{\"issuerId\":\"default\","
                + "\"tokenExpiry\":120,\"requestMappings\":[{\"requestParam\":\"code\",\"match\":\"*\",\"claims\":{\"sub\":\"subject-olga\","
                + "\"email\":\"olga@example.org\",\"preferred_username\":\"olga\",\"aud\":[\"interlink\"]}}]}]}";
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt");
        pb.environment().put("SERVER_HOSTNAME", "127.0.0.1");
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("JSON_CONFIG", config);
        pb.redirectErrorStream(true).redirectOutput(new File("oidc-provider.log"));
        provider = pb.start();
        Http probe = new Http(port);
        Await.until("the OpenID Connect provider", Duration.ofSeconds(60), () -> probe.get("/default/.well-known/openid-configuration"),
                a -> a.status() == 200);
    }

    @AfterClass
    public static void stopProvider() {
        if (provider != null) provider.destroy();
    }

    @Test
    public void signsInThroughTheProviderAndLinksTheAccount() {
        Http browser = Platform.http();
        Platform.awaitReady(browser);
        Http.Answer me = signIn(browser, false);
        assertEquals(me.toString(), 200, me.status());
        JsonNode account = me.json().path("account");
        assertEquals("olga", account.path("name").asText());
        assertEquals("subject-olga", account.path("oidc").path("subject").asText());
        assertTrue(account.path("oidc").path("issuer").asText().endsWith("/default"));
        assertEquals("olga", browser.get("/api/v1/me").json().path("name").asText());

        // A second sign-in finds the same account by issuer and subject.
        Http again = Platform.http();
        assertEquals(account.path("id").asText(), signIn(again, false).json().path("account").path("id").asText());
        JsonNode audit = Platform.operator().get("/api/v1/admin/audit?account=olga").json().path("items");
        assertEquals("signed-in", audit.get(0).path("event").asText());
        assertEquals("oidc", audit.get(0).path("details").path("method").asText());
    }

    @Test
    public void aTamperedStateOrAForeignBrowserIsRefused() {
        Http browser = Platform.http();
        Platform.awaitReady(browser);
        assertEquals("urn:interlink:problem:oidc-refused", assertProblem(signIn(browser, true), 401).path("type").asText());
        assertProblem(browser.get("/api/v1/me"), 401);

        // The provider's answer replayed from a browser that did not start the sign-in (no binding cookie).
        Http started = Platform.http();
        String callback = callback(started);
        assertProblem(Platform.http().get(callback), 401);
        // ...and the attempt cannot be used twice.
        assertEquals(200, started.get(callback).status());
        assertProblem(started.get(callback), 401);
    }

    /** The browser's journey: platform → provider → platform, following each redirect by hand. */
    private static Http.Answer signIn(Http browser, boolean tamper) {
        String callback = callback(browser);
        if (tamper) callback = callback.replaceAll("state=[^&]+", "state=forged");
        return browser.get(callback);
    }

    /** Starts a sign-in and answers the path of the callback the provider redirects to. */
    private static String callback(Http browser) {
        Http.Answer start = browser.get("/api/v1/auth/oidc");
        assertEquals(start.toString(), 302, start.status());
        assertNotNull(browser.cookie("interlink_oidc"));
        URI authorize = URI.create(start.header("Location"));
        String query = authorize.getRawQuery();
        for (String needed : List.of("code_challenge_method=S256", "code_challenge=", "state=", "nonce=", "client_id=interlink")) {
            assertTrue(query, query.contains(needed));
        }
        Http.Answer atProvider = new Http(authorize.getPort()).get(authorize.getRawPath() + "?" + query);
        assertEquals(atProvider.toString(), 302, atProvider.status());
        URI back = URI.create(atProvider.header("Location"));
        assertEquals("/api/v1/auth/oidc/callback", back.getPath());
        return back.getRawPath() + "?" + back.getRawQuery();
    }
}
