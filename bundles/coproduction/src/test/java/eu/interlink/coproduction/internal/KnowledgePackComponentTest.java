package eu.interlink.coproduction.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
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
import eu.interlink.coproduction.CatalogueFile;
import eu.interlink.coproduction.EntryDraft;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Translated;
import eu.interlink.kernel.service.KernelException;

/** Knowledge packs in the catalogue, on a real H2 database: publish, replace, withdraw, conflicts, ratings kept. */
public class KnowledgePackComponentTest {
    private TestStore store;
    private TestRegistry registry;
    private CatalogueComponent catalogue;
    private KnowledgePackComponent packs;

    @Before
    public void fresh() throws Exception {
        store = new TestStore();
        registry = new TestRegistry();
        catalogue = new CatalogueComponent(store, registry);
        packs = new KnowledgePackComponent(store, catalogue, registry);
    }

    private static CatalogueFile md(String name, String text) {
        return new CatalogueFile(name, "text/markdown; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static KnowledgeDraft guide(String id, String english, String spanish, String difficulty, List<String> profiles) {
        EntryDraft e = new EntryDraft(id, Nature.KNOWLEDGE, new Translated(Map.of("en", english, "es", spanish)),
                new Translated(Map.of("en", "About " + english, "es", "Sobre " + spanish)), new Translated(Map.of("en", "# Use it\n")),
                null, null, null, Map.of("en", List.of("guide")), profiles, difficulty, "permissive", List.of(), List.of(), List.of(),
                "guidelines", "editable_source_document", List.of("en", "es"), false);
        return new KnowledgeDraft(e, null, Map.of("en", md("guide.md", "# " + english), "es", md("guia.md", "# " + spanish)),
                Optional.empty(), List.of());
    }

    @Test
    public void aPackIsListedReplacedAndWithdrawnKeepingItsRatings() {
        assertEquals(List.of("map", "plan"), packs.publish("org.example.pack", List.of(guide("map", "Map", "Mapa", "easy", List.of("UND_PROBLEM_2")),
                guide("plan", "Plan", "Plan", "medium", List.of()))));
        CatalogueEntry map = catalogue.find("map").orElseThrow();
        assertEquals(CatalogueEntry.PACK, map.origin());
        assertEquals(Nature.KNOWLEDGE, map.nature());
        assertTrue(map.available());
        assertEquals("Mapa", map.name().in(Language.ES).orElseThrow());
        assertEquals("Map", map.name().in(Language.LV).orElseThrow());
        assertEquals(List.of("UND_PROBLEM_2"), map.problemProfiles());
        assertArrayEquals("# Mapa".getBytes(StandardCharsets.UTF_8), catalogue.resource("map", Language.ES).orElseThrow().content());
        assertEquals("guide.md", catalogue.resource("map", Language.IT).orElseThrow().name());
        assertEquals(Set.of("org.example.pack"), packs.packs());
        catalogue.rate("map", "ana", 4, null);

        // Unchanged: nothing is written, the revision stays.
        long revision = catalogue.revision();
        packs.publish("org.example.pack", List.of(guide("map", "Map", "Mapa", "easy", List.of("UND_PROBLEM_2")), guide("plan", "Plan", "Plan", "medium", List.of())));
        assertEquals(revision, catalogue.revision());

        // An update replaces the pack's entries: one changed, one gone, one new.
        packs.publish("org.example.pack", List.of(guide("map", "Stakeholder map", "Mapa de actores", "easy", List.of()), guide("survey", "Survey", "Encuesta", "easy", List.of())));
        assertEquals("Stakeholder map", catalogue.find("map").orElseThrow().name().in(Language.EN).orElseThrow());
        assertTrue(catalogue.find("plan").isEmpty());
        assertTrue(catalogue.find("survey").isPresent());

        // Another pack, the API or a software Interlinker cannot take its ids.
        assertEquals(409, assertThrows(KernelException.class, () -> packs.publish("org.other", List.of(guide("map", "M", "M", "easy", List.of())))).status());
        registry.serve(InterlinkerDescriptor.builder("editor", "1.0.0").capabilities(Capability.INSTANTIATE).texts("en", "Editor", "").build());
        assertEquals(409, assertThrows(KernelException.class, () -> packs.publish("org.other", List.of(guide("editor", "E", "E", "easy", List.of())))).status());
        assertEquals(409, assertThrows(KernelException.class, () -> catalogue.delete("map")).status());

        assertEquals(Set.of("map", "survey"), Set.copyOf(packs.withdraw("org.example.pack")));
        assertTrue(catalogue.find("map").isEmpty());
        assertTrue(packs.packs().isEmpty());
        packs.publish("org.example.pack", List.of(guide("map", "Map", "Mapa", "easy", List.of())));
        assertEquals(1, catalogue.find("map").orElseThrow().ratingCount());
    }

    @Test
    public void aBadEntryIsRefusedNamingItAndItsFieldAndNothingIsListed() {
        FieldException e = assertThrows(FieldException.class, () -> packs.publish("p", List.of(guide("good", "Good", "Bueno", "easy", List.of()),
                guide("bad", "Bad", "Malo", "hard", List.of()))));
        assertEquals("difficulty", e.field());
        assertTrue(e.getMessage(), e.getMessage().startsWith("Interlinker 'bad': 'difficulty' must be one of"));
        assertTrue(catalogue.find("good").isEmpty());
        assertEquals("problemProfiles", assertThrows(FieldException.class,
                () -> packs.publish("p", List.of(guide("x", "X", "X", "easy", List.of("not a profile"))))).field());
        assertEquals("id", assertThrows(FieldException.class,
                () -> packs.publish("p", List.of(guide("x", "X", "X", "easy", List.of()), guide("x", "X", "X", "easy", List.of())))).field());
        KnowledgeDraft noResource = new KnowledgeDraft(guide("x", "X", "X", "easy", List.of()).entry(), null, Map.of(), Optional.empty(), List.of());
        assertEquals("resources", assertThrows(FieldException.class, () -> packs.publish("p", List.of(noResource))).field());
    }
}
