package eu.interlink.testing.sample;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.Test;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetRef;
import eu.interlink.api.Blob;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.InterlinkerDescriptor;

public class SampleInterlinkerTest {
    private final SampleInterlinker sample = new SampleInterlinker("0.1.0");

    /** Documents only: all the sample uses. */
    private static final class Store implements DocumentStore {
        final TreeMap<String, Document> documents = new TreeMap<>();

        @Override public Optional<Document> get(String key) { return Optional.ofNullable(documents.get(key)); }
        @Override public List<String> keys(String prefix) { return documents.keySet().stream().filter(k -> k.startsWith(prefix)).toList(); }
        @Override public Document put(String key, String json) {
            Document old = documents.get(key);
            Document d = Document.of(key, old == null ? 1 : old.version() + 1, json);
            documents.put(key, d);
            return d;
        }
        @Override public Document replace(String key, String json, long expectedVersion) { throw new UnsupportedOperationException(); }
        @Override public boolean delete(String key) { return documents.remove(key) != null; }
        @Override public Blob putBlob(String key, String contentType, InputStream content) { throw new UnsupportedOperationException(); }
        @Override public Optional<Blob> getBlob(String key) { return Optional.empty(); }
        @Override public List<String> blobKeys(String prefix) { return List.of(); }
        @Override public boolean deleteBlob(String key) { return false; }
    }

    private record Context(AssetRef asset, DocumentStore store) implements AssetContext {
        Context(String id) { this(AssetRef.of(id, SampleInterlinker.ID), new Store()); }
        @Override public Locale locale() { return Locale.ENGLISH; }
        @Override public Optional<Principal> user() { return Optional.empty(); }
        @Override public Optional<String> processId() { return Optional.empty(); }
        @Override public Optional<String> taskId() { return Optional.empty(); }
    }

    @Test
    public void describesItself() {
        InterlinkerDescriptor d = sample.descriptor();
        assertEquals("sample", d.id());
        assertEquals("0.1.0", d.version());
        assertEquals(EnumSet.of(Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD), d.capabilities());
        assertEquals(Set.of("en", "es", "it", "lv"), d.languages());
        assertTrue(d.assetPage().isEmpty());
    }

    @Test
    public void keepsCopiesAndExportsItsParams() throws Exception {
        Context source = new Context("s1");
        assertEquals("My sample", sample.instantiate(source, Map.of("name", " My sample ", "n", 3)).name());
        assertEquals("Sample", sample.instantiate(new Context("s0"), Map.of()).name());

        Context target = new Context("s2");
        assertEquals("My sample", sample.copy(source, target).name());
        assertEquals(source.store().get("data").orElseThrow().json(), target.store().get("data").orElseThrow().json());

        AssetExport export = sample.export(target).orElseThrow();
        assertEquals("sample.json", export.fileName());
        assertEquals("application/json", export.contentType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json, json.contains("\"name\":\" My sample \"") && json.contains("\"n\":3"));

        sample.delete(target);
    }

    @Test
    public void paramsThatAreNotJsonAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> sample.instantiate(new Context("s3"), Map.of("x", new Object())));
    }
}
