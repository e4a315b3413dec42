package eu.interlink.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.Test;

import eu.interlink.api.AssetNotFoundException;
import eu.interlink.api.StaleDocumentException;

/** The stand-ins keep the kernel's rules, or unit tests built on them would prove nothing. */
public class InMemoryDocumentStoreTest {

    @Test
    public void versionsEveryWriteAndRefusesAStaleOne() {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        assertTrue(store.isEmpty());
        assertEquals(1, store.put("a", "{}").version());
        assertEquals(2, store.replace("a", "{\"x\":1}", 1).version());
        assertThrows(StaleDocumentException.class, () -> store.replace("a", "{}", 1));
        assertThrows(StaleDocumentException.class, () -> store.replace("b", "{}", 3));
        assertEquals(1, store.replace("b", "[]", 0).version());
        assertThrows(IllegalArgumentException.class, () -> store.put("c", "42"));
        assertEquals(List.of("a", "b"), store.keys(""));
    }

    @Test
    public void rollsBackToASnapshot() {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        store.put("a", "{}");
        InMemoryDocumentStore.Snapshot s = store.snapshot();
        store.put("b", "{}");
        store.putBlob("f", "text/plain", new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)));
        store.restore(s);
        assertEquals(List.of("a"), store.keys(""));
        assertTrue(store.blobKeys("").isEmpty());
    }

    @Test
    public void accessRollsBackWhatAFailedCallWrote() {
        InMemoryAssetAccess access = new InMemoryAssetAccess("notes");
        access.store("n1").put("note", "{\"v\":1}");
        assertThrows(IllegalStateException.class, () -> access.withAsset("n1", Locale.ENGLISH, null, ctx -> {
            ctx.store().put("note", "{\"v\":2}");
            throw new IllegalStateException("boom");
        }));
        assertEquals("{\"v\":1}", access.store("n1").get("note").orElseThrow().json());
        assertThrows(AssetNotFoundException.class, () -> access.withAsset("n2", Locale.ENGLISH, null, ctx -> null));
        access.remove("n1");
        assertThrows(AssetNotFoundException.class, () -> access.withAsset("n1", Locale.ENGLISH, null, ctx -> null));
    }
}
