package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.testkit.ConformanceKit;
import eu.interlink.testkit.ConformanceReport;

/**
 * The file space end to end: uploads (one of 50 MB, streamed both ways), versions, downloads with safe
 * Content-Disposition, deletes; types read from the bytes (415), the size limit from Config Admin changed live
 * through etc/ (413); the kernel's clone, ZIP download and delete; and the conformance kit.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FilesIT {
    private static final String PAGES = "/interlinkers/files/assets/";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Inject
    private BundleContext context;

    private Http http;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        String kit = new File(System.getProperty(Platform.BUNDLES, "target/test-bundles"), "interlink-testkit.jar").getAbsoluteFile().toURI().toString();
        return Platform.options(bundle(kit));
    }

    @Before
    public void waitForTheFileSpace() {
        http = Platform.http();
        Platform.awaitReady(http);
        Await.until("the files Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/files"),
                a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
    }

    private String create(String title) {
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "files", "params", Map.of("title", title)));
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asText();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + Integer.getInteger(Platform.HTTP_PORT) + path);
    }

    /** POSTs a file; {@code chunked} sends it without Content-Length, as a stream. */
    private Http.Answer upload(String id, String name, String contentType, byte[] bytes, boolean chunked, String... headers) throws Exception {
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return send(uploadRequest(id, name, contentType, body, headers));
    }

    private HttpRequest.Builder uploadRequest(String id, String name, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(PAGES + id + "/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(120)).POST(body);
        if (contentType != null) r.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            // As Http does: the uploader is a real account, authenticated by its API token.
            if (headers[i].equals(Http.AS)) r.header("Authorization", "Bearer " + http.tokenOf(headers[i + 1]));
            else r.header(headers[i], headers[i + 1]);
        }
        return r;
    }

    private Http.Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Http.Answer(r.statusCode(), r.headers(), r.body());
    }

    @Test
    public void uploadsVersionsDownloadsAndDeletes() throws Exception {
        String id = create("Workshop material");
        Http.Answer first = upload(id, "agenda.txt", "text/plain", "First agenda".getBytes(StandardCharsets.UTF_8), false, Http.AS, "ana");
        assertEquals(first.toString(), 201, first.status());
        assertEquals(1, first.json().path("version").asInt());
        String fileId = first.json().path("id").asText();
        assertTrue(first.header("Location"), first.header("Location").endsWith("/files/" + fileId + "/versions/1"));
        Http.Answer second = upload(id, "agenda.txt", null, "Second agenda, longer".getBytes(StandardCharsets.UTF_8), true, Http.AS, "ben");
        assertEquals(second.toString(), 201, second.status());
        assertEquals(2, second.json().path("version").asInt());
        assertEquals(fileId, second.json().path("id").asText());
        assertEquals(201, upload(id, "plan.pdf", "application/pdf", "%PDF-1.4\nplan".getBytes(StandardCharsets.US_ASCII), false).status());

        JsonNode list = http.get(PAGES + id + "/files").json();
        assertEquals("Workshop material", list.path("title").asText());
        assertEquals(2, list.path("files").size());
        JsonNode agenda = list.path("files").path(0);
        assertEquals("agenda.txt", agenda.path("name").asText());
        assertEquals(2, agenda.path("versions").size());
        assertEquals("ben", agenda.path("latest").path("uploadedBy").asText());
        assertEquals("text/plain", agenda.path("latest").path("contentType").asText());
        assertEquals(21, agenda.path("latest").path("size").asLong());
        assertEquals(104857600L, list.path("limits").path("maxBytes").asLong());

        Http.Bytes latest = http.getBytes(PAGES + id + "/files/" + fileId + "/content");
        assertEquals(200, latest.status());
        assertEquals("Second agenda, longer", new String(latest.body(), StandardCharsets.UTF_8));
        assertEquals("attachment; filename=\"agenda.txt\"; filename*=UTF-8''agenda.txt", latest.header("Content-Disposition"));
        assertEquals("nosniff", latest.header("X-Content-Type-Options"));
        assertEquals("First agenda", new String(http.getBytes(PAGES + id + "/files/" + fileId + "/versions/1").body(), StandardCharsets.UTF_8));

        // A name that is not plain ASCII, with quotes: the fallback is safe, the real name travels encoded.
        Http.Answer odd = upload(id, "Plan \"final\"; ü.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(odd.toString(), 201, odd.status());
        assertEquals("attachment; filename=\"Plan _final__ _.txt\"; filename*=UTF-8''Plan%20%22final%22%3B%20%C3%BC.txt",
                http.getBytes(PAGES + id + "/files/" + odd.json().path("id").asText() + "/content").header("Content-Disposition"));

        // Deletes: one version, then the file.
        assertEquals(204, http.delete(PAGES + id + "/files/" + fileId + "/versions/1").status());
        assertProblem(http.get(PAGES + id + "/files/" + fileId + "/versions/1"), 404);
        assertEquals(1, http.get(PAGES + id + "/files/" + fileId).json().path("versions").size());
        assertEquals(204, http.delete(PAGES + id + "/files/" + fileId).status());
        assertProblem(http.get(PAGES + id + "/files/" + fileId + "/content"), 404);
        assertProblem(http.delete(PAGES + id + "/files/" + fileId), 404);
        assertEquals(2, http.get(PAGES + id + "/files").json().path("files").size());

        // The page lists them, escaped.
        Http.Answer page = http.get(PAGES + id + "?lang=es");
        assertEquals(200, page.status());
        assertTrue(page.body(), page.body().contains("Plan &quot;final&quot;; ü.txt") && page.body().contains("Espacio de archivos"));
    }

    @Test
    public void typesAreReadFromTheBytes() throws Exception {
        String id = create("Checked");
        JsonNode liar = assertProblem(upload(id, "report.pdf", "application/pdf", PNG, false), 415);
        assertEquals("urn:interlink:problem:unsupported-file-type", liar.path("type").asText());
        assertTrue(liar.toString(), liar.path("detail").asText().contains("image/png"));
        JsonNode exe = assertProblem(upload(id, "notes.txt", "text/plain", "MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1), false), 415);
        assertTrue(exe.toString(), exe.path("detail").asText().contains("application/x-msdownload"));
        assertTrue(exe.path("allowedTypes").toString().contains("application/pdf"));
        assertProblem(upload(id, "page.txt", null, "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), false), 415);
        // The same PNG under no claim is taken, as what it is.
        Http.Answer png = upload(id, "logo.png", null, PNG, false);
        assertEquals(png.toString(), 201, png.status());
        assertEquals("image/png", png.json().path("latest").path("contentType").asText());
        assertEquals("name", assertProblem(upload(id, "../escape.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), false), 400).path("field").asText());
        assertEquals("name", assertProblem(upload(id, "", "text/plain", "x".getBytes(StandardCharsets.UTF_8), false), 400).path("field").asText());
        assertEquals(1, http.get(PAGES + id + "/files").json().path("files").size());
        assertProblem(http.method("PUT", PAGES + id + "/files"), 405);
        assertProblem(http.get(PAGES + id + "/files/not-an-id"), 404);
        assertProblem(http.get(PAGES + "no-such-asset/files"), 404);
    }

    /** The limit comes from etc/eu.interlink.interlinker.files.cfg and changes while the platform runs. */
    @Test
    public void theSizeLimitComesFromConfiguration() throws Exception {
        String id = create("Limited");
        Path cfg = Path.of(System.getProperty("karaf.etc"), "eu.interlink.interlinker.files.cfg");
        String original = Files.readString(cfg);
        try {
            Files.writeString(cfg, original.replaceAll("(?m)^max\\.upload\\.bytes\\s*=.*$", "max.upload.bytes = 65536"));
            Await.until("the new limit", Duration.ofSeconds(30), () -> http.get(PAGES + id + "/files"),
                    a -> a.status() == 200 && a.json().path("limits").path("maxBytes").asLong() == 65536);
            byte[] big = new byte[100_000];
            Arrays.fill(big, (byte) 'a');
            JsonNode declared = assertProblem(upload(id, "big.txt", "text/plain", big, false), 413);
            assertEquals("urn:interlink:problem:file-too-large", declared.path("type").asText());
            assertEquals(65536, declared.path("maxBytes").asLong());
            assertProblem(upload(id, "big.txt", "text/plain", big, true), 413); // counted while streaming
            assertEquals(201, upload(id, "small.txt", "text/plain", Arrays.copyOf(big, 65536), true).status());
            assertEquals(1, http.get(PAGES + id + "/files").json().path("files").size());
        } finally {
            Files.writeString(cfg, original);
        }
        Await.until("the limit back", Duration.ofSeconds(30), () -> http.get(PAGES + id + "/files"),
                a -> a.json().path("limits").path("maxBytes").asLong() == 104857600L);
    }

    /** 50 MB up and down: generated as it is sent, digested as it is received; neither side holds it whole. */
    @Test
    public void streamsAFiftyMegabyteFile() throws Exception {
        String id = create("Big files");
        long size = 50L * 1000 * 1000;
        Http.Answer up = send(uploadRequest(id, "survey-scans.pdf", "application/pdf",
                HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size))));
        assertEquals(up.toString(), 201, up.status());
        String expected = new Generated(size).sha256();
        assertEquals(expected, up.json().path("latest").path("sha256").asText());
        assertEquals(size, up.json().path("latest").path("size").asLong());

        HttpResponse<InputStream> down = client.send(HttpRequest.newBuilder(uri(PAGES + id + "/files/" + up.json().path("id").asText() + "/content"))
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, down.statusCode());
        assertEquals(String.valueOf(size), down.headers().firstValue("Content-Length").orElse(null));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream in = down.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        assertEquals(size, received);
        assertEquals(expected, HexFormat.of().formatHex(digest.digest()));
        assertEquals(204, http.delete("/api/v1/assets/" + id).status());
    }

    @Test
    public void clonesDownloadsAsZipAndDeletesThroughTheKernel() throws Exception {
        String id = create("Kernel operations");
        upload(id, "a.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8), false);
        upload(id, "a.txt", "text/plain", "two".getBytes(StandardCharsets.UTF_8), false);
        upload(id, "b.png", "image/png", PNG, false);

        Http.Bytes zip = http.getBytes("/api/v1/assets/" + id + "/download");
        assertEquals(200, zip.status());
        assertEquals("application/zip", zip.header("Content-Type"));
        assertTrue(zip.header("Content-Disposition"), zip.header("Content-Disposition").contains("kernel-operations.zip"));
        Map<String, byte[]> entries = unzip(zip.body());
        assertEquals(2, entries.size());
        assertEquals("two", new String(entries.get("a.txt"), StandardCharsets.UTF_8));
        assertArrayEquals(PNG, entries.get("b.png"));

        Http.Answer copied = http.post("/api/v1/assets/" + id + "/copy", Map.of());
        assertEquals(copied.toString(), 201, copied.status());
        String copy = copied.json().path("id").asText();
        JsonNode files = http.get(PAGES + copy + "/files").json().path("files");
        assertEquals(2, files.size());
        assertEquals(2, files.path(0).path("versions").size());
        assertArrayEquals(zip.body(), http.getBytes("/api/v1/assets/" + copy + "/download").body());

        assertEquals(204, http.delete("/api/v1/assets/" + id).status());
        assertProblem(http.get(PAGES + id + "/files"), 404);
        assertEquals("one", new String(http.getBytes(PAGES + copy + "/files/" + files.path(0).path("id").asText() + "/versions/1").body(),
                StandardCharsets.UTF_8));
    }

    @Test
    public void passesTheConformanceKit() {
        ConformanceReport report = ConformanceKit.inPlatform(context, "files")
                .instantiateWith(Map.of("title", "Workshop material"))
                .assertConforms();
        System.out.println(report);
        Fixtures.awaitServing(http, "files", report.interlinker().split(" ")[1]);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    /** A PDF of {@code size} bytes made on the fly. */
    private static final class Generated extends InputStream {
        private static final byte[] HEAD = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long produced;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (produced >= size) return -1;
            int b = produced < HEAD.length ? HEAD[(int) produced] : (int) (produced % 251);
            produced++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (produced >= size) return -1;
            int n = (int) Math.min(len, size - produced);
            for (int i = 0; i < n; i++) b[off + i] = (byte) read();
            return n;
        }

        String sha256() throws Exception {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = read(buffer, 0, buffer.length)) > 0) d.update(buffer, 0, n);
            return HexFormat.of().formatHex(d.digest());
        }
    }
}
