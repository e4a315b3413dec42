package eu.interlink.interlinker.checklist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import eu.interlink.api.AssetExport;
import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

public class ChecklistInterlinkerTest {
    private final ChecklistInterlinker interlinker = new ChecklistInterlinker("1.2.3");
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private final InMemoryAssetContext context = InMemoryAssetContext.of("a1", ChecklistInterlinker.ID, store);

    @Test
    public void describesItself() {
        InterlinkerDescriptor d = interlinker.descriptor();
        assertEquals("checklist", d.id());
        assertEquals("1.2.3", d.version());
        assertEquals(Nature.SOFTWARE, d.nature());
        assertEquals(EnumSet.allOf(Capability.class), d.capabilities());
        assertEquals(Set.of("en", "es", "it", "lv"), d.languages());
        assertEquals("Kontrolsaraksts", d.texts("lv").name());
        assertEquals("/interlinkers/checklist/assets/{assetId}", d.assetPage().orElseThrow());
        assertEquals(1, d.dataVersion());
    }

    @Test
    public void outsideAFrameworkThereIsNoBundleVersion() {
        // Why the tests use the package-private constructor.
        assertThrows(IllegalStateException.class, ChecklistInterlinker::new);
    }

    @Test
    public void instantiateStoresOneDocument() {
        Map<String, Object> params = Map.of("title", " Prepare the workshop ", "items", List.of("Book the room", "Invite"),
                "unknown", 42);
        assertEquals("Prepare the workshop", interlinker.instantiate(context, params).name());
        assertEquals(List.of("checklist"), store.keys(""));
        Checklist stored = Checklist.fromJson(store.get("checklist").orElseThrow().json());
        assertEquals(2, stored.items().size());
        assertEquals(1, store.get("checklist").orElseThrow().version());
    }

    @Test
    public void instantiateNeedsATitle() {
        assertMessage("title is required", Map.of());
        assertMessage("title is required", Map.of("title", 12));
        assertMessage("title must not be blank", Map.of("title", "  "));
        assertMessage("title must be at most 200 characters", Map.of("title", "t".repeat(201)));
        Map<String, Object> nullTitle = new HashMap<>();
        nullTitle.put("title", null);
        assertMessage("title is required", nullTitle);
        assertThrows(IllegalArgumentException.class, () -> interlinker.instantiate(context, null));
        assertTrue(store.keys("").isEmpty());
    }

    @Test
    public void itemsMustBeTexts() {
        assertMessage("items must be a list of texts", Map.of("title", "T", "items", "one"));
        assertMessage("items must be a list of texts", Map.of("title", "T", "items", List.of("one", 2)));
        assertMessage("item text must not be blank", Map.of("title", "T", "items", List.of("one", " ")));
    }

    private void assertMessage(String start, Map<String, Object> params) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> interlinker.instantiate(context, params));
        assertTrue(e.getMessage(), e.getMessage().startsWith(start));
    }

    @Test
    public void copyKeepsTitleAndItems() {
        interlinker.instantiate(context, Map.of("title", "Plan", "items", List.of("a", "b")));
        InMemoryDocumentStore targetStore = new InMemoryDocumentStore();
        assertEquals("Plan", interlinker.copy(context, InMemoryAssetContext.of("a2", ChecklistInterlinker.ID, targetStore)).name());
        assertEquals(store.get("checklist").orElseThrow().json(), targetStore.get("checklist").orElseThrow().json());
    }

    @Test
    public void deleteIsAllowed() {
        interlinker.instantiate(context, Map.of("title", "Plan"));
        interlinker.delete(context);
    }

    @Test
    public void exportIsMarkdown() throws Exception {
        interlinker.instantiate(context, Map.of("title", "Plan", "items", List.of("a")));
        AssetExport export = interlinker.export(context).orElseThrow();
        assertEquals("plan.md", export.fileName());
        assertEquals("text/markdown; charset=utf-8", export.contentType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        assertEquals("# Plan\n\n- [ ] a\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void nothingToExportWithoutAChecklist() {
        assertTrue(interlinker.export(context).isEmpty());
    }
}
