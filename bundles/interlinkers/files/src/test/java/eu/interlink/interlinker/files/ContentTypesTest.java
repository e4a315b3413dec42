package eu.interlink.interlinker.files;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Test;

public class ContentTypesTest {

    private static String detect(byte[] bytes, String name) {
        byte[] prefix = new byte[ContentTypes.PREFIX];
        int n = Math.min(bytes.length, prefix.length);
        System.arraycopy(bytes, 0, prefix, 0, n);
        return ContentTypes.detect(prefix, n, name);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length + 16];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    public void readsTheTypeFromTheBytesNotTheName() {
        assertEquals("application/pdf", detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "photo.png"));
        assertEquals("image/png", detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "report.pdf"));
        assertEquals("image/jpeg", detect(bytes(0xFF, 0xD8, 0xFF, 0xE0), "x"));
        assertEquals("image/gif", detect("GIF89a....".getBytes(StandardCharsets.US_ASCII), "x"));
        assertEquals("application/x-msdownload", detect("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), "notes.txt"));
        assertEquals("application/octet-stream", detect(bytes(0, 1, 2, 3, 0xFE), "data.csv"));
    }

    @Test
    public void refinesContainersByNameOrTheirOwnMimetypeEntry() throws IOException {
        byte[] zip = zip("[Content_Types].xml", "<Types/>", false);
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", detect(zip, "Plan.DOCX"));
        assertEquals("application/zip", detect(zip, "plan.zip"));
        byte[] odt = zip("mimetype", "application/vnd.oasis.opendocument.text", true);
        assertEquals("application/vnd.oasis.opendocument.text", detect(odt, "whatever.bin"));
        assertEquals("text/csv", detect("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "t.csv"));
        assertEquals("text/markdown", detect("# Título\n".getBytes(StandardCharsets.UTF_8), "t.md"));
        assertEquals("text/plain", detect("plain ünïcode".getBytes(StandardCharsets.UTF_8), "t"));
        assertEquals("text/html", detect("  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8), "t.txt"));
        assertEquals("image/svg+xml", detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "t.txt"));
    }

    @Test
    public void aDeclaredTypeMustFitTheBytes() {
        assertTrue(ContentTypes.consistent(null, "application/pdf"));
        assertTrue(ContentTypes.consistent("application/octet-stream", "image/png"));
        assertTrue(ContentTypes.consistent("image/jpg", "image/jpeg"));
        assertTrue(ContentTypes.consistent("text/plain; charset=utf-8", "text/markdown"));
        assertTrue(ContentTypes.consistent("application/x-zip-compressed",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertFalse(ContentTypes.consistent("application/pdf", "image/png"));
        assertFalse(ContentTypes.consistent("image/png", "text/plain"));
    }

    private static byte[] zip(String entry, String content, boolean stored) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry(entry);
            byte[] data = content.getBytes(StandardCharsets.US_ASCII);
            if (stored) {
                e.setMethod(ZipEntry.STORED);
                e.setSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                e.setCrc(crc.getValue());
            }
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
