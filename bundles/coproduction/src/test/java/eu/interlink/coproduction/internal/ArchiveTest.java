package eu.interlink.coproduction.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.After;
import org.junit.Test;

import eu.interlink.kernel.service.KernelException;

/** The checks a zip passes before an import stores anything: names, sizes, the manifest's fields. */
public class ArchiveTest {
    private static final String TREE = "\"tree\": [{\"id\": \"p\", \"type\": \"phase\", \"name\": {\"en\": \"P\"}},"
            + " {\"id\": \"o\", \"type\": \"objective\", \"parent\": \"p\", \"name\": {\"en\": \"O\"}},"
            + " {\"id\": \"t\", \"type\": \"task\", \"parent\": \"o\", \"name\": {\"en\": \"T\"}, \"startDate\": \"2026-01-02\"}]";
    private Path file;

    @After
    public void remove() throws IOException {
        if (file != null) Files.deleteIfExists(file);
    }

    private ZipFile zip(Map<String, String> entries) throws IOException {
        file = Files.createTempFile("archive-test", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return Archive.open(file);
    }

    private static String manifest(String more) {
        return "{\"format\": \"interlink-process\", \"formatVersion\": 1, \"process\": {\"name\": \"Plan\"}, " + TREE
                + ", \"assets\": []" + more + "}";
    }

    private KernelException refused(Map<String, String> entries) throws IOException {
        try (ZipFile zip = zip(entries)) {
            Archive.read(zip);
            fail("accepted");
            return null;
        } catch (KernelException e) {
            return e;
        }
    }

    @Test
    public void readsAWellFormedManifest() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest(", \"permissions\": [{\"team\": \"t1\", \"teamName\": \"Team\", \"item\": \"t\", \"access\": true}]"));
        try (ZipFile zip = zip(entries)) {
            Archive a = Archive.read(zip);
            assertEquals("Plan", a.process.name());
            assertEquals(3, a.items.size());
            assertEquals("2026-01-02", a.items.get(2).start().toString());
            assertEquals("t", a.grants.get(0).item());
        }
    }

    @Test
    public void entryNamesMustStayInside() {
        for (String bad : new String[] {"../x", "a/../../x", "/abs", "c:\\x", "a\\b", "a/./b", "x\u0000y", ""}) {
            assertFalse(bad, Archive.safeEntryName(bad));
        }
        assertTrue(Archive.safeEntryName("assets/0/documents/1.json"));
    }

    @Test
    public void refusesWhatIsNotAProcessZip() throws IOException {
        assertEquals("invalid-archive", refused(Map.of("other.json", "{}")).type());
        assertEquals("invalid-manifest", refused(Map.of("manifest.json", "[1]")).type());
        assertEquals("invalid-manifest", refused(Map.of("manifest.json", "{\"format\": \"zip\", \"formatVersion\": 1}")).type());
        assertEquals("unsupported-format-version", refused(Map.of("manifest.json", "{\"format\": \"interlink-process\", \"formatVersion\": 2}")).type());
        assertEquals("unsafe-entry-name", refused(Map.of("manifest.json", manifest(""), "../up", "x")).type());
        file = Files.createTempFile("archive-test", ".zip");
        Files.writeString(file, "not a zip");
        try {
            Archive.open(file).close();
            fail("accepted");
        } catch (KernelException e) {
            assertEquals("not-a-zip", e.type());
        }
    }

    @Test
    public void namesTheFaultyFieldOfTheManifest() throws IOException {
        String orphan = manifest("").replace("\"parent\": \"o\"", "\"parent\": \"p\"");
        assertTrue(refused(Map.of("manifest.json", orphan)).getMessage().contains("tree[2].parent"));
        String asset = manifest("").replace("\"assets\": []", "\"assets\": [{\"task\": \"o\", \"kind\": \"external\", \"name\": \"L\", \"uri\": \"https://x.org\"}]");
        assertTrue(refused(Map.of("manifest.json", asset)).getMessage().contains("assets[0].task"));
        String script = manifest("").replace("\"assets\": []", "\"assets\": [{\"task\": \"t\", \"kind\": \"external\", \"name\": \"L\", \"uri\": \"javascript:x\"}]");
        assertTrue(refused(Map.of("manifest.json", script)).getMessage().contains("assets[0].uri"));
        String missing = manifest("").replace("\"assets\": []", "\"assets\": [{\"task\": \"t\", \"kind\": \"internal\", \"interlinker\": \"survey\","
                + " \"name\": \"S\", \"documents\": [{\"key\": \"survey\", \"entry\": \"assets/0/documents/0.json\"}]}]");
        assertTrue(refused(Map.of("manifest.json", missing)).getMessage().contains("assets[0].documents[0].entry"));
    }

    @Test
    public void stopsReadingPastTheLimits() throws IOException {
        KernelException big = refused(Map.of("manifest.json", "{" + " ".repeat(Archive.MAX_MANIFEST_BYTES) + "}"));
        assertEquals(413, big.status());
        Path upload = Files.createTempFile("archive-test", ".upload");
        try {
            Archive.spool(new ByteArrayInputStream(new byte[1024]), upload);
            assertEquals(1024, Files.size(upload));
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
