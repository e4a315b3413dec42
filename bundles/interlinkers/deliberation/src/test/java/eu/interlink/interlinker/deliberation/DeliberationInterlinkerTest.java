package eu.interlink.interlinker.deliberation;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.api.AssetExport;
import eu.interlink.testkit.ConformanceKit;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

/** Instantiate, copy and export, and the conformance kit's checks that need no platform (DeliberationIT runs all). */
public class DeliberationInterlinkerTest {
    static final Map<String, Object> PARAMS = Map.of("title", "Park benches",
            "proposals", List.of(Map.of("title", "Ten benches", "text", "Along the river")),
            "polls", List.of(Map.of("kind", "single", "question", "Which park first?", "options", List.of("Central", "River"))));

    private final DeliberationInterlinker interlinker = new DeliberationInterlinker("1.0.0");

    @Test
    public void conformsOutsideThePlatform() {
        ConformanceKit.forInterlinker(() -> new DeliberationInterlinker("1.0.0")).instantiateWith(PARAMS).assertConforms();
    }

    @Test
    public void aCopyHoldsEverythingAndExportsTheSameBytes() throws IOException {
        InMemoryDocumentStore source = new InMemoryDocumentStore();
        InMemoryAssetContext from = InMemoryAssetContext.of("a1", "deliberation", source);
        assertEquals("Park benches", interlinker.instantiate(from, PARAMS).name());
        Board board = new Board(source, java.time.Instant.now());
        String poll = board.polls().get(0).path("id").asText();
        board.vote(poll, Board.JSON.valueToTree(Map.of("choice", "2")), "ana");
        board.addThread(Board.JSON.valueToTree(Map.of("title", "Where", "text", "Which park?")), "ben", "");

        InMemoryAssetContext to = InMemoryAssetContext.of("a2", "deliberation", new InMemoryDocumentStore());
        interlinker.copy(from, to);
        byte[] original = export(interlinker.export(from).orElseThrow());
        assertArrayEquals(original, export(interlinker.export(to).orElseThrow()));

        JsonNode json = Board.JSON.readTree(original);
        assertEquals("interlink-deliberation", json.path("format").asText());
        assertEquals(1, json.path("threads").size());
        assertEquals("Ten benches", json.path("proposals").path(0).path("title").asText());
        assertEquals("ana", json.path("polls").path(0).path("votes").path(0).path("voter").asText());
        assertEquals("2", json.path("polls").path(0).path("results").path("outcome").path("winner").asText());
        assertTrue(json.path("polls").path(0).path("version").isMissingNode());
        assertEquals("park-benches.json", interlinker.export(from).orElseThrow().fileName());
        assertTrue(interlinker.export(InMemoryAssetContext.of("gone", "deliberation", new InMemoryDocumentStore())).isEmpty());
    }

    private static byte[] export(AssetExport export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return out.toByteArray();
    }
}
