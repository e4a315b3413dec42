package eu.interlink.coproduction.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFacet;
import eu.interlink.coproduction.CatalogueQuery;
import eu.interlink.coproduction.CatalogueResult;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.Language;

/** The importer and the catalogue over it, on a real H2 database (the shared seed data when it is beside the project). */
public class ImportTest {
    static final Path SEED = Path.of("../../../shared/data/interlink-catalogue").toAbsolutePath().normalize();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private TestStore store;
    private TestRegistry registry;
    private CatalogueComponent catalogue;
    private ImportComponent importer;

    @Before
    public void freshPlatform() throws Exception {
        store = new TestStore();
        registry = new TestRegistry();
        catalogue = new CatalogueComponent(store, registry);
        importer = new ImportComponent(store, catalogue, List.of());
    }

    private static long items(String nature) throws Exception {
        try (Stream<Path> s = Files.list(SEED.resolve("interlinkers").resolve(nature))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("metadata.json"))).count();
        }
    }

    @Test
    public void importsTheSharedSeedDataOnceAndThenChangesNothing() throws Exception {
        assumeTrue("the shared seed data is beside the project", Files.isDirectory(SEED));
        long start = System.nanoTime();
        ImportReport first = importer.importFolder(SEED);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("First import: " + ms + " ms, " + first.counts() + ", " + first.issues().size() + " issues");
        first.issues().forEach(i -> System.out.println("  " + i));
        assertEquals(45, first.counts().get("problem-profile").created());
        assertEquals(items("software"), first.counts().get("software").created());
        assertEquals(items("knowledge"), first.counts().get("knowledge").created());
        assertEquals(items("externalsoftware"), first.counts().get("external-software").created());
        assertEquals(items("externalknowledge"), first.counts().get("external-knowledge").created());

        start = System.nanoTime();
        ImportReport second = importer.importFolder(SEED);
        System.out.println("Second import: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals(0, second.total().created());
        assertEquals(0, second.total().updated());
        assertEquals(first.total().created(), second.total().unchanged());

        CatalogueEntry canvas = catalogue.find("stakeholders_mapping_canvas").orElseThrow();
        assertEquals("Lienzo de mapeo de las partes interesadas", canvas.name().in(Language.ES).orElseThrow());
        assertTrue(canvas.resources().isEmpty());
        // Resources per language, falling back to English.
        CatalogueEntry consent = catalogue.find("consent_form_for_interlink_project").orElseThrow();
        assertEquals(Set.of("en", "it"), consent.resources().keySet());
        assertArrayEquals(Files.readAllBytes(SEED.resolve("interlinkers/knowledge/Consent-Form-INTERLINK/italian.docx")),
                catalogue.resource("consent_form_for_interlink_project", Language.IT).orElseThrow().content());
        assertEquals("resource.docx", catalogue.resource("consent_form_for_interlink_project", Language.LV).orElseThrow().name());
        CatalogueEntry drive = catalogue.find("google_drive").orElseThrow();
        assertFalse(drive.available());
        byte[] logo = Files.readAllBytes(SEED.resolve("interlinkers/software/google-drive/logo.png"));
        assertArrayEquals(logo, catalogue.logo("google_drive").orElseThrow().content());
        assertEquals("image/png", catalogue.logo("google_drive").orElseThrow().contentType());
        assertEquals(Files.readString(SEED.resolve("interlinkers/software/google-drive/instructions.md"), StandardCharsets.UTF_8),
                drive.instructions().in(Language.EN).orElseThrow());
        // No Latvian name: English, not nothing.
        assertEquals("Gamification Model Canvas", catalogue.find("gamification_model_canvas").orElseThrow().name().in(Language.LV).orElseThrow());

        CatalogueResult es = catalogue.search(new CatalogueQuery(Optional.of("partes interesadas"), Language.ES, Map.of(), 0, 0, 100));
        assertTrue(es.page().total() > 0);
        assertEquals("stakeholders_mapping_canvas", es.page().items().stream().filter(e -> e.id().equals("stakeholders_mapping_canvas")).findFirst().orElseThrow().id());
        CatalogueResult knowledge = catalogue.search(new CatalogueQuery(Optional.empty(), Language.EN,
                Map.of(CatalogueFacet.NATURE, Set.of("knowledge"), CatalogueFacet.DIFFICULTY, Set.of("easy")), 0, 0, 100));
        assertTrue(knowledge.page().items().stream().allMatch(e -> e.nature() == Nature.KNOWLEDGE && "easy".equals(e.difficulty())));
        assertEquals(knowledge.page().total(), (int) knowledge.facets().get(CatalogueFacet.NATURE).get("knowledge"));

        // The registry's Interlinker of an imported id takes its metadata and is available.
        registry.serve(InterlinkerDescriptor.builder("loomio", "1.0.0").capabilities(Capability.INSTANTIATE).texts("en", "Loomio (bundle)", "").build());
        CatalogueEntry loomio = catalogue.find("loomio").orElseThrow();
        assertTrue(loomio.available());
        assertEquals("Loomio (bundle)", loomio.name().in(Language.EN).orElseThrow());
        assertTrue(loomio.logo().isPresent());
        assertFalse(catalogue.recommend(List.of("ORG_PROBLEM_1"), Language.EN, 5).isEmpty());

        // Related: sharing problem profiles, never itself.
        List<CatalogueEntry> related = catalogue.related("stakeholders_mapping_canvas", Language.EN, 10);
        assertFalse(related.isEmpty());
        assertTrue(related.stream().noneMatch(e -> e.id().equals("stakeholders_mapping_canvas")));
        assertTrue(related.stream().allMatch(e -> e.problemProfiles().contains("UND_PROBLEM_2")));
    }

    @Test
    public void aHandMadeFolderWithABrokenItemImportsTheRest() throws Exception {
        Path root = tmp.newFolder("seed").toPath();
        Files.createDirectories(root.resolve("problemprofiles"));
        Files.writeString(root.resolve("problemprofiles/problemprofiles.json"),
                "[{\"id\":\"P_1\",\"name_translations\":{\"en\":\"First\",\"lv\":\"Pirmais\"}},{\"id\":\"P_2\",\"name_translations\":{\"en\":\"Second\"}}]");
        Path good = Files.createDirectories(root.resolve("interlinkers/externalknowledge/good"));
        Files.writeString(good.resolve("metadata.json"), "{\"id\":\"good_one\",\"name_translations\":{\"en\":\"A good one\"},"
                + "\"uri_translations\":{\"en\":\"https://example.org\"},\"problemprofiles\":[\"P_1\"],\"instructions_translations\":{\"en\":\"instructions.md\"},"
                + "\"file_translations\":{\"en\":\"./interlinkers/externalknowledge/good/missing.pdf\"}}");
        Files.writeString(good.resolve("instructions.md"), "# Use it");
        Path broken = Files.createDirectories(root.resolve("interlinkers/externalknowledge/broken"));
        Files.writeString(broken.resolve("metadata.json"), "{\"id\": \"broken\", ");
        Files.createDirectories(root.resolve("weblate/es"));
        Files.writeString(root.resolve("weblate/es/interlinkers.json"), "{\"externalknowledge;good_one;name\":\"Uno bueno\",\"externalknowledge;ghost;name\":\"Fantasma\"}");

        ImportReport report = importer.importFolder(root);
        assertEquals(2, report.counts().get("problem-profile").created());
        assertEquals(1, report.counts().get("external-knowledge").created());
        assertTrue(report.issues().toString(), report.issues().stream().anyMatch(i -> i.item().equals("interlinkers/externalknowledge/broken")
                && i.reason().contains("not valid JSON")));
        assertTrue(report.issues().toString(), report.issues().stream().anyMatch(i -> i.kind().equals("file") && i.item().equals("good_one")
                && i.reason().contains("missing.pdf")));
        assertTrue(report.issues().toString(), report.issues().stream().anyMatch(i -> i.item().equals("externalknowledge;ghost")));
        CatalogueEntry e = catalogue.find("good_one").orElseThrow();
        assertEquals("Uno bueno", e.name().in(Language.ES).orElseThrow());
        assertEquals("# Use it", e.instructions().in(Language.IT).orElseThrow());

        // Changed on disk: updated, and only that.
        Files.writeString(good.resolve("instructions.md"), "# Use it well");
        ImportReport again = importer.importFolder(root);
        assertEquals(1, again.counts().get("external-knowledge").updated());
        assertEquals(2, again.counts().get("problem-profile").unchanged());
        assertEquals("# Use it well", catalogue.find("good_one").orElseThrow().instructions().in(Language.EN).orElseThrow());
    }

    @Test
    public void refusesWhatIsNotASeedFolder() throws Exception {
        assertEquals("folder", assertThrowsField(() -> importer.importFolder(Path.of("relative/path"))));
        assertEquals("folder", assertThrowsField(() -> importer.importFolder(tmp.getRoot().toPath().resolve("nope"))));
        Path empty = tmp.newFolder("empty").toPath();
        assertEquals("folder", assertThrowsField(() -> importer.importFolder(empty)));
    }

    private static String assertThrowsField(Runnable r) {
        try {
            r.run();
        } catch (FieldException e) {
            return e.field();
        }
        throw new AssertionError("no FieldException");
    }
}
