package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The security checks of issue #12, over real HTTP: the security headers on every kind of answer, the cookies'
 * flags (and {@code Secure} plus HSTS once the platform is configured for HTTPS), CSRF on an Interlinker's own
 * endpoints and on sign-out, and the limits on bodies and uploads (size and type). See docs/reliability.md,
 * "Security checks".
 *
 * <p>Covered elsewhere and not repeated here: CSRF on the API (a cookie POST without {@code X-CSRF-Token}, with a
 * wrong one, with the right one; a Bearer token needs none) and the sign-in rate limit (429 with
 * {@code Retry-After}, the right password refused while limited) are {@code IdentityIT.csrfIsCheckedForCookieRequests}
 * and {@code IdentityIT.signInIsRateLimitedPerAccount}; the files Interlinker's type policy in detail and its
 * configured limit are {@code FilesIT}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {
    private static final String CHECKLIST = "/interlinkers/checklist/assets/";
    private static final String FILES = "/interlinkers/files/assets/";

    private Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForThePlatform() {
        http = Platform.http();
        Platform.awaitReady(http);
        for (String interlinker : List.of("checklist", "files")) {
            Await.until("the " + interlinker + " Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/" + interlinker),
                    a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
        }
    }

    private static int port() {
        return Integer.getInteger(Platform.HTTP_PORT);
    }

    /** Every kind of answer the platform gives, each with the headers a browser needs to stay safe. */
    @Test
    public void everyKindOfAnswerCarriesTheSecurityHeaders() {
        Http ana = Platform.signedIn("ana");
        Http.Answer created = ana.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", "Headers")));
        assertEquals(created.toString(), 201, created.status());
        String asset = created.json().path("id").asText();

        Map<String, Http.Answer> answers = new LinkedHashMap<>();
        answers.put("API JSON (GET /api/v1/interlinkers)", http.get("/api/v1/interlinkers"));
        answers.put("API problem 404", http.get("/api/v1/assets/no-such-asset"));
        answers.put("API problem 401 (no account)", http.get("/api/v1/me"));
        answers.put("problem 403 from the authentication filter (no CSRF token)",
                ana.echoCsrf(false).post("/api/v1/processes", Map.of("name", "x")));
        ana.echoCsrf(true);
        answers.put("problem 404 of the default servlet", http.get("/no/such/path"));
        answers.put("the web application (GET /)", http.get("/"));
        answers.put("the checklist's page", http.get(CHECKLIST + asset));
        answers.put("the checklist's JSON", http.get(CHECKLIST + asset + "/items"));
        answers.put("a static file (/app/app.js)", http.get("/app/app.js"));
        answers.put("health", http.get("/api/v1/health"));
        // The platform's logo, when the branding has one (the shipped one does): a file served by the API.
        Http.Answer logo = http.get("/api/v1/branding/logo");
        if (logo.status() == 200) answers.put("the branding's logo", logo);

        for (Map.Entry<String, Http.Answer> e : answers.entrySet()) {
            String what = e.getKey();
            Http.Answer a = e.getValue();
            assertTrue(what + ": answered " + a, a.status() > 0);
            assertEquals(what + ": X-Content-Type-Options", "nosniff", a.header("X-Content-Type-Options"));
            String referrer = a.header("Referrer-Policy");
            assertTrue(what + ": Referrer-Policy " + referrer,
                    List.of("same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin").contains(referrer));
            String frame = a.header("X-Frame-Options");
            String csp = a.header("Content-Security-Policy");
            assertTrue(what + ": X-Frame-Options " + frame + ", CSP " + csp,
                    "DENY".equals(frame) || "SAMEORIGIN".equals(frame) || (csp != null && csp.contains("frame-ancestors")));
            String type = a.header("Content-Type");
            if (type != null && type.startsWith("text/html")) {
                assertNotNull(what + ": HTML without a Content-Security-Policy", csp);
                assertTrue(what + ": CSP " + csp, csp.contains("default-src"));
            }
            String server = a.header("Server");
            assertTrue(what + ": Server " + server, server == null || !server.matches(".*\\d.*"));
            // Plain HTTP (cookie.secure=false, the default): no HSTS promise.
            assertNull(what + ": HSTS over plain HTTP", a.header("Strict-Transport-Security"));
        }
        assertTrue(answers.get("the web application (GET /)").header("Content-Type").startsWith("text/html"));
        assertTrue(answers.get("the checklist's page").header("Content-Type").startsWith("text/html"));
        assertEquals(403, answers.get("problem 403 from the authentication filter (no CSRF token)").status());

        // Jetty's own refusals (before any servlet) say nothing about the server either.
        RawHttp.Answer bad = RawHttp.send(port(), "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                false, Duration.ofSeconds(10));
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.toString(), bad.header("Server") == null || !bad.header("Server").matches(".*\\d.*"));
    }

    /** The session cookie is out of scripts' reach, the CSRF cookie readable, both same-site; sign-out clears both. */
    @Test
    public void cookiesAreFlaggedAndSignOutClearsThem() throws Exception {
        Http http = Platform.http();
        http.signUp("cora");
        Http.Answer in = Platform.http().signIn("cora", Http.PASSWORD);
        assertEquals(in.toString(), 200, in.status());
        Map<String, String> set = cookies(in);
        String session = set.get("interlink_session");
        String csrf = set.get("interlink_csrf");
        assertNotNull(in.headers().allValues("Set-Cookie").toString(), session);
        assertNotNull(in.headers().allValues("Set-Cookie").toString(), csrf);
        assertTrue(session, attributes(session).contains("httponly"));
        assertTrue(session, attributes(session).stream().anyMatch(a -> a.equals("samesite=lax") || a.equals("samesite=strict")));
        assertTrue(session, attributes(session).contains("path=/"));
        assertFalse("not over HTTPS: " + session, attributes(session).contains("secure"));
        assertFalse(csrf, attributes(csrf).contains("httponly"));
        assertTrue(csrf, attributes(csrf).stream().anyMatch(a -> a.equals("samesite=lax") || a.equals("samesite=strict")));
        assertTrue(csrf, attributes(csrf).contains("path=/"));

        // Sign-out needs the CSRF token (no page of another site may sign anyone out), then clears both cookies.
        assertEquals("urn:interlink:problem:csrf",
                assertProblem(http.echoCsrf(false).post("/api/v1/auth/sign-out", Map.of()), 403).path("type").asText());
        http.echoCsrf(true);
        Http.Answer out = http.post("/api/v1/auth/sign-out", Map.of());
        assertEquals(out.toString(), 204, out.status());
        Map<String, String> cleared = cookies(out);
        for (String name : List.of("interlink_session", "interlink_csrf")) {
            String c = cleared.get(name);
            assertNotNull(name + " not cleared: " + out.headers().allValues("Set-Cookie"), c);
            assertTrue(c, attributes(c).contains("max-age=0"));
            assertTrue(c, c.startsWith(name + "=;") || c.startsWith(name + "=\"\";"));
        }
        assertProblem(http.get("/api/v1/me"), 401);
    }

    /**
     * With {@code cookie.secure=true} (the platform is served over HTTPS) both cookies are {@code Secure} and every
     * answer promises HTTPS with {@code Strict-Transport-Security}; back to false, neither.
     */
    @Test
    public void httpsConfigurationMakesCookiesSecureAndSendsHsts() throws Exception {
        Platform.http().signUp("sven");
        Path cfg = Path.of(System.getProperty("karaf.etc"), "eu.interlink.identity.cfg");
        String original = Files.readString(cfg);
        try {
            Files.writeString(cfg, original.replaceAll("(?m)^cookie\\.secure\\s*=.*$", "") + "\ncookie.secure = true\n");
            Http.Answer in = Await.until("Secure cookies", Duration.ofSeconds(30), () -> Platform.http().signIn("sven", Http.PASSWORD),
                    a -> a.status() == 200 && attributes(cookies(a).get("interlink_session")).contains("secure"));
            assertTrue(in.headers().allValues("Set-Cookie").toString(), attributes(cookies(in).get("interlink_csrf")).contains("secure"));
            assertTrue(attributes(cookies(in).get("interlink_session")).contains("httponly"));
            for (String path : List.of("/api/v1/interlinkers", "/", "/api/v1/no-such-thing", "/app/app.js")) {
                String hsts = http.get(path).header("Strict-Transport-Security");
                assertNotNull(path + ": no HSTS over HTTPS", hsts);
                assertTrue(path + ": " + hsts, hsts.matches("max-age=\\d{7,}.*"));
            }
        } finally {
            Files.writeString(cfg, original);
        }
        Await.until("no HSTS once back on HTTP", Duration.ofSeconds(30), () -> http.get("/api/v1/interlinkers"),
                a -> a.header("Strict-Transport-Security") == null);
        assertFalse(attributes(cookies(Platform.http().signIn("sven", Http.PASSWORD)).get("interlink_session")).contains("secure"));
    }

    /**
     * CSRF on an Interlinker's own endpoints, which the platform's filter guards like the API (the API itself:
     * IdentityIT). A cookie POST without the token or with a wrong one is refused; with it, or with a Bearer token
     * and no CSRF token at all, it is written.
     */
    @Test
    public void interlinkerEndpointsAreGuardedAgainstCsrf() {
        Http cookie = Platform.signedIn("cleo");
        Http.Answer created = cookie.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", "Guarded")));
        assertEquals(created.toString(), 201, created.status());
        String items = CHECKLIST + created.json().path("id").asText() + "/items";
        Map<String, Object> item = Map.of("text", "forged");
        cookie.echoCsrf(false);
        assertEquals("urn:interlink:problem:csrf", assertProblem(cookie.post(items, item), 403).path("type").asText());
        assertProblem(cookie.post(items, item, "X-CSRF-Token", "wrong-" + cookie.cookie("interlink_csrf")), 403);
        assertEquals(0, http.get(items).json().path("items").size());
        assertEquals(201, cookie.post(items, Map.of("text", "mine"), "X-CSRF-Token", cookie.cookie("interlink_csrf")).status());
        String token = cookie.echoCsrf(true).post("/api/v1/me/tokens", Map.of("name", "script")).json().path("token").asText();
        assertEquals(201, Platform.http().bearer(token).echoCsrf(false).post(items, Map.of("text", "scripted")).status());
        assertEquals(2, http.get(items).json().path("items").size());
    }

    /** JSON bodies: at most 1 MiB (413, whether declared or streamed), and JSON only (415). */
    @Test
    public void jsonBodiesAreLimitedInSizeAndType() {
        Http user = Platform.signedIn("bob");
        String big = "{\"name\":\"" + "a".repeat(1024 * 1024) + "\"}";
        assertEquals("urn:interlink:problem:body-too-large", assertProblem(user.post("/api/v1/processes", big), 413).path("type").asText());
        String token = user.post("/api/v1/me/tokens", Map.of("name", "raw")).json().path("token").asText();
        // Streamed without Content-Length: counted as it comes.
        byte[] head = ("POST /api/v1/processes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = big.getBytes(StandardCharsets.US_ASCII);
        byte[] request = concat(head, (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII), chunk,
                "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer streamed = RawHttp.send(port(), request, false, Duration.ofSeconds(30));
        assertEquals(streamed.toString(), 413, streamed.status());
        assertTrue(streamed.toString(), streamed.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(201, user.post("/api/v1/processes", Map.of("name", "a".repeat(100))).status());

        assertEquals("urn:interlink:problem:unsupported-media-type",
                assertProblem(user.postRaw("/api/v1/processes", "text/plain", "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)), 415).path("type").asText());
        assertProblem(user.postRaw("/api/v1/processes", "application/x-www-form-urlencoded", "name=x".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(user.postRaw("/api/v1/processes", "text/html", "<b>x</b>".getBytes(StandardCharsets.UTF_8)), 415);
    }

    /**
     * The files Interlinker: a declared size over its limit (100 MiB by default) is refused before a byte is read;
     * a page or a program is refused (413, 415); what it accepts is always served as an attachment, never sniffed.
     */
    @Test
    public void fileUploadsAreLimitedInSizeAndType() {
        Http user = Platform.signedIn("fia");
        String token = user.post("/api/v1/me/tokens", Map.of("name", "uploads")).json().path("token").asText();
        Http.Answer created = user.post("/api/v1/assets", Map.of("interlinker", "files", "params", Map.of("title", "Uploads")));
        assertEquals(created.toString(), 201, created.status());
        String files = FILES + created.json().path("id").asText() + "/files";
        long limit = http.get(files).json().path("limits").path("maxBytes").asLong();
        assertEquals(100L * 1024 * 1024, limit);
        RawHttp.Answer declared = RawHttp.send(port(), ("POST " + files + "?name=huge.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/pdf\r\nContent-Length: " + (limit + 1) + "\r\nConnection: close\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII), false, Duration.ofSeconds(30));
        assertEquals(declared.toString(), 413, declared.status());
        assertTrue(declared.bodyText(), declared.bodyText().contains("file-too-large"));

        Http uploader = Platform.http().bearer(token);
        assertEquals("urn:interlink:problem:unsupported-file-type", assertProblem(uploader.postRaw(files + "?name=page.html", "text/html",
                "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8)), 415).path("type").asText());
        assertProblem(uploader.postRaw(files + "?name=page.txt", "text/plain",
                "<html><body onload=alert(1)>".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(uploader.postRaw(files + "?name=setup.exe", "application/x-msdownload",
                "MZ\u0090\u0000\u0003\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1)), 415);
        assertProblem(uploader.postRaw(files + "?name=image.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)), 415);

        Http.Answer ok = uploader.postRaw(files + "?name=notes.txt", "text/plain", "Plain notes".getBytes(StandardCharsets.UTF_8));
        assertEquals(ok.toString(), 201, ok.status());
        Http.Bytes download = uploader.getBytes(files + "/" + ok.json().path("id").asText() + "/content");
        assertEquals(200, download.status());
        assertEquals("Plain notes", new String(download.body(), StandardCharsets.UTF_8));
        assertTrue(download.header("Content-Disposition"), download.header("Content-Disposition").startsWith("attachment"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
    }

    /** An Interlinker bundle uploaded by an operator: at most 64 MiB, refused from its declared length. */
    @Test
    public void adminBundleUploadsAreLimitedInSize() {
        Http operator = Platform.operator();
        String token = operator.post("/api/v1/me/tokens", Map.of("name", "admin uploads")).json().path("token").asText();
        long limit = 64L * 1024 * 1024;
        RawHttp.Answer declared = RawHttp.send(port(), ("POST /api/v1/admin/interlinkers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/java-archive\r\nContent-Length: " + (limit + 1) + "\r\nConnection: close\r\n\r\nPK")
                .getBytes(StandardCharsets.US_ASCII), false, Duration.ofSeconds(30));
        assertEquals(declared.toString(), 413, declared.status());
        assertTrue(declared.toString(), declared.header("Content-Type").startsWith("application/problem+json"));
        assertProblem(operator.postRaw("/api/v1/admin/interlinkers", "text/html", "<html>".getBytes(StandardCharsets.UTF_8)), 415);
    }

    // ------------------------------------------------------------------ helpers

    /** The Set-Cookie headers of an answer, by cookie name (the whole header as the value). */
    private static Map<String, String> cookies(Http.Answer a) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String c : a.headers().allValues("Set-Cookie")) byName.put(c.substring(0, c.indexOf('=')).trim(), c);
        return byName;
    }

    /** A Set-Cookie header's attributes, lower case, without spaces: {@code httponly}, {@code samesite=lax}, … */
    private static List<String> attributes(String setCookie) {
        if (setCookie == null) return List.of();
        String[] parts = setCookie.split(";");
        return Arrays.stream(parts).skip(1).map(String::strip).map(s -> s.toLowerCase(java.util.Locale.ROOT).replace(" ", ""))
                .toList();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
