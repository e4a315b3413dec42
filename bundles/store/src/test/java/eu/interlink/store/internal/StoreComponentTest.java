package eu.interlink.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Random;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

import eu.interlink.api.Blob;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.StaleDocumentException;

/** The store's SQL on a real H2 file database, migrated by Flyway as in the platform. */
public class StoreComponentTest {
    private StoreComponent store;

    @Before
    public void migrateAFreshDatabase() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "store");
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath() + "/interlink");
        store = new StoreComponent(ds);
        store.activate();
    }

    @Test
    public void documentsAreVersionedAndScopedToOneAsset() {
        store.inTransaction(c -> {
            DocumentStore a = store.documents("survey", "a1");
            assertEquals(1, a.put("form", "{\"q\":1}").version());
            assertEquals(2, a.put("form", "{\"q\":2}").version());
            a.put("answers/1", "[1]");
            a.put("answers/2", "[2]");
            a.put("answers_x", "[3]");
            assertEquals(List.of("answers/1", "answers/2"), a.keys("answers/"));
            assertEquals(List.of("answers_x"), a.keys("answers_"));
            assertTrue(store.documents("survey", "a2").get("form").isEmpty());
            assertTrue(store.documents("editor", "a1").get("form").isEmpty());
            return null;
        });
        store.inTransaction(c -> {
            assertEquals("{\"q\":2}", store.documents("survey", "a1").get("form").orElseThrow().json());
            return null;
        });
    }

    @Test
    public void replaceRefusesAStaleVersion() {
        store.inTransaction(c -> {
            DocumentStore a = store.documents("editor", "doc");
            assertEquals(1, a.replace("text", "{}", 0).version());
            StaleDocumentException again = assertThrows(StaleDocumentException.class, () -> a.replace("text", "{}", 0));
            assertEquals(1, again.actualVersion());
            assertEquals(2, a.replace("text", "{\"v\":2}", 1).version());
            StaleDocumentException stale = assertThrows(StaleDocumentException.class, () -> a.replace("text", "{\"v\":3}", 1));
            assertEquals(2, stale.actualVersion());
            return null;
        });
    }

    @Test
    public void aFailingTransactionLeavesNothingAndANestedFailureOnlyItsOwnPart() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            store.documents("survey", "t").put("kept", "{}");
            throw new IllegalStateException("boom");
        }));
        store.inTransaction(c -> {
            assertTrue(store.documents("survey", "t").get("kept").isEmpty());
            store.documents("survey", "t").put("outer", "{}");
            assertThrows(IllegalArgumentException.class, () -> store.inTransaction(c2 -> {
                store.documents("survey", "t").put("inner", "{}");
                throw new IllegalArgumentException("inner fails");
            }));
            return null;
        });
        store.inTransaction(c -> {
            assertTrue(store.documents("survey", "t").get("outer").isPresent());
            assertTrue(store.documents("survey", "t").get("inner").isEmpty());
            return null;
        });
    }

    @Test
    public void refusesWhatIsNotAJsonDocumentOrAGoodKey() {
        store.inTransaction(c -> {
            DocumentStore a = store.documents("survey", "bad");
            for (String json : new String[] {"", "nope", "42", "\"text\"", "{", "{} {}", "{\"a\":}"}) {
                assertThrows(json, IllegalArgumentException.class, () -> a.put("k", json));
            }
            assertThrows(IllegalArgumentException.class, () -> a.put("", "{}"));
            assertThrows(IllegalArgumentException.class, () -> a.put("a\nb", "{}"));
            assertThrows(IllegalArgumentException.class, () -> a.put("x".repeat(201), "{}"));
            return null;
        });
    }

    @Test
    public void blobsAreStreamedInChunksCopiedAndDeleted() throws Exception {
        byte[] bytes = new byte[JdbcDocumentStore.CHUNK * 2 + 12345];
        new Random(7).nextBytes(bytes);
        store.inTransaction(c -> {
            Blob blob = store.documents("files", "f1").putBlob("report.pdf", "application/pdf", new ByteArrayInputStream(bytes));
            assertEquals(bytes.length, blob.size());
            store.documents("files", "f1").put("meta", "{\"name\":\"report\"}");
            store.copyDocuments("files", "f1", "f2");
            return null;
        });
        store.inTransaction(c -> {
            for (String asset : new String[] {"f1", "f2"}) {
                Blob blob = store.documents("files", asset).getBlob("report.pdf").orElseThrow();
                assertEquals("application/pdf", blob.contentType());
                try (InputStream in = blob.open()) {
                    assertTrue(java.util.Arrays.equals(bytes, in.readAllBytes()));
                }
            }
            assertEquals(List.of("meta"), store.documents("files", "f2").keys(""));
            store.deleteDocuments("files", "f1");
            assertTrue(store.documents("files", "f1").getBlob("report.pdf").isEmpty());
            assertFalse(store.documents("files", "f1").deleteBlob("report.pdf"));
            assertTrue(store.documents("files", "f2").getBlob("report.pdf").isPresent());
            return null;
        });
    }

    @Test
    public void healthNamesTheDatabase() {
        assertTrue(store.health().up());
        assertTrue(store.health().database(), store.health().database().startsWith("H2"));
    }
}
