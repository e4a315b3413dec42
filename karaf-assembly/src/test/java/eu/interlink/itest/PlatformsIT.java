package eu.interlink.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Platforms as a public administration builds them (platforms/NAME/platform.properties, turned into a distribution
 * by the build): each boots as a real {@code bin/karaf server} process with exactly the Interlinkers and the
 * branding its descriptor names, and its branding follows {@code etc/eu.interlink.branding.cfg} live, refusing a
 * wrong value with its reason while the previous value stays.
 */
public class PlatformsIT {
    static final Duration BOOT = Duration.ofSeconds(120);
    private KarafProcess karaf;

    @After
    public void stop() throws Exception {
        if (karaf == null) return;
        karaf.stop();
        karaf.deleteHome();
    }

    /** The descriptor the build read, as written in platforms/NAME/platform.properties. */
    static Properties descriptor(String platform) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(sources().resolve(platform).resolve("platform.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    static Path sources() {
        return Path.of(System.getProperty("interlink.platforms.sources", "../platforms"));
    }

    private Http boot(String platform) throws Exception {
        File archive = new File(System.getProperty("interlink.platforms", "target/platforms"), "interlink-platform-" + platform + ".tar.gz");
        karaf = KarafProcess.unpack("platform-" + platform, archive);
        karaf.start();
        Http http = karaf.http();
        Await.until("the " + platform + " platform to answer", BOOT, () -> {
            if (!karaf.isAlive()) throw new AssertionError("Karaf exited; see " + karaf.consoleLog());
            return http.get("/api/v1/health");
        }, a -> a.status() == 200);
        return http;
    }

    /** The Interlinker ids of the descriptor's features: interlink-survey is the survey Interlinker. */
    static List<String> interlinkers(Properties descriptor) {
        List<String> ids = new ArrayList<>();
        for (String feature : descriptor.getProperty("features").split(",")) ids.add(feature.trim().replaceFirst("^interlink-", ""));
        return List.copyOf(new TreeSet<>(ids));
    }

    /** Waits until exactly {@code expected} serve, then checks that the catalogue lists exactly them. */
    private static void assertExactlyServing(Http http, List<String> expected) {
        JsonNode registry = Await.until("exactly " + expected + " to be active", BOOT, () -> http.get("/api/v1/health"),
                a -> a.status() == 200 && names(a.json().path("components").path("registry").path("interlinkers")).equals(expected)
                        && expected.stream().allMatch(id -> "active".equals(a.json().path("components").path("registry")
                                .path("interlinkers").path(id).path("status").asText())))
                .json().path("components").path("registry");
        assertEquals(expected.size(), registry.path("active").asInt());
        JsonNode catalogue = http.get("/api/v1/interlinkers?limit=100").json();
        List<String> listed = new ArrayList<>();
        catalogue.path("items").forEach(i -> listed.add(i.path("id").asText()));
        assertEquals(expected, listed.stream().sorted().toList());
        for (String absent : List.of("checklist", "survey")) {
            if (!expected.contains(absent)) Problems.assertProblem(http.get("/api/v1/interlinkers/" + absent), 404);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out.stream().sorted().toList();
    }

    private static void assertBranding(JsonNode branding, Properties d) {
        assertEquals(d.getProperty("name"), branding.path("name").asText());
        assertEquals(d.getProperty("colour.primary").toLowerCase(), branding.path("colours").path("primary").asText());
        assertEquals(d.getProperty("colour.secondary").toLowerCase(), branding.path("colours").path("secondary").asText());
        List<String> languages = new ArrayList<>();
        branding.path("languages").forEach(l -> languages.add(l.asText()));
        assertEquals(Arrays.stream(d.getProperty("languages").split(",")).map(String::trim).toList(), languages);
        assertEquals(d.getProperty("language.default"), branding.path("defaultLanguage").asText());
        assertEquals(d.getProperty("schema.default"), branding.path("defaultSchema").asText());
        assertEquals("/api/v1/branding/logo", branding.path("logo").asText());
    }

    @Test
    public void aMinimalPlatformHasTheKernelAndOneInterlinker() throws Exception {
        Http http = boot("minimal");
        Properties d = descriptor("minimal");
        assertEquals(List.of("checklist"), interlinkers(d));
        assertExactlyServing(http, interlinkers(d));

        Http.Answer branding = http.get("/api/v1/branding");
        assertEquals(branding.toString(), 200, branding.status());
        assertBranding(branding.json(), d);
        // No logo in its descriptor: the built-in one.
        Http.Bytes logo = http.getBytes("/api/v1/branding/logo");
        assertEquals(200, logo.status());
        assertEquals("image/svg+xml", logo.header("Content-Type"));
        assertTrue(new String(logo.body(), StandardCharsets.UTF_8).contains("<svg"));
        // The operators' commands are in every platform: their bundle is active.
        assertTrue(Files.readString(karaf.home().resolve("etc/org.apache.karaf.features.cfg")).contains("interlink-shell"));
        // So is the web application, at /.
        Http.Answer page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("/app/app.js"));
    }

    @Test
    public void anExamplePlatformBootsWithItsInterlinkersBrandingAndConfigurationAndFollowsItsBrandingLive() throws Exception {
        Http http = boot("zaragoza");
        Properties d = descriptor("zaragoza");
        assertEquals(List.of("survey"), interlinkers(d));
        assertExactlyServing(http, interlinkers(d));

        JsonNode branding = http.get("/api/v1/branding").json();
        assertBranding(branding, d);
        Http.Bytes logo = http.getBytes("/api/v1/branding/logo");
        assertEquals(200, logo.status());
        assertEquals("image/svg+xml", logo.header("Content-Type"));
        assertArrayEquals(Files.readAllBytes(sources().resolve("zaragoza/logo.svg")), logo.body());
        assertEquals(304, http.getBytes("/api/v1/branding/logo", "If-None-Match", logo.header("ETag")).status());
        // Its default configuration (platforms/zaragoza/etc/eu.interlink.kernel.cfg) is in effect.
        assertEquals(20000, http.get("/api/v1/health").json().path("components").path("registry").path("callTimeoutMs").asInt());

        // An operator edits the branding file: applied without a restart.
        Path cfg = karaf.home().resolve("etc/eu.interlink.branding.cfg");
        edit(cfg, "colour.primary", "#00aa55");
        Await.until("the new primary colour", Duration.ofSeconds(30), () -> http.get("/api/v1/branding").json(),
                b -> "#00aa55".equals(b.path("colours").path("primary").asText()));

        // A wrong value is refused with its reason; the previous one stays.
        edit(cfg, "colour.primary", "crimson");
        JsonNode refused = Await.until("the refusal of 'crimson'", Duration.ofSeconds(30),
                () -> http.get("/api/v1/health").json().path("components").path("configuration"),
                c -> "refused".equals(c.path("pids").path("eu.interlink.branding").path("status").asText())).path("pids").path("eu.interlink.branding");
        assertEquals("colour.primary", refused.path("key").asText());
        assertTrue(refused.toString(), refused.path("reason").asText().contains("#rrggbb") && refused.path("reason").asText().contains("'crimson'"));
        assertEquals("#00aa55", refused.path("inEffect").path("colour.primary").asText());
        assertEquals("#00aa55", http.get("/api/v1/branding").json().path("colours").path("primary").asText());
        assertEquals("the platform stays up", 200, http.get("/api/v1/health").status());

        // So is a language outside en, es, it, lv.
        edit(cfg, "colour.primary", "#00aa55");
        edit(cfg, "languages", "es, fr");
        JsonNode language = Await.until("the refusal of 'fr'", Duration.ofSeconds(30),
                () -> http.get("/api/v1/health").json().path("components").path("configuration").path("pids").path("eu.interlink.branding"),
                c -> "languages".equals(c.path("key").asText())).path("reason");
        assertTrue(language.asText(), language.asText().contains("'fr'"));
        assertEquals(List.of("es", "en"), languages(http.get("/api/v1/branding").json()));

        // Corrected, it applies.
        edit(cfg, "languages", "es");
        Await.until("the corrected languages", Duration.ofSeconds(30), () -> http.get("/api/v1/branding").json(),
                b -> languages(b).equals(List.of("es")));
        assertEquals("applied", http.get("/api/v1/health").json().path("components").path("configuration").path("pids")
                .path("eu.interlink.branding").path("status").asText());
    }

    private static List<String> languages(JsonNode branding) {
        List<String> out = new ArrayList<>();
        branding.path("languages").forEach(l -> out.add(l.asText()));
        return out;
    }

    /** Sets {@code key} in a .cfg file as an operator with an editor would; File Install picks the change up. */
    private static void edit(Path cfg, String key, String value) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1));
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                lines.set(i, key + " = " + value);
                found = true;
            }
        }
        if (!found) lines.add(key + " = " + value);
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }
}
