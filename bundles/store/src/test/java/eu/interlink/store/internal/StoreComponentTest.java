package eu.interlink.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

import eu.interlink.api.Blob;
import eu.interlink.api.Document;
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
        Schema.migrate(ds);
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
    public void aWriterWhoLosesARaceForTheRowIsToldItIsStaleAndItsTransactionGoesOn() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "store");
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath() + "/interlink;LOCK_TIMEOUT=200");
        Schema.migrate(ds);
        StoreComponent locking = new StoreComponent(ds);
        locking.activate();
        locking.inTransaction(c -> locking.documents("editor", "doc").replace("current", "{\"v\":1}", 0));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> locking.inTransaction(c -> {
                locking.documents("editor", "doc").replace("current", "{\"v\":2}", 1);
                written.countDown();
                release.await(30, TimeUnit.SECONDS); // holds the row's lock, uncommitted
                return null;
            }));
            assertTrue(written.await(30, TimeUnit.SECONDS));
            locking.inTransaction(c -> {
                DocumentStore doc = locking.documents("editor", "doc");
                assertThrows(StaleDocumentException.class, () -> doc.replace("current", "{\"v\":3}", 1));
                doc.put("revision/2", "{}"); // the same transaction still works
                return null;
            });
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        locking.inTransaction(c -> {
            assertEquals("{\"v\":2}", locking.documents("editor", "doc").get("current").orElseThrow().json());
            assertTrue(locking.documents("editor", "doc").get("revision/2").isPresent());
            return null;
        });
    }

    @Test
    public void concurrentOptimisticWritersEachLandExactlyOnce() throws Exception {
        store.inTransaction(c -> store.documents("editor", "shared").replace("count", "{\"n\":0}", 0));
        int writers = 6;
        int saves = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < saves; i++) {
                    store.inTransaction(c -> {
                        DocumentStore doc = store.documents("editor", "shared");
                        while (true) { // re-read and retry in the same transaction, as Interlinkers do
                            Document d = doc.get("count").orElseThrow();
                            int n = Integer.parseInt(d.json().replaceAll("\\D", ""));
                            try {
                                return doc.replace("count", "{\"n\":" + (n + 1) + "}", d.version());
                            } catch (StaleDocumentException lost) {
                                // someone else's save landed first
                            }
                        }
                    });
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
        store.inTransaction(c -> {
            Document d = store.documents("editor", "shared").get("count").orElseThrow();
            assertEquals("{\"n\":" + writers * saves + "}", d.json());
            assertEquals(1 + writers * saves, d.version());
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
