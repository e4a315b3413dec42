package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalogue over the imported seed data: search in es, it and lv with facets and filters, language fallback,
 * related entries, recommendations, ratings, files, external entries made through the API, and bad input.
 * Expected values are computed from the seed files.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogueSearchIT {
    private static boolean imported;
    private Http http;
    private Seed seed;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void importTheSeedOnce() {
        http = Platform.operator();
        seed = new Seed();
        if (imported) return;
        Platform.awaitReady(http);
        Await.until("the import API", Duration.ofSeconds(60), () -> http.post("/api/v1/admin/import", Map.of()), a -> a.status() == 400);
        Await.until("the catalogue", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        Fixtures.removeStarterPack(http); // the counts below are the seed's alone
        Http.Answer a = http.post("/api/v1/admin/import", Map.of("folder", seed.root.toString()));
        assertEquals(a.toString(), 200, a.status());
        imported = true;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s.replaceAll("<[^>]*>", " "), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    /** Every item answered for {@code q} holds each of its words, accents and case aside, in what it shows. */
    private void assertEveryItemMatches(JsonNode list, String q) {
        for (JsonNode item : list.path("items")) {
            String shown = fold(item.path("id").asText() + " " + item.path("name").asText() + " " + item.path("description").asText() + " " + item.path("tags"));
            for (String w : fold(q).split("\\s+")) assertTrue(w + " in " + item, shown.contains(w));
        }
    }

    @Test
    public void searchesInSpanishItalianAndLatvianWithAccentsAndCaseIgnored() {
        JsonNode canvas = seed.item("stakeholders_mapping_canvas").path("name_translations");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("es", "PARTES interesadas");
        queries.put("it", "mappatura");
        queries.put("lv", "kartesanas"); // written without the Latvian diacritics of "kartēšanas"
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Http.Answer a = http.get("/api/v1/interlinkers?limit=100&q=" + q.getValue().replace(" ", "+") + "&lang=" + q.getKey());
            assertEquals(a.toString(), 200, a.status());
            assertEquals(q.getKey(), a.header("Content-Language"));
            JsonNode list = a.json();
            assertTrue(q + " " + ids(list), ids(list).contains("stakeholders_mapping_canvas"));
            assertEveryItemMatches(list, q.getValue());
            JsonNode hit = list.path("items").path(ids(list).indexOf("stakeholders_mapping_canvas"));
            assertEquals(canvas.path(q.getKey()).asText(), hit.path("name").asText());
        }
        // A name match ranks above matches in descriptions only.
        JsonNode es = http.get("/api/v1/interlinkers?limit=100&lang=es&q=partes+interesadas").json();
        int firstDescriptionOnly = -1;
        int lastNameMatch = -1;
        for (int i = 0; i < es.path("items").size(); i++) {
            String name = fold(es.path("items").path(i).path("name").asText());
            boolean inName = name.contains("partes") && name.contains("interesadas");
            if (inName) lastNameMatch = i;
            else if (firstDescriptionOnly < 0) firstDescriptionOnly = i;
        }
        assertTrue(es.toString(), lastNameMatch >= 0 && (firstDescriptionOnly < 0 || lastNameMatch < firstDescriptionOnly));
    }

    @Test
    public void filtersAndFacetsMatchTheFiles() {
        int easyKnowledge = 0;
        for (JsonNode m : seed.items("knowledge")) if (m.path("difficulty").asText().equals("easy")) easyKnowledge++;
        JsonNode list = http.get("/api/v1/interlinkers?nature=knowledge&difficulty=easy&limit=100").json();
        assertEquals(easyKnowledge, list.path("total").asInt());
        for (JsonNode item : list.path("items")) {
            assertEquals("knowledge", item.path("nature").asText());
            assertEquals("easy", item.path("difficulty").asText());
        }
        assertEquals(easyKnowledge, list.path("facets").path("nature").path("knowledge").asInt());
        assertEquals(easyKnowledge, list.path("facets").path("difficulty").path("easy").asInt());

        // Facets of the whole catalogue, per value, from the files (plus the shipped checklist bundle).
        Map<String, Integer> licences = new HashMap<>();
        Map<String, Integer> profiles = new HashMap<>();
        for (JsonNode m : seed.allItems()) {
            String licence = m.path("licence").asText().equals("propietary") ? "proprietary" : m.path("licence").asText();
            licences.merge(licence, 1, Integer::sum);
            for (String p : new TreeSet<>(Seed.strings(m.path("problemprofiles")))) profiles.merge(p, 1, Integer::sum);
        }
        JsonNode all = http.get("/api/v1/interlinkers?limit=1").json();
        licences.forEach((licence, n) -> assertEquals(licence, (int) n, all.path("facets").path("licence").path(licence).asInt()));
        assertEquals((int) profiles.get("UND_PROBLEM_2"), all.path("facets").path("problemProfile").path("UND_PROBLEM_2").asInt());
        JsonNode und2 = http.get("/api/v1/interlinkers?problemProfile=UND_PROBLEM_2&limit=100").json();
        assertEquals((int) profiles.get("UND_PROBLEM_2"), und2.path("total").asInt());

        // Several values of one filter: any of them; hierarchical targets: a parent takes its children.
        JsonNode external = http.get("/api/v1/interlinkers?nature=external-software,external_knowledge&limit=1").json();
        assertEquals(seed.items("externalsoftware").size() + seed.items("externalknowledge").size(), external.path("total").asInt());
        int underAll = 0;
        for (JsonNode m : seed.allItems()) {
            for (String t : Seed.strings(m.path("targets"))) {
                if (t.equals("all") || t.startsWith("all;")) {
                    underAll++;
                    break;
                }
            }
        }
        assertEquals(underAll, http.get("/api/v1/interlinkers?target=all&limit=1").json().path("total").asInt());
        // Tags in the requested language.
        JsonNode tagged = http.get("/api/v1/interlinkers?lang=es&tag=documento&limit=100").json();
        assertTrue(ids(tagged).toString(), ids(tagged).contains("google_drive"));
    }

    @Test
    public void aTextMissingInTheLanguageFallsBackToEnglish() {
        JsonNode m = seed.item("gamification_model_canvas");
        assertFalse(m.path("name_translations").has("lv"));
        Http.Answer a = http.get("/api/v1/interlinkers/gamification_model_canvas?lang=lv");
        assertEquals("lv", a.header("Content-Language"));
        assertEquals(m.path("name_translations").path("en").asText(), a.json().path("name").asText());
        assertEquals("en", a.json().path("language").asText());
        // In lists too, and the English instructions stand in for Latvian ones.
        JsonNode list = http.get("/api/v1/interlinkers?limit=100&nature=knowledge", "Accept-Language", "lv").json();
        assertEquals(m.path("name_translations").path("en").asText(), list.path("items").path(ids(list).indexOf("gamification_model_canvas")).path("name").asText());
        Http.Answer instructions = http.get("/api/v1/interlinkers/gamification_model_canvas/instructions?lang=lv");
        assertEquals(200, instructions.status());
        assertEquals("en", instructions.header("Content-Language"));
        assertEquals(seed.text(m.path("instructions_translations").path("en").asText()), instructions.body());
    }

    @Test
    public void relatedEntriesShareProblemProfiles() {
        Set<String> mine = new TreeSet<>(Seed.strings(seed.item("stakeholders_mapping_canvas").path("problemprofiles")));
        JsonNode related = http.get("/api/v1/interlinkers/stakeholders_mapping_canvas/related?limit=100").json();
        assertFalse(related.path("items").isEmpty());
        int expected = 0;
        for (JsonNode m : seed.allItems()) {
            if (m.path("id").asText().equals("stakeholders_mapping_canvas")) continue;
            boolean shares = Seed.strings(m.path("problemprofiles")).stream().anyMatch(mine::contains);
            boolean usable = !seed.items("software").contains(m); // imported software without a bundle cannot be used
            if (shares && usable) expected++;
        }
        assertEquals(expected, related.path("items").size());
        for (JsonNode item : related.path("items")) {
            assertNotEquals("stakeholders_mapping_canvas", item.path("id").asText());
            assertTrue(item.toString(), Seed.strings(item.path("problemProfiles")).stream().anyMatch(mine::contains));
        }
        assertProblem(http.get("/api/v1/interlinkers/no-such-entry/related"), 404);
    }

    @Test
    public void recommendsWhatAddressesTheMostProfiles() {
        JsonNode r = http.get("/api/v1/recommendations?problemProfiles=UND_PROBLEM_2,ORG_PROBLEM_1&limit=100").json();
        assertFalse(r.path("items").isEmpty());
        int previous = Integer.MAX_VALUE;
        for (JsonNode item : r.path("items")) {
            List<String> p = Seed.strings(item.path("problemProfiles"));
            int shared = (p.contains("UND_PROBLEM_2") ? 1 : 0) + (p.contains("ORG_PROBLEM_1") ? 1 : 0);
            assertTrue(item.toString(), shared >= 1 && shared <= previous);
            assertTrue(item.path("available").asBoolean());
            previous = shared;
        }
        assertEquals("problemProfiles", assertProblem(http.get("/api/v1/recommendations"), 400).path("parameter").asText());
        assertEquals("problemProfiles", assertProblem(http.get("/api/v1/recommendations?problemProfiles=a/b"), 400).path("parameter").asText());
        assertEquals(0, http.get("/api/v1/recommendations?problemProfiles=NO_SUCH_PROFILE").json().path("items").size());
    }

    @Test
    public void problemProfilesAreListedAndShownInTheLanguage() {
        JsonNode file = seed.json("problemprofiles/problemprofiles.json");
        JsonNode list = http.get("/api/v1/problemprofiles?lang=it").json();
        assertEquals(file.size(), list.path("total").asInt());
        JsonNode first = file.path(0);
        JsonNode shown = http.get("/api/v1/problemprofiles/" + first.path("id").asText() + "?lang=it").json();
        assertEquals(first.path("name_translations").path("it").asText(), shown.path("name").asText());
        assertEquals(first.path("name_translations").path("lv").asText(), shown.path("texts").path("lv").path("name").asText());
        assertProblem(http.get("/api/v1/problemprofiles/NO_SUCH_PROFILE"), 404);
        assertProblem(http.method("POST", "/api/v1/problemprofiles"), 405);
    }

    @Test
    public void ratingsAreOnePerUserAndAveraged() {
        String url = "/api/v1/interlinkers/focus_group_guidelines/ratings";
        Http.Answer first = http.post(url, Map.of("value", 4, "text", "Clear and short"), Http.AS, "ana");
        assertEquals(first.toString(), 201, first.status());
        Http.Answer again = http.post(url, Map.of("value", 2), Http.AS, "ana");
        assertEquals(again.toString(), 200, again.status());
        assertEquals(201, http.post(url, Map.of("value", 5), Http.AS, "janis").status());
        JsonNode ratings = http.get(url).json();
        assertEquals(2, ratings.path("total").asInt());
        assertEquals(3.5, ratings.path("average").asDouble(), 0.001);
        JsonNode entry = http.get("/api/v1/interlinkers/focus_group_guidelines").json();
        assertEquals(2, entry.path("rating").path("count").asInt());
        assertEquals(3.5, entry.path("rating").path("average").asDouble(), 0.001);
        assertTrue(ids(http.get("/api/v1/interlinkers?minRating=3.5&limit=100").json()).contains("focus_group_guidelines"));
        assertFalse(ids(http.get("/api/v1/interlinkers?minRating=4&limit=100").json()).contains("focus_group_guidelines"));
        // The checklist bundle's Interlinker is rated the same way.
        assertEquals(201, http.post("/api/v1/interlinkers/checklist/ratings", Map.of("value", 5), Http.AS, "ana").status());

        assertEquals("value", assertProblem(http.post(url, Map.of("value", 6), Http.AS, "ana"), 400).path("field").asText());
        assertEquals("value", assertProblem(http.post(url, Map.of("value", "4"), Http.AS, "ana"), 400).path("field").asText());
        assertProblem(Platform.http().post(url, Map.of("value", 3)), 401);
        assertEquals("user", assertProblem(http.post(url, Map.of("value", 3, "user", "eve"), Http.AS, "ana"), 400).path("field").asText());
        assertEquals("text", assertProblem(http.post(url, Map.of("value", 3, "text", "x".repeat(2001)), Http.AS, "ana"), 400).path("field").asText());
        assertProblem(http.post("/api/v1/interlinkers/no-such-entry/ratings", Map.of("value", 3), Http.AS, "ana"), 404);
        assertProblem(http.postRaw(url, "text/plain", "4".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    public void theListingIsCachedUntilTheCatalogueChanges() {
        Http.Answer before = http.get("/api/v1/interlinkers?limit=3");
        String etag = before.header("ETag");
        assertEquals(304, http.get("/api/v1/interlinkers?limit=3", "If-None-Match", etag).status());
        assertEquals(201, http.post("/api/v1/interlinkers/guidelines_for_interviews/ratings", Map.of("value", 3), Http.AS, "etag-test").status());
        Http.Answer after = http.get("/api/v1/interlinkers?limit=3", "If-None-Match", etag);
        assertEquals(200, after.status());
        assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    public void servesSnapshotsAndResourcesInTheLanguage() {
        Http.Bytes snapshot = http.getBytes("/api/v1/interlinkers/google_drive/snapshots/0");
        assertEquals(200, snapshot.status());
        assertArrayEquals(seed.bytes("interlinkers/software/google-drive/snapshots/slides.png"), snapshot.body());
        assertEquals(404, http.getBytes("/api/v1/interlinkers/google_drive/snapshots/1").status());
        assertEquals(404, http.getBytes("/api/v1/interlinkers/google_drive/snapshots/x").status());
        JsonNode consent = seed.item("consent_form_for_interlink_project").path("file_translations");
        Http.Bytes italian = http.getBytes("/api/v1/interlinkers/consent_form_for_interlink_project/resource?lang=it");
        assertEquals(200, italian.status());
        assertArrayEquals(seed.bytes(consent.path("it").asText()), italian.body());
        assertTrue(italian.header("Content-Disposition").startsWith("attachment"));
        // No Latvian resource: the English one.
        assertArrayEquals(seed.bytes(consent.path("en").asText()), http.getBytes("/api/v1/interlinkers/consent_form_for_interlink_project/resource?lang=lv").body());
        assertProblem(http.get("/api/v1/interlinkers/business_model_canvas/resource"), 404); // its file is not in the shared data
        assertProblem(http.get("/api/v1/interlinkers/business_model_canvas/logo"), 404);
        assertProblem(http.get("/api/v1/interlinkers/google_drive/nothing-here"), 404);
    }

    @Test
    public void externalEntriesAreCreatedChangedAndDeletedThroughTheApi() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", "city-open-data");
        entry.put("nature", "external-knowledge");
        entry.put("name", Map.of("en", "City open data portal", "es", "Portal de datos abiertos de la ciudad"));
        entry.put("description", Map.of("en", "Datasets published by the city council"));
        entry.put("uri", Map.of("en", "https://data.example.org"));
        entry.put("problemProfiles", List.of("UND_PROBLEM_2"));
        entry.put("difficulty", "easy");
        entry.put("licence", "public_domain");
        entry.put("administrativeScopes", List.of("local"));
        entry.put("targets", List.of("all;pas"));
        entry.put("tags", Map.of("en", List.of("open data")));
        entry.put("languages", List.of("en", "es"));
        Http.Answer created = http.post("/api/v1/interlinkers", entry);
        assertEquals(created.toString(), 201, created.status());
        assertEquals("/api/v1/interlinkers/city-open-data", created.header("Location"));
        JsonNode shown = http.get("/api/v1/interlinkers/city-open-data?lang=es").json();
        assertEquals("Portal de datos abiertos de la ciudad", shown.path("name").asText());
        assertEquals("api", shown.path("origin").asText());
        assertEquals("https://data.example.org", shown.path("uri").asText());
        assertTrue(ids(http.get("/api/v1/interlinkers/stakeholders_mapping_canvas/related?limit=100").json()).contains("city-open-data"));
        assertTrue(ids(http.get("/api/v1/interlinkers?q=open+data&limit=100").json()).contains("city-open-data"));

        assertProblem(http.post("/api/v1/interlinkers", entry), 409);
        Map<String, Object> checklist = new LinkedHashMap<>(entry);
        checklist.put("id", "checklist");
        assertProblem(http.post("/api/v1/interlinkers", checklist), 409);

        // Each invalid value is a 400 naming its field.
        Object[][] invalid = {
            {"nature", "software"}, {"nature", "robot"}, {"name", Map.of("es", "Sin inglés")}, {"name", "plain text"},
            {"name", Map.of("fr", "Portail")}, {"uri", Map.of("en", "ftp://data.example.org")}, {"uri", Map.of()},
            {"difficulty", "hard"}, {"licence", "mine"}, {"administrativeScopes", List.of("planet")}, {"targets", List.of("All Of Them")},
            {"problemProfiles", List.of("NO_SUCH_PROFILE")}, {"languages", List.of("fr")}, {"tags", Map.of("en", "not a list")},
            {"sustainability", "yes"}, {"id", "has/slash"}, {"colour", "blue"},
        };
        for (Object[] c : invalid) {
            Map<String, Object> bad = new LinkedHashMap<>(entry);
            bad.put("id", "bad-entry");
            bad.put((String) c[0], c[1]);
            JsonNode p = assertProblem(http.post("/api/v1/interlinkers", bad), 400);
            assertEquals(c[0] + "=" + c[1] + ": " + p, c[0], p.path("field").asText());
        }
        assertEquals(404, http.get("/api/v1/interlinkers/bad-entry").status());
        assertProblem(http.postRaw("/api/v1/interlinkers", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.post("/api/v1/interlinkers", "[1,2]"), 400);

        Map<String, Object> changed = new LinkedHashMap<>(entry);
        changed.put("name", Map.of("en", "City data portal"));
        Http.Answer put = http.put("/api/v1/interlinkers/city-open-data", changed);
        assertEquals(put.toString(), 200, put.status());
        assertEquals("City data portal", http.get("/api/v1/interlinkers/city-open-data?lang=es").json().path("name").asText());
        Map<String, Object> renamed = new LinkedHashMap<>(changed);
        renamed.put("id", "another-id");
        assertEquals("id", assertProblem(http.put("/api/v1/interlinkers/city-open-data", renamed), 400).path("field").asText());
        assertProblem(http.put("/api/v1/interlinkers/stakeholders_mapping_canvas", changed), 409);
        assertProblem(http.put("/api/v1/interlinkers/no-such-entry", changed), 404);
        assertProblem(http.delete("/api/v1/interlinkers/stakeholders_mapping_canvas"), 409);
        assertProblem(http.delete("/api/v1/interlinkers/checklist"), 409);

        assertEquals(204, http.delete("/api/v1/interlinkers/city-open-data").status());
        assertProblem(http.get("/api/v1/interlinkers/city-open-data"), 404);
        assertProblem(http.delete("/api/v1/interlinkers/city-open-data"), 404);
    }

    @Test
    public void malformedQueriesAre400ProblemsNamingTheParameter() {
        String[][] cases = {
            {"difficulty=hard", "difficulty"}, {"licence=mine", "licence"}, {"administrativeScope=planet", "administrativeScope"},
            {"form=poem", "form"}, {"format=tape", "format"}, {"language=fr", "language"}, {"minRating=6", "minRating"},
            {"minRating=abc", "minRating"}, {"nature=software,robot", "nature"},
        };
        for (String[] c : cases) {
            JsonNode p = assertProblem(http.get("/api/v1/interlinkers?" + c[0]), 400);
            assertEquals(c[0], c[1], p.path("parameter").asText());
        }
        Http.Answer patch = http.patch("/api/v1/interlinkers/checklist", Map.of());
        assertProblem(patch, 405);
        assertEquals("GET, PUT, DELETE", patch.header("Allow"));
    }
}
