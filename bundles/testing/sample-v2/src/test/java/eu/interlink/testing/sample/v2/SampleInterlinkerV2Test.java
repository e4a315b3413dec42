package eu.interlink.testing.sample.v2;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.Capability;
import eu.interlink.api.DataMigration;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.testing.sample.V1;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

public class SampleInterlinkerV2Test {
    private final Interlinker v1 = V1.sample();
    private final SampleInterlinker v2 = new SampleInterlinker("0.2.0");
    private final DataMigration wrap = v2.migrations().get(0);

    /** Params with a bit of everything JSON has, in a fixed order. */
    private static List<Map<String, Object>> paramSets() {
        Map<String, Object> rich = new LinkedHashMap<>();
        rich.put("name", " Città di Rīga – ñ \"quoted\" \\ / \u2028 \t ");
        rich.put("n", 3);
        rich.put("big", 12345678901234L);
        rich.put("pi", 3.14159);
        rich.put("tiny", 1.0E-7);
        rich.put("yes", true);
        rich.put("none", null);
        rich.put("list", List.of(1, "two", List.of(), Map.of()));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", "last?");
        nested.put("a", Map.of("deep", List.of(false)));
        rich.put("nested", nested);
        rich.put("emoji", "\uD83D\uDE00");
        return List.of(Map.of(), Map.of("title", "A title"), rich);
    }

    private static String data(AssetContext c) {
        return c.store().get("data").orElseThrow().json();
    }

    private static byte[] download(Interlinker interlinker, AssetContext c) throws IOException {
        AssetExport export = interlinker.export(c).orElseThrow();
        assertEquals("sample.json", export.fileName());
        assertEquals("application/json", export.contentType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        return out.toByteArray();
    }

    private static InMemoryAssetContext context(String id) {
        return InMemoryAssetContext.of(id, SampleInterlinker.ID, new InMemoryDocumentStore());
    }

    @Test
    public void describesItselfAsTheSameInterlinkerOneVersionLater() {
        InterlinkerDescriptor d = v2.descriptor();
        assertEquals(v1.descriptor().id(), d.id());
        assertEquals("0.2.0", d.version());
        assertEquals(1, v1.descriptor().dataVersion());
        assertEquals(2, d.dataVersion());
        assertEquals(v1.descriptor().capabilities(), d.capabilities());
        assertEquals(EnumSet.of(Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD), d.capabilities());
        assertEquals(Set.of("en", "es", "it", "lv"), d.languages());
        assertEquals(1, v2.migrations().size());
        assertEquals(1, wrap.fromVersion());
        assertTrue(wrap.reversible());
    }

    @Test
    public void storesShape2AndExportsTheBytesV1Exports() throws Exception {
        int i = 0;
        for (Map<String, Object> params : paramSets()) {
            InMemoryAssetContext a1 = context("a" + i), a2 = context("b" + i++);
            assertEquals(v1.instantiate(a1, params), v2.instantiate(a2, params));
            assertEquals("{\"shape\":2,\"params\":" + data(a1) + "}", data(a2));
            assertEquals(2, Shape2.JSON.readTree(data(a2)).get("shape").intValue());
            assertArrayEquals(download(v1, a1), download(v2, a2));
        }
    }

    @Test
    public void migratesV1DataAndRevertsItExactly() throws Exception {
        int i = 0;
        for (Map<String, Object> params : paramSets()) {
            InMemoryAssetContext asset = context("m" + i++);
            v1.instantiate(asset, params);
            String v1Data = data(asset);
            byte[] v1Download = download(v1, asset);

            wrap.migrate(asset);
            assertEquals("{\"shape\":2,\"params\":" + v1Data + "}", data(asset));
            assertArrayEquals(v1Download, download(v2, asset));

            InMemoryAssetContext copy = context("c" + i);
            assertEquals(v1.instantiate(context("x"), params), v2.copy(asset, copy));
            assertArrayEquals(v1Download, download(v2, copy));

            wrap.revert(asset);
            assertEquals(v1Data, data(asset));
            assertArrayEquals(v1Download, download(v1, asset));
        }
    }

    @Test
    public void revertsDataMadeByV2ToWhatV1WouldHaveMade() throws Exception {
        for (Map<String, Object> params : paramSets()) {
            InMemoryAssetContext made1 = context("p"), made2 = context("q");
            v1.instantiate(made1, params);
            v2.instantiate(made2, params);
            wrap.revert(made2);
            assertEquals(data(made1), data(made2));
        }
    }

    @Test
    public void keepsV1TextThatJacksonWouldWriteDifferently() throws Exception {
        String odd = "{ \"b\" : [1, 2.50, \"\\u00e9\"],\n \"a\":{} }";
        InMemoryAssetContext asset = context("o");
        asset.store().put("data", odd);
        byte[] v1Download = download(v1, asset);
        wrap.migrate(asset);
        assertArrayEquals(v1Download, download(v2, asset));
        wrap.revert(asset);
        assertEquals(odd, data(asset));
    }

    @Test
    public void skipsAnAssetWithoutData() {
        InMemoryAssetContext asset = context("e");
        asset.store().put("other", "{\"x\":1}");
        wrap.migrate(asset);
        assertFalse(asset.store().get("data").isPresent());
        wrap.revert(asset);
        assertFalse(asset.store().get("data").isPresent());
        assertEquals("{\"x\":1}", asset.store().get("other").orElseThrow().json());
        assertTrue(v2.export(asset).isEmpty());
    }

    @Test
    public void refusesToRevertDataThatIsNotOfShape2() {
        for (String notShape2 : Arrays.asList("{\"name\":\"x\"}", "[1]", "{\"shape\":3,\"params\":{}}",
                "{\"shape\":2}", "{\"shape\":2,\"params\":{},\"more\":1}", "{\"shape\":2,\"params\":\"text\"}")) {
            InMemoryAssetContext asset = context("r");
            asset.store().put("data", notShape2);
            assertThrows(notShape2, IllegalStateException.class, () -> wrap.revert(asset));
            assertEquals(notShape2, data(asset));
        }
    }

    @Test
    public void paramsThatAreNotJsonAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> v2.instantiate(context("z"), Map.of("x", new Object())));
    }
}
