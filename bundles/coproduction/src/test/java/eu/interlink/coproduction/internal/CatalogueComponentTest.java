package eu.interlink.coproduction.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;

import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFacet;
import eu.interlink.coproduction.CatalogueQuery;
import eu.interlink.coproduction.CatalogueResult;
import eu.interlink.coproduction.EntryDraft;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.Rating;
import eu.interlink.coproduction.Translated;
import eu.interlink.kernel.service.KernelException;

/** The catalogue service on a real H2 database: entries made through the API, ratings, search and the merge with the registry. */
public class CatalogueComponentTest {
    private TestStore store;
    private TestRegistry registry;
    private CatalogueComponent catalogue;

    @Before
    public void fresh() throws Exception {
        store = new TestStore();
        registry = new TestRegistry();
        catalogue = new CatalogueComponent(store, registry);
        store.inTransaction(c -> {
            ProfileTables.save(c, new ProblemProfile("P_1", Translated.of("One"), Translated.EMPTY, Translated.EMPTY), "d1", false);
            ProfileTables.save(c, new ProblemProfile("P_2", Translated.of("Two"), Translated.EMPTY, Translated.EMPTY), "d2", false);
            return null;
        });
        catalogue.changed();
    }

    private static EntryDraft draft(String id, String name, String description, List<String> profiles) {
        return new EntryDraft(id, Nature.EXTERNAL_KNOWLEDGE, new Translated(Map.of("en", name)), Translated.of(description), Translated.EMPTY,
                Translated.EMPTY, Translated.EMPTY, Translated.of("https://example.org/" + id), Map.of("en", List.of("sample")), profiles, "easy",
                "permissive", List.of("all;businesses"), List.of(), List.of("local"), "guidelines", "pdf", List.of("en"), false);
    }

    @Test
    public void externalEntriesAreCheckedSavedChangedAndDeleted() {
        CatalogueEntry e = catalogue.create(draft("open-data", "Open data portal", "Datasets", List.of("P_1")));
        assertEquals("api", e.origin());
        assertTrue(e.available());
        assertEquals(409, assertThrows(KernelException.class, () -> catalogue.create(draft("open-data", "Again", "", List.of()))).status());
        registry.serve(InterlinkerDescriptor.builder("editor", "1.0.0").capabilities(Capability.INSTANTIATE).texts("en", "Editor", "").build());
        assertEquals(409, assertThrows(KernelException.class, () -> catalogue.create(draft("editor", "Editor", "", List.of()))).status());
        assertEquals("problemProfiles", assertThrows(FieldException.class, () -> catalogue.create(draft("x", "X", "", List.of("NOPE")))).field());
        assertEquals("id", assertThrows(FieldException.class, () -> catalogue.create(draft("../x", "X", "", List.of()))).field());
        EntryDraft noEnglish = new EntryDraft("y", Nature.EXTERNAL_SOFTWARE, new Translated(Map.of("es", "Y")), null, null, null, null,
                Translated.of("https://y.example.org"), null, null, null, null, null, null, null, null, null, null, false);
        assertEquals("name", assertThrows(FieldException.class, () -> catalogue.create(noEnglish)).field());

        catalogue.update("open-data", draft(null, "City open data", "Datasets", List.of("P_2")));
        assertEquals("City open data", catalogue.find("open-data").orElseThrow().name().in(Language.LV).orElseThrow());
        assertEquals(List.of("P_2"), catalogue.find("open-data").orElseThrow().problemProfiles());
        assertEquals(409, assertThrows(KernelException.class, () -> catalogue.delete("editor")).status());
        catalogue.delete("open-data");
        assertTrue(catalogue.find("open-data").isEmpty());
        assertEquals(404, assertThrows(KernelException.class, () -> catalogue.delete("open-data")).status());
    }

    @Test
    public void aNodeSeesWhatAnotherNodeChangedInTheSharedDatabaseWithinTwoSeconds() throws Exception {
        CatalogueComponent other = new CatalogueComponent(store, registry); // another node's catalogue, same database
        assertTrue(other.find("open-data").isEmpty());
        catalogue.create(draft("open-data", "Open data portal", "Datasets", List.of("P_1")));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (other.find("open-data").isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue("the other node follows within the deadline", other.find("open-data").isPresent());
        catalogue.rate("open-data", "ana", 4, "good");
        deadline = System.nanoTime() + 5_000_000_000L;
        while (other.find("open-data").orElseThrow().ratingCount() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(1, other.find("open-data").orElseThrow().ratingCount());
    }

    @Test
    public void aUsersNewRatingReplacesTheirOldOne() {
        catalogue.create(draft("guide", "Guide", "", List.of()));
        Rating first = catalogue.rate("guide", "ana", 4, "good");
        assertFalse(first.replaced());
        assertTrue(catalogue.rate("guide", "ana", 2, null).replaced());
        catalogue.rate("guide", "ben", 5, "");
        CatalogueEntry e = catalogue.find("guide").orElseThrow();
        assertEquals(2, e.ratingCount());
        assertEquals(3.5, e.ratingAverage().orElseThrow(), 0.0001);
        assertEquals(2, catalogue.ratings("guide", 0, 10).total());
        assertEquals("value", assertThrows(FieldException.class, () -> catalogue.rate("guide", "ana", 0, null)).field());
        assertEquals(404, assertThrows(KernelException.class, () -> catalogue.rate("nope", "ana", 3, null)).status());
    }

    @Test
    public void searchFoldsAccentsRanksNamesFirstAndCountsFacets() {
        catalogue.create(draft("a-desc", "Toolkit", "A guide to participación", List.of("P_1")));
        catalogue.create(draft("b-name", "Participación ciudadana", "Something else", List.of("P_1", "P_2")));
        catalogue.create(draft("c-none", "Unrelated", "Nothing", List.of()));
        CatalogueResult r = catalogue.search(new CatalogueQuery(Optional.of("PARTICIPACION"), Language.ES, Map.of(), 0, 0, 10));
        assertEquals(List.of("b-name", "a-desc"), r.page().items().stream().map(CatalogueEntry::id).toList());
        assertEquals(2, (int) r.facets().get(CatalogueFacet.PROBLEM_PROFILE).get("P_1"));
        CatalogueResult targets = catalogue.search(new CatalogueQuery(Optional.empty(), Language.EN, Map.of(CatalogueFacet.TARGET, Set.of("all")), 0, 0, 10));
        assertEquals(3, targets.page().total());
        assertEquals(List.of("b-name"), catalogue.recommend(List.of("P_1", "P_2"), Language.EN, 1).stream().map(CatalogueEntry::id).toList());
        assertEquals(List.of("b-name"), catalogue.related("a-desc", Language.EN, 10).stream().map(CatalogueEntry::id).toList());
    }

    @Test
    public void theRevisionMovesWithTheRegistryAndTheCatalogue() {
        long before = catalogue.revision();
        assertEquals(before, catalogue.revision());
        registry.serve(InterlinkerDescriptor.builder("survey", "1.0.0").capabilities(Capability.INSTANTIATE).texts("en", "Survey", "").build());
        long afterRegistry = catalogue.revision();
        assertNotEquals(before, afterRegistry);
        assertTrue(catalogue.find("survey").orElseThrow().available());
        catalogue.create(draft("x", "X", "", List.of()));
        assertNotEquals(afterRegistry, catalogue.revision());
    }

    @Test
    public void searchesAThousandEntriesQuickly() {
        store.inTransaction(c -> {
            for (int i = 0; i < 1000; i++) {
                CatalogueTables.save(c, new StoredEntry("entry-" + i, Nature.values()[i % 4], "import",
                        Map.of(StoredEntry.NAME, new Translated(Map.of("en", "Entry number " + i + " for citizens", "es", "Entrada número " + i + " para la ciudadanía",
                                "lv", "Ieraksts " + i + " iedzīvotājiem")),
                                StoredEntry.DESCRIPTION, Translated.of("A description of entry " + i + " with enough words to be realistic ".repeat(5))),
                        Map.of(StoredEntry.PROBLEM_PROFILE, List.of("P_" + (i % 40)), StoredEntry.TARGET, List.of("all")),
                        Map.of("en", List.of("tag" + (i % 30))), List.of("easy", "medium", "difficult").get(i % 3), "permissive", null, null, false, null, null,
                        List.of(), "digest", Instant.now()), false);
            }
            return null;
        });
        catalogue.changed();
        catalogue.search(CatalogueQuery.all(Language.EN, 0, 20));
        long start = System.nanoTime();
        int rounds = 200;
        for (int i = 0; i < rounds; i++) {
            catalogue.search(new CatalogueQuery(Optional.of("ciudadania " + (i % 10)), Language.ES,
                    Map.of(CatalogueFacet.DIFFICULTY, Set.of("easy", "medium")), 0, 0, 20));
        }
        double ms = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf("search over 1,000 entries: %.2f ms%n", ms);
        assertTrue(ms + " ms per search", ms < 50);
    }
}
