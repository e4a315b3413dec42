package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Knowledge packs: the starter pack is in the catalogue after boot; a pack dropped into deploy/ or installed through
 * the admin API is listed in four languages (with fallback to English), gives knowledge assets to tasks, is replaced
 * by its update and leaves the catalogue when it goes while the assets copied from it keep their data; a malformed
 * pack is refused with a reason an operator can read, and the platform goes on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KnowledgePacksIT {
    static final String STARTER = "eu.interlink.knowledge.starter";
    static final List<String> LANGUAGES = List.of("en", "es", "it", "lv");
    private Http http;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheStarterPack() {
        http = Platform.operator();
        Platform.awaitReady(http);
        Await.until("the starter pack in the catalogue", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/interview-guide"),
                a -> a.status() == 200);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    private static Path deployFolder() {
        return Path.of(System.getProperty("karaf.base"), "deploy");
    }

    private Bundle installed(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) return b;
        }
        return null;
    }

    @Test
    public void theStarterPackIsListedAfterBootInFourLanguages() {
        JsonNode packs = http.get("/api/v1/admin/knowledge-packs").json();
        JsonNode starter = null;
        for (JsonNode p : packs.path("items")) if (STARTER.equals(p.path("symbolicName").asText())) starter = p;
        assertTrue(packs.toString(), starter != null);
        assertEquals("published", starter.path("status").asText());
        assertEquals("knowledge", starter.path("folder").asText());
        List<String> starterIds = new ArrayList<>();
        starter.path("interlinkers").forEach(i -> starterIds.add(i.asText()));
        assertTrue(starterIds.toString(), starterIds.size() >= 6);

        for (String lang : LANGUAGES) {
            JsonNode list = http.get("/api/v1/interlinkers?nature=knowledge&limit=100&lang=" + lang).json();
            int fromPack = 0;
            for (JsonNode e : list.path("items")) {
                if (!starterIds.contains(e.path("id").asText())) continue;
                fromPack++;
                assertEquals(e.toString(), "pack", e.path("origin").asText());
                assertEquals(e.toString(), lang, e.path("language").asText());
                assertTrue(e.toString(), e.path("available").asBoolean());
                assertEquals(e.toString(), LANGUAGES, List.of(e.path("languages").path(0).asText(), e.path("languages").path(1).asText(),
                        e.path("languages").path(2).asText(), e.path("languages").path(3).asText()));
                assertFalse(e.toString(), e.path("problemProfiles").isEmpty());
                assertTrue(e.toString(), e.path("links").has("resource") && e.path("links").has("instructions"));
            }
            assertEquals(lang, starterIds.size(), fromPack);
        }
        JsonNode lv = http.get("/api/v1/interlinkers/stakeholder-map-canvas?lang=lv").json();
        assertEquals("Ieinteresēto pušu kartes audekls", lv.path("name").asText());
        assertTrue(lv.path("instructions").asText().startsWith("# Ieinteresēto pušu kartes audekls"));
        assertEquals(4, lv.path("texts").size());
        Http.Bytes resource = http.getBytes("/api/v1/interlinkers/stakeholder-map-canvas/resource?lang=it");
        assertEquals(200, resource.status());
        assertTrue(new String(resource.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("# Mappa degli attori"));

        // Recommendations find them by the original platform's problem profiles; search finds them by their words.
        assertTrue(ids(http.get("/api/v1/recommendations?problemProfiles=UND_PROBLEM_2&limit=50").json()).contains("stakeholder-map-canvas"));
        assertTrue(ids(http.get("/api/v1/recommendations?problemProfiles=ORG_PROBLEM_14&limit=50").json()).contains("consent-form-template"));
        assertTrue(ids(http.get("/api/v1/interlinkers?q=entrevista&lang=es").json()).contains("interview-guide"));
        assertTrue(ids(http.get("/api/v1/interlinkers?q=novertesanas&lang=lv").json()).contains("evaluation-checklist"));

        // A pack's entries are not the API's to change.
        assertProblem(http.delete("/api/v1/interlinkers/interview-guide"), 409);
    }

    @Test
    public void aDeployedPackIsListedUpdatedAndRemovedWhileItsAssetsKeepTheirData() throws Exception {
        Coproduction.importSchemas(context, Platform.seedCatalogue());
        Path dropped = deployFolder().resolve("itest-guides.jar");
        Files.write(dropped, Packs.pack("org.example.itest.guides", "1.0.0")
                .guide("itest-meeting-guide", "Meeting guide", "easy", "DEF_PROBLEM_3", "en", "es")
                .guide("itest-walk-audit", "Walk audit", "medium", "UND_PROBLEM_3", "en", "es", "it", "lv").jar());
        Await.until("the deployed pack's entries", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/itest-meeting-guide"),
                a -> a.status() == 200);

        // Four languages: its own texts where it has them, English where it does not.
        for (String lang : LANGUAGES) {
            JsonNode e = http.get("/api/v1/interlinkers/itest-meeting-guide", "Accept-Language", lang).json();
            String shown = lang.equals("es") ? "es" : "en";
            assertEquals(lang, shown, e.path("language").asText());
            assertEquals(lang, shown.equals("en") ? "Meeting guide" : "Meeting guide (es)", e.path("name").asText());
            assertEquals("knowledge", e.path("nature").asText());
            assertEquals("pack", e.path("origin").asText());
            assertEquals("# Template of itest-meeting-guide in " + shown + "\n", http.get("/api/v1/interlinkers/itest-meeting-guide/resource?lang=" + lang).body());
            JsonNode audit = http.get("/api/v1/interlinkers/itest-walk-audit?lang=" + lang).json();
            assertEquals(lang.equals("en") ? "Walk audit" : "Walk audit (" + lang + ")", audit.path("name").asText());
        }
        assertTrue(ids(http.get("/api/v1/recommendations?problemProfiles=DEF_PROBLEM_3&limit=100").json()).contains("itest-meeting-guide"));
        Await.until("the pack in the activity log", Duration.ofSeconds(10),
                () -> http.get("/api/v1/activity?subjectType=knowledge-pack&subjectId=org.example.itest.guides"),
                a -> a.body().contains("eu/interlink/knowledge/PUBLISHED"));

        // A knowledge asset of a task: a copy of the Spanish resource.
        String process = Coproduction.createProcess(http, "Knowledge from a pack");
        JsonNode tree = http.post("/api/v1/processes/" + process + "/schema", Map.of("schema", "default")).json();
        String task = Coproduction.find(tree, "task-understand_the_different_types_of_stakeholders").path("id").asText();
        Http.Answer created = http.post("/api/v1/processes/" + process + "/tasks/" + task + "/assets",
                Map.of("kind", "knowledge", "interlinker", "itest-meeting-guide", "language", "es"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("knowledge", created.json().path("kind").asText());
        assertEquals("es", created.json().path("language").asText());
        String asset = created.json().path("id").asText();
        assertEquals("# Template of itest-meeting-guide in es\n", http.get("/api/v1/assets/" + asset + "/download").body());

        // The update replaces the pack's entries: one renamed, one gone, one new.
        Files.write(dropped, Packs.pack("org.example.itest.guides", "1.1.0")
                .guide("itest-meeting-guide", "Meeting guide, revised", "easy", "DEF_PROBLEM_3", "en", "es")
                .guide("itest-debrief", "Debrief", "easy", "VAL_PROBLEM_2", "en").jar());
        Await.until("the updated pack", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/itest-debrief"), a -> a.status() == 200);
        Await.until("the entry gone from the update", Duration.ofSeconds(10), () -> http.get("/api/v1/interlinkers/itest-walk-audit"), a -> a.status() == 404);
        assertEquals("Meeting guide, revised", http.get("/api/v1/interlinkers/itest-meeting-guide").json().path("name").asText());
        assertEquals("1.1.0", http.get("/api/v1/admin/knowledge-packs/org.example.itest.guides").json().path("version").asText());

        // Removed: its entries leave the catalogue, the asset stays with its copy.
        Files.delete(dropped);
        Await.until("the pack's entries to leave", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers/itest-meeting-guide"), a -> a.status() == 404);
        assertEquals(404, http.get("/api/v1/interlinkers/itest-debrief").status());
        assertFalse(ids(http.get("/api/v1/interlinkers?nature=knowledge&limit=100").json()).contains("itest-meeting-guide"));
        assertProblem(http.get("/api/v1/admin/knowledge-packs/org.example.itest.guides"), 404);
        assertEquals(200, http.get("/api/v1/assets/" + asset).status());
        assertEquals("# Template of itest-meeting-guide in es\n", http.get("/api/v1/assets/" + asset + "/download").body());
        assertEquals(201, http.post("/api/v1/assets/" + asset + "/copy", Map.of()).status());
        Await.until("the withdrawal in the activity log", Duration.ofSeconds(10),
                () -> http.get("/api/v1/activity?subjectType=knowledge-pack&subjectId=org.example.itest.guides"),
                a -> a.body().contains("eu/interlink/knowledge/WITHDRAWN"));
    }

    @Test
    public void theAdminApiInstallsAndRemovesAPackLikeAnInterlinker() throws Exception {
        byte[] jar = Packs.pack("org.example.itest.uploaded", "2.0.0").guide("itest-uploaded-guide", "Uploaded guide", "easy", "ORG_PROBLEM_1", "en", "it").jar();
        Http.Answer installed = http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", jar);
        assertEquals(installed.toString(), 201, installed.status());
        JsonNode pack = installed.json();
        assertEquals("knowledge-pack", pack.path("kind").asText());
        assertEquals("published", pack.path("status").asText());
        assertEquals("org.example.itest.uploaded", pack.path("symbolicName").asText());
        assertEquals("[\"itest-uploaded-guide\"]", pack.path("interlinkers").toString());
        // Listed as soon as the install answers.
        assertEquals("Uploaded guide (it)", http.get("/api/v1/interlinkers/itest-uploaded-guide?lang=it").json().path("name").asText());
        assertEquals("Uploaded guide", http.get("/api/v1/interlinkers/itest-uploaded-guide?lang=lv").json().path("name").asText());

        assertEquals(204, http.delete("/api/v1/admin/knowledge-packs/org.example.itest.uploaded").status());
        assertEquals(404, http.get("/api/v1/interlinkers/itest-uploaded-guide").status());
        assertNull(installed("org.example.itest.uploaded"));
        assertProblem(http.delete("/api/v1/admin/knowledge-packs/org.example.itest.uploaded"), 404);

        // From a location, the same.
        Path file = Files.createTempFile("itest-pack-", ".jar");
        Files.write(file, jar);
        Http.Answer fromFile = http.post("/api/v1/admin/interlinkers", Map.of("location", file.toString()));
        assertEquals(fromFile.toString(), 201, fromFile.status());
        assertEquals("published", fromFile.json().path("status").asText());
        assertEquals(200, http.get("/api/v1/interlinkers/itest-uploaded-guide").status());
        assertEquals(204, http.delete("/api/v1/admin/knowledge-packs/org.example.itest.uploaded").status());
        assertEquals(404, http.get("/api/v1/interlinkers/itest-uploaded-guide").status());
        Files.delete(file);
    }

    @Test
    public void aMalformedPackIsRefusedWithItsReasonAndThePlatformGoesOn() throws Exception {
        // Through the admin API: 422 with the reason, and nothing left installed.
        byte[] missing = Packs.pack("org.example.itest.broken", "1.0.0").guide("itest-broken", "Broken", "easy", "ORG_PROBLEM_1", "en", "es")
                .without("knowledge/itest-broken/es/instructions.md").jar();
        JsonNode refused = assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", missing), 422);
        assertTrue(refused.toString(), refused.path("detail").asText().contains("knowledge/itest-broken/es/instructions.md is missing"));
        assertNull(installed("org.example.itest.broken"));
        assertEquals(404, http.get("/api/v1/interlinkers/itest-broken").status());

        // A code outside the vocabularies, and an id another pack has: both named.
        byte[] badCode = Packs.pack("org.example.itest.badcode", "1.0.0").guide("itest-bad-code", "Bad code", "hard", "ORG_PROBLEM_1", "en").jar();
        JsonNode p = assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", badCode), 422);
        assertTrue(p.toString(), p.path("detail").asText().contains("Interlinker 'itest-bad-code': 'difficulty' must be one of"));
        byte[] taken = Packs.pack("org.example.itest.taken", "1.0.0").guide("interview-guide", "Mine", "easy", "ORG_PROBLEM_1", "en").jar();
        p = assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", taken), 422);
        assertTrue(p.toString(), p.path("detail").asText().contains("from the knowledge pack " + STARTER));
        assertEquals(STARTER, http.get("/api/v1/admin/knowledge-packs/" + STARTER).json().path("symbolicName").asText());
        assertEquals("published", http.get("/api/v1/admin/knowledge-packs/" + STARTER).json().path("status").asText());

        // Through deploy/: it stays installed, refused, and operators read why.
        Path dropped = deployFolder().resolve("itest-broken.jar");
        Files.write(dropped, Packs.pack("org.example.itest.broken", "1.0.0").guide("itest-broken", "Broken", "easy", "ORG_PROBLEM_1", "en")
                .file("knowledge/itest-broken/interlinker.json", "{\"id\": \"itest-broken\", \"languages\": [\"en\"],").jar());
        JsonNode shown = Await.until("the refusal", Duration.ofSeconds(30), () -> http.get("/api/v1/admin/knowledge-packs/org.example.itest.broken"),
                a -> a.status() == 200 && a.json().path("status").asText().equals("refused")).json();
        assertTrue(shown.toString(), shown.path("reason").asText().startsWith("knowledge/itest-broken/interlinker.json is not valid JSON"));
        assertEquals(0, shown.path("interlinkers").size());
        assertEquals(404, http.get("/api/v1/interlinkers/itest-broken").status());
        Await.until("the refusal in the activity log", Duration.ofSeconds(10),
                () -> http.get("/api/v1/activity?subjectType=knowledge-pack&subjectId=org.example.itest.broken"),
                a -> a.body().contains("eu/interlink/knowledge/REFUSED"));
        assertEquals(200, http.get("/api/v1/health").status());
        assertEquals(200, http.get("/api/v1/interlinkers/checklist").status());
        assertEquals(200, http.get("/api/v1/interlinkers/interview-guide").status());

        Files.delete(dropped);
        Await.until("the refused pack to leave the list", Duration.ofSeconds(30), () -> http.get("/api/v1/admin/knowledge-packs/org.example.itest.broken"),
                a -> a.status() == 404);

        // Not a jar at all: the kernel's answer, as before.
        assertProblem(http.postRaw("/api/v1/admin/interlinkers", "application/java-archive", "not a jar".getBytes()), 400);
        assertProblem(http.method("PUT", "/api/v1/admin/knowledge-packs"), 405);
        assertProblem(http.method("POST", "/api/v1/admin/knowledge-packs/x"), 405);
    }

    @Test
    public void externalEntriesShowTheirLinkInEachLanguage() {
        Map<String, Object> entry = Map.of("id", "itest-city-forum", "nature", "external-software",
                "name", Map.of("en", "City forum", "lv", "Pilsētas forums"),
                "uri", Map.of("en", "https://forum.example.org/en", "lv", "https://forum.example.org/lv"),
                "languages", List.of("en", "lv"), "problemProfiles", List.of());
        Http.Answer created = http.post("/api/v1/interlinkers", entry);
        assertEquals(created.toString(), 201, created.status());
        assertEquals("https://forum.example.org/lv", http.get("/api/v1/interlinkers/itest-city-forum?lang=lv").json().path("uri").asText());
        assertEquals("https://forum.example.org/en", http.get("/api/v1/interlinkers/itest-city-forum?lang=it").json().path("uri").asText());
        JsonNode listed = http.get("/api/v1/interlinkers?nature=external-software&lang=lv&limit=100").json();
        boolean found = false;
        for (JsonNode e : listed.path("items")) {
            if (!e.path("id").asText().equals("itest-city-forum")) continue;
            found = true;
            assertEquals("Pilsētas forums", e.path("name").asText());
            assertEquals("https://forum.example.org/lv", e.path("uri").asText());
            assertEquals("api", e.path("origin").asText());
        }
        assertTrue(listed.toString(), found);
        assertEquals(2, http.get("/api/v1/interlinkers/itest-city-forum").json().path("uris").size());
        assertEquals(204, http.delete("/api/v1/interlinkers/itest-city-forum").status());
    }
}
