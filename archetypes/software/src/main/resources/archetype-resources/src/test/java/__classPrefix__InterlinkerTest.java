package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.Test;

import eu.interlink.testkit.ConformanceKit;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

/** Unit tests: the Interlinker's own rules, then the conformance kit's checks that need no platform. */
public class ${classPrefix}InterlinkerTest {
    private final ${classPrefix}Interlinker interlinker = new ${classPrefix}Interlinker("1.0.0");

    @Test
    public void keepsTheNoteInTheStoreAndExportsItAsMarkdown() throws Exception {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        InMemoryAssetContext context = InMemoryAssetContext.of("a1", ${classPrefix}Interlinker.ID, store);
        assertEquals("Minutes", interlinker.instantiate(context, Map.of("title", " Minutes ", "text", "We met.")).name());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        interlinker.export(context).orElseThrow().writeTo(out);
        assertEquals("# Minutes\n\nWe met.\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void refusesANoteWithoutTitle() {
        InMemoryAssetContext context = InMemoryAssetContext.of("a1", ${classPrefix}Interlinker.ID, new InMemoryDocumentStore());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> interlinker.instantiate(context, Map.of()));
        assertEquals("title is required: a text of 1 to 200 characters", e.getMessage());
    }

    @Test
    public void conforms() {
        ConformanceKit.forInterlinker(() -> new ${classPrefix}Interlinker("1.0.0"))
                .instantiateWith(Map.of("title", "Minutes", "text", "We met."))
                .assertConforms();
    }
}
