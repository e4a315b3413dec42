package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
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
 * The importer over HTTP and in the shell: the whole shared seed catalogue with counts and values read from its
 * files, the missing resources it reports, a second import that changes nothing, a hand-made folder with a broken
 * item, and refused folders.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeedImportIT {
    @Inject
    private SessionFactory sessions;

    private Http http;
    private Seed seed;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    private static boolean starterPackRemoved;

    @Before
    public void waitForTheApi() {
        http = Platform.operator();
        seed = new Seed();
        Platform.awaitReady(http);
        Await.until("the import API", Duration.ofSeconds(60), () -> http.post("/api/v1/admin/import", Map.of()), a -> a.status() == 400);
        Await.until("the catalogue", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        if (!starterPackRemoved) {
            Fixtures.removeStarterPack(http); // the counts below are the seed's alone
            starterPackRemoved = true;
        }
    }

    private JsonNode importSeed() {
        Http.Answer a = http.post("/api/v1/admin/import", Map.of("folder", seed.root.toString()));
        assertEquals(a.toString(), 200, a.status());
        return a.json();
    }

    @Test
    public void importsTheWholeSeedCatalogueWithExactCountsAndValues() throws Exception {
        // The shipped software Interlinkers (bundles) are listed before any import; imported metadata of the same id
        // merges into theirs instead of adding a row.
        Set<String> software = new TreeSet<>();
        http.get("/api/v1/interlinkers?limit=100&nature=software").json().path("items").forEach(i -> software.add(i.path("id").asText()));
        JsonNode report = importSeed();
        System.out.println("SeedImportIT: first import of the seed catalogue in " + report.path("millis").asLong() + " ms");
        // Counts from the files: every profile, every item folder with a metadata.json.
        assertEquals(seed.json("problemprofiles/problemprofiles.json").size(), report.path("counts").path("problem-profile").path("created").asInt());
        assertEquals(45, report.path("counts").path("problem-profile").path("created").asInt());
        for (int i = 0; i < Seed.FOLDERS.size(); i++) {
            int expected = seed.items(Seed.FOLDERS.get(i)).size();
            assertEquals(Seed.NATURES.get(i) + " in " + report.path("counts"), expected,
                    report.path("counts").path(Seed.NATURES.get(i)).path("created").asInt());
            int listed = expected;
            if (Seed.NATURES.get(i).equals("software")) {
                Set<String> all = new TreeSet<>(software);
                seed.items(Seed.FOLDERS.get(i)).forEach(m -> all.add(m.path("id").asText()));
                listed = all.size();
            }
            assertEquals(listed, http.get("/api/v1/interlinkers?limit=1&nature=" + Seed.NATURES.get(i)).json().path("total").asInt());
        }
        assertEquals(5, report.path("counts").path("software").path("created").asInt());
        assertEquals(36, report.path("counts").path("knowledge").path("created").asInt());
        assertEquals(12, report.path("counts").path("external-knowledge").path("created").asInt());
        assertEquals(15, report.path("counts").path("external-software").path("created").asInt());

        // Each missing resource, logo or instructions file is reported, and its entry imported all the same.
        Set<String> missing = new TreeSet<>();
        for (JsonNode m : seed.allItems()) {
            for (String field : new String[] {"file_translations", "instructions_translations"}) {
                for (Iterator<Map.Entry<String, JsonNode>> it = m.path(field).fields(); it.hasNext();) {
                    String path = it.next().getValue().asText();
                    if (!seed.exists(path)) missing.add(m.path("id").asText() + " " + path);
                }
            }
            if (m.hasNonNull("logotype") && !seed.exists(m.path("logotype").asText())) missing.add(m.path("id").asText() + " " + m.path("logotype").asText());
        }
        Set<String> reported = new TreeSet<>();
        for (JsonNode issue : report.path("issues")) {
            if (issue.path("kind").asText().equals("file") && issue.path("reason").asText().contains("does not exist")) {
                String reason = issue.path("reason").asText();
                String path = reason.substring(reason.indexOf("./"), reason.indexOf(" does not exist"));
                reported.add(issue.path("item").asText() + " " + path);
            }
        }
        assertFalse(missing.isEmpty());
        assertEquals(missing, reported);
        for (String m : missing) {
            assertEquals(m, 200, http.get("/api/v1/interlinkers/" + m.substring(0, m.indexOf(' '))).status());
        }

        // Values read from the files.
        JsonNode canvas = seed.item("stakeholders_mapping_canvas");
        JsonNode es = http.get("/api/v1/interlinkers/stakeholders_mapping_canvas?lang=es").json();
        assertEquals(canvas.path("name_translations").path("es").asText(), es.path("name").asText());
        assertEquals("es", es.path("language").asText());
        assertEquals("knowledge", es.path("nature").asText());
        JsonNode profiles = seed.json("problemprofiles/problemprofiles.json");
        JsonNode profile = profiles.path(0);
        JsonNode lv = http.get("/api/v1/problemprofiles/" + profile.path("id").asText(), "Accept-Language", "lv").json();
        assertEquals(profile.path("name_translations").path("lv").asText(), lv.path("name").asText());
        Http.Answer instructions = http.get("/api/v1/interlinkers/google_drive/instructions");
        assertEquals(200, instructions.status());
        assertTrue(instructions.header("Content-Type").startsWith("text/markdown"));
        assertEquals(seed.text("interlinkers/software/google-drive/instructions.md"), instructions.body());
        Http.Bytes logo = http.getBytes("/api/v1/interlinkers/google_drive/logo");
        assertEquals(200, logo.status());
        assertEquals("image/png", logo.header("Content-Type"));
        assertArrayEquals(seed.bytes("interlinkers/software/google-drive/logo.png"), logo.body());
        // An imported software Interlinker that no bundle serves is listed, not available.
        JsonNode drive = http.get("/api/v1/interlinkers/google_drive").json();
        assertFalse(drive.path("available").asBoolean());
        assertEquals("unavailable", drive.path("status").asText());
        assertTrue(http.get("/api/v1/interlinkers/checklist").json().path("available").asBoolean());

        // The same folder again: everything unchanged.
        JsonNode second = importSeed();
        assertEquals(0, second.path("total").path("created").asInt());
        assertEquals(0, second.path("total").path("updated").asInt());
        assertEquals(report.path("total").path("created").asInt(), second.path("total").path("unchanged").asInt());

        // And in the shell: the counts and every issue.
        String printed = shell("interlink:import " + seed.root);
        assertTrue(printed, printed.contains("problem-profile") && printed.contains("knowledge") && printed.contains("Unchanged"));
        assertTrue(printed, printed.contains(report.path("issues").size() + " issue(s)"));
        assertTrue(printed, printed.contains("does not exist"));
        String refused = shellFails("interlink:import /no/such/folder");
        assertTrue(refused, refused.contains("/no/such/folder") && !refused.contains("Exception"));
    }

    @Test
    public void importsAHandMadeFolderAndCarriesOnPastABrokenItem() throws Exception {
        Path root = Files.createTempDirectory("seed");
        Files.createDirectories(root.resolve("problemprofiles"));
        Files.writeString(root.resolve("problemprofiles/problemprofiles.json"),
                "[{\"id\":\"HAND_PROBLEM_1\",\"name_translations\":{\"en\":\"Hand-made problem\",\"it\":\"Problema fatto a mano\"}}]");
        Path good = Files.createDirectories(root.resolve("interlinkers/externalsoftware/neighbourhood-map"));
        Files.writeString(good.resolve("metadata.json"), "{\"id\":\"neighbourhood_map\",\"name_translations\":{\"en\":\"Neighbourhood map\",\"lv\":\"Apkaimes karte\"},"
                + "\"uri_translations\":{\"en\":\"https://maps.example.org\"},\"problemprofiles\":[\"HAND_PROBLEM_1\"],\"difficulty\":\"easy\","
                + "\"logotype\":\"./interlinkers/externalsoftware/neighbourhood-map/logo.png\"}");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        Files.write(good.resolve("logo.png"), png);
        Path broken = Files.createDirectories(root.resolve("interlinkers/knowledge/broken"));
        Files.writeString(broken.resolve("metadata.json"), "{\"id\": \"broken\", \"name_translations\": ");

        JsonNode report = http.post("/api/v1/admin/import", Map.of("folder", root.toString())).json();
        assertEquals(report.toString(), 1, report.path("counts").path("problem-profile").path("created").asInt());
        assertEquals(report.toString(), 1, report.path("counts").path("external-software").path("created").asInt());
        boolean brokenReported = false;
        for (JsonNode i : report.path("issues")) {
            brokenReported |= i.path("kind").asText().equals("knowledge") && i.path("item").asText().equals("interlinkers/knowledge/broken")
                    && i.path("reason").asText().contains("not valid JSON");
        }
        assertTrue(report.toString(), brokenReported);
        JsonNode map = http.get("/api/v1/interlinkers/neighbourhood_map?lang=lv").json();
        assertEquals("Apkaimes karte", map.path("name").asText());
        assertEquals("https://maps.example.org", map.path("uri").asText());
        assertArrayEquals(png, http.getBytes("/api/v1/interlinkers/neighbourhood_map/logo").body());
        assertEquals("Problema fatto a mano", http.get("/api/v1/problemprofiles/HAND_PROBLEM_1?lang=it").json().path("name").asText());
        assertEquals(404, http.get("/api/v1/interlinkers/broken").status());
    }

    @Test
    public void refusesWhatIsNotASeedFolder() throws Exception {
        assertEquals("folder", assertProblem(http.post("/api/v1/admin/import", Map.of()), 400).path("field").asText());
        assertEquals("folder", assertProblem(http.post("/api/v1/admin/import", Map.of("folder", 42)), 400).path("field").asText());
        assertEquals("folder", assertProblem(http.post("/api/v1/admin/import", Map.of("folder", "relative/path")), 400).path("field").asText());
        assertEquals("folder", assertProblem(http.post("/api/v1/admin/import", Map.of("folder", "/no/such/folder")), 400).path("field").asText());
        Path empty = Files.createTempDirectory("not-a-seed");
        JsonNode p = assertProblem(http.post("/api/v1/admin/import", Map.of("folder", empty.toString())), 400);
        assertEquals("folder", p.path("field").asText());
        assertTrue(p.toString(), p.path("detail").asText().contains("seed format"));
        assertProblem(http.postRaw("/api/v1/admin/import", "text/plain", "folder=/tmp".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.post("/api/v1/admin/import", "{\"folder\":"), 400);
        Http.Answer get = http.get("/api/v1/admin/import");
        assertProblem(get, 405);
        assertEquals("POST", get.header("Allow"));
    }

    /** Runs a console command as a Karaf administrator (the interlink:* commands that change things need one). */
    private String shell(String command) throws Exception {
        return Console.run(sessions, command, Console.ADMIN);
    }

    private String shellFails(String command) {
        try {
            String out = shell(command);
            throw new AssertionError(command + " should fail, printed: " + out);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
