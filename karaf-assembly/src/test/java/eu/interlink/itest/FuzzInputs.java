package eu.interlink.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The inputs of {@link FuzzIT}: a small property-based generator, driven by one seeded {@link Random}, so that a
 * seed names a sequence of requests. Each request is built for one endpoint of the API (or the checklist's own
 * endpoints, or a path nobody serves), then spoilt in one or more ways: odd methods, ids and query parameters
 * (overlong, injection strings, path traversal, broken %-escapes, invalid UTF-8), odd headers and content types,
 * broken or hostile JSON bodies (truncated, wrong types, deep nesting, over 1 MiB, invalid UTF-8), random jars for
 * the admin API, and now and then a request broken at the HTTP level itself.
 *
 * <p>Never generated: an operation that changes a real Interlinker (DELETE, disable, enable, rollback of an id the
 * platform serves), a valid Interlinker bundle, or a location of a real bundle. Those are real operations, tested
 * elsewhere, and would take the platform's Interlinkers away under the fuzzer.
 */
final class FuzzInputs {
    /** One request to send. {@code tags} say how it was spoilt, for the report. */
    record Case(int index, String endpoint, String method, byte[] request, boolean head, boolean bigBody, boolean badVersion,
                List<String> tags, String assetId) {
        /** The request as a Java string literal, cut after {@code max} characters. */
        String printable(int max) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < request.length && s.length() < max; i++) {
                int b = request[i] & 0xff;
                if (b == '\r') s.append("\\r");
                else if (b == '\n') s.append("\\n");
                else if (b == '\\') s.append("\\\\");
                else if (b == '"') s.append("\\\"");
                else if (b < 0x20 || b >= 0x7f) s.append(String.format("\\x%02x", b));
                else s.append((char) b);
            }
            if (s.length() >= max) s.append("… (").append(request.length).append(" bytes in all)");
            return s.toString();
        }
    }

    /** What the generator knows of the platform: real ids, and the assets the fuzzer created for itself. */
    interface Targets {
        /** Ids of the fuzzer's own assets (checklists), any of which may be read, edited, copied or deleted. */
        List<String> assets();

        /** Interlinker ids the platform serves: never removed, disabled, enabled or rolled back. */
        Set<String> realInterlinkers();
    }

    private enum Ep {
        HEALTH("GET", "/api/v1/health"),
        METRICS("GET", "/metrics"),
        INTERLINKERS("GET", "/api/v1/interlinkers", "nature", "q", "offset", "limit", "lang"),
        INTERLINKER("GET", "/api/v1/interlinkers/{interlinker}", "lang"),
        ASSETS_LIST("GET", "/api/v1/assets", "interlinker", "offset", "limit", "lang"),
        ASSET_CREATE("POST", "/api/v1/assets", "lang"),
        ASSET_GET("GET", "/api/v1/assets/{asset}", "lang"),
        ASSET_DELETE("DELETE", "/api/v1/assets/{asset}", "lang"),
        ASSET_COPY("POST", "/api/v1/assets/{asset}/copy", "lang"),
        ASSET_DOWNLOAD("GET", "/api/v1/assets/{asset}/download", "lang"),
        ACTIVITY("GET", "/api/v1/activity", "subjectType", "subjectId", "process", "offset", "limit"),
        ADMIN_LIST("GET", "/api/v1/admin/interlinkers", "lang"),
        ADMIN_INSTALL("POST", "/api/v1/admin/interlinkers", "lang"),
        ADMIN_ACTION("POST", "/api/v1/admin/interlinkers/{interlinker}/{action}", "lang"),
        ADMIN_REMOVE("DELETE", "/api/v1/admin/interlinkers/{interlinker}"),
        ADMIN_HISTORY("GET", "/api/v1/admin/interlinkers/{interlinker}/history", "offset", "limit"),
        PACKS_LIST("GET", "/api/v1/admin/knowledge-packs", "lang"),
        PACK_GET("GET", "/api/v1/admin/knowledge-packs/{pack}"),
        PACK_REMOVE("DELETE", "/api/v1/admin/knowledge-packs/{pack}"),
        SIGN_UP("POST", "/api/v1/auth/sign-up"),
        SIGN_IN("POST", "/api/v1/auth/sign-in"),
        SIGN_OUT("POST", "/api/v1/auth/sign-out"),
        OIDC("GET", "/api/v1/auth/oidc/callback", "code", "state", "error"),
        ME("GET", "/api/v1/me"),
        ME_TOKENS("POST", "/api/v1/me/tokens"),
        ME_EXPORT("GET", "/api/v1/me/export"),
        ADMIN_ACCOUNTS("GET", "/api/v1/admin/accounts"),
        ADMIN_AUDIT("GET", "/api/v1/admin/audit", "account", "limit", "before"),
        PAGE("GET", "/interlinkers/checklist/assets/{asset}", "lang"),
        PREVIEW("GET", "/interlinkers/checklist/assets/{asset}/preview", "lang"),
        ITEMS("GET", "/interlinkers/checklist/assets/{asset}/items"),
        ITEM_ADD("POST", "/interlinkers/checklist/assets/{asset}/items"),
        ITEM_GET("GET", "/interlinkers/checklist/assets/{asset}/items/{item}"),
        ITEM_PATCH("PATCH", "/interlinkers/checklist/assets/{asset}/items/{item}"),
        ITEM_DELETE("DELETE", "/interlinkers/checklist/assets/{asset}/items/{item}"),
        OTHER_PATH("GET", "{path}");

        final String method;
        final String template;
        final String[] params;

        Ep(String method, String template, String... params) {
            this.method = method;
            this.template = template;
            this.params = params;
        }

        String label() {
            return method + " " + template;
        }
    }

    // ------------------------------------------------------------------------------------------ value pools

    /** Hostile strings: injection, traversal, format strings, odd Unicode. None contains "Exception" or "\tat ". */
    static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "'; DROP TABLE asset; --", "1; SELECT pg_sleep(30) --", "\" OR 1=1 --",
            "%' UNION SELECT id, name FROM asset --", "1' AND SLEEP(30)#", "admin'--", "' || (SELECT version()) || '",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "</title><script>alert(1)</script>", "<svg onload=alert(1)>", "{{7*7}}", "${7*7}", "#{7*7}",
            "${jndi:ldap://127.0.0.1:1/a}", "%s%s%s%s%n", "{0}{1}", "%x%x%x",
            "x\r\nX-Injected: 1", "x\r\n\r\n<html>", "x\nX-Injected: 1", "x\rX-Injected: 1",
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "....//....//etc/passwd", "/etc/passwd",
            "file:///etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "..;/..;/", "/./././",
            "\u0000", "a\u0000b", "\uFEFF", "\u202Eevil", "\u200B", "😀🙂", "e\u0301", "\uD800", "x\uDFFFy", "\uFFFF",
            " ", "   ", "\t\n", "", "null", "undefined", "true", "-1", "0", "NaN", "Infinity", "1e309",
            "99999999999999999999999999", "0x7fffffff", "checklist", "CHECKLIST", "check list", "sample",
            "ñandú", "ķēķis", "日本語", "Жук", "عربى", "\\", "\"", "'", "`", "<", ">", "&amp;", "%", "%00", "%zz", "+", "#", "?", "/", ";",
            "a".repeat(201), "b".repeat(501), "c".repeat(4096));

    static final List<String> INTS = List.of("0", "1", "5", "20", "50", "100", "101", "200", "201", "500", "501",
            "1000000", "1000001", "-1", "-0", "+3", " 7", "7 ", "2147483647", "2147483648", "-2147483649",
            "99999999999999999999", "1e3", "1.5", "0x10", "abc", "", "NaN", "\u0661\u0662", "1_000", "0000000000000000000001", "%20");

    static final List<String> LANGS = List.of("en", "es", "it", "lv", "ES", " en ", "xx", "en-US", "", "*", "e\u0000n", "de", "x".repeat(300));

    static final List<String> NATURES = List.of("software", "knowledge", "external-software", "external-knowledge",
            "SOFTWARE", " software ", "", "x", "software,knowledge", "external_software");

    static final List<String> ACCEPT_LANGUAGES = List.of("es", "it;q=0.9, lv;q=0.8", "*", "xx-YY", "es;q=abc", ";;;,,,", "en;q=2",
            "\u00ff\u00fe", "a".repeat(5000), "en-US,en;q=0.9,es;q=0.8,it;q=0.7,lv;q=0.6,de;q=0.5", "", "  ");

    static final List<String> IF_MATCH = List.of("1", "\"1\"", "2", "*", "W/\"1\"", "abc", "-1", "\"\"", "\"", "99999999999999999999",
            "1, 2", " ", "0x1", "\"1", "1\"");

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT",
            "PROPFIND", "MKCOL", "FOO", "get", "Post", "X".repeat(100));

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8", "application/json;charset=ISO-8859-1",
            "application/json; charset=utf-16", "application/json; charset=nonsense", "APPLICATION/JSON", "application/problem+json",
            "application/merge-patch+json", "application/jsonx", "text/plain", "text/html", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/octet-stream",
            "application/java-archive", "application/zip", "*/*", "", ";", "application/", "json", "a".repeat(2000),
            "application/json; boundary=\"\u00ff\"");

    static final List<String> OTHER_PATHS = List.of("/", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v2/assets", "/interlinkers",
            "/interlinkers/", "/interlinkers/checklist", "/interlinkers/checklist/", "/interlinkers/nope/assets/x",
            "/interlinkers/checklist/assets", "/interlinkers/checklist/nope", "/system/console", "/metrics/x", "/api/v1/health/x",
            "/api/v1/assets/x/y/z", "//api//v1//assets", "/API/V1/ASSETS", "/api/v1/assets/../../../etc/passwd",
            "/api/v1/assets/..;/..;/x", "/%2e%2e/%2e%2e/etc/passwd", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/.git/config",
            "/jolokia", "/favicon.ico", "/api/v1/activity/x", "/api/v1/admin", "/api/v1/admin/", "/api/v1/admin/x",
            "/api/v1/interlinkers/checklist/x", "/api/v1/assets//copy", "/api/v1/%61ssets", "/interlinkers/%63hecklist/assets/x/items",
            "/interlinkers/checklist/assets/x/items/1/2", "/api/v1/assets/x/download/", "/api/v1/admin/interlinkers/x/history/y");

    static final List<String> LOCATIONS = List.of("/etc/passwd", "file:/etc/hostname", "file:///etc/passwd", "../../../../etc/passwd",
            "http://127.0.0.1:1/x.jar", "https://127.0.0.1:1/x.jar", "mvn:x/y/1", "mvn:", "mvn:eu.example/nothing/9.9.9", "jar:file:/x!/",
            "ftp://127.0.0.1:1/x", "file:%zz", "file:", "file:/", "file:/tmp", "C:\\Windows\\x.jar", "\\\\server\\share\\x.jar",
            "data:application/java-archive;base64,UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==", "  ", "", "x".repeat(5000), "file:/nonexistent/x.jar",
            "http://[::1", "http://%zz/", "://", "file:/etc/passwd%00.jar");

    private final Random random;
    private final Targets targets;
    private int bundles;

    FuzzInputs(Random random, Targets targets) {
        this.random = random;
        this.targets = targets;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A random string: mixed alphabets, controls, surrogates; now and then long. */
    String randomString() {
        int length = chance(0.05) ? 300 + random.nextInt(5000) : random.nextInt(40);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> s.append((char) (0x0800 + random.nextInt(0xD000)));
                case 3 -> s.append((char) (0xD800 + random.nextInt(0x800))); // lone surrogates, some paired by chance
                case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x10000));
                default -> s.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return s.toString().replace("\tat ", "\t_at ").replace("Exception", "Excep_tion");
    }

    /** Mostly hostile or random, sometimes ordinary. */
    String anyString() {
        int r = random.nextInt(10);
        if (r < 4) return pick(HOSTILE);
        if (r < 8) return randomString();
        return pick(List.of("Plan the workshop", "Book a room", "Invite residents", "ok", "Ona"));
    }

    // ------------------------------------------------------------------------------------------ one case

    Case next(int index) {
        for (int attempt = 0; ; attempt++) {
            Case c = build(index);
            if (!destructiveOnRealInterlinker(c)) return c;
            if (attempt > 100) throw new IllegalStateException("cannot make a safe case");
        }
    }

    private Case build(int index) {
        Ep ep = pick(List.of(Ep.values()));
        List<String> tags = new ArrayList<>();
        String method = ep.method;
        if (chance(0.12)) {
            method = pick(METHODS);
            tags.add("method:" + (method.length() > 10 ? method.substring(0, 10) + "…" : method));
        }
        String assetId = null;

        // The path, segment by segment.
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        if (ep == Ep.OTHER_PATH) {
            write(target, pick(OTHER_PATHS).getBytes(StandardCharsets.UTF_8));
            tags.add("path:other");
        } else {
            for (String segment : ep.template.substring(1).split("/")) {
                target.write('/');
                switch (segment) {
                    case "{asset}" -> {
                        String id = assetId();
                        if (targets.assets().contains(id)) assetId = id;
                        else tags.add("id:odd");
                        write(target, component(id, tags));
                    }
                    case "{interlinker}" -> {
                        String id = chance(0.3) ? pick(List.of("checklist", "sample", "nope", "x")) : anyString();
                        if (chance(0.7) && !id.equals("checklist")) tags.add("id:odd");
                        write(target, component(id, tags));
                    }
                    case "{pack}" -> {
                        // Never the starter pack's name: the run must leave the platform as it found it.
                        String id = chance(0.3) ? pick(List.of("org.example.nope", "x", "eu.interlink.kernel")) : anyString();
                        tags.add("id:odd");
                        write(target, component(id, tags));
                    }
                    case "{item}" -> {
                        String id = chance(0.6) ? String.valueOf(1 + random.nextInt(chance(0.8) ? 8 : 600)) : anyString();
                        write(target, component(id, tags));
                    }
                    case "{action}" -> write(target, component(chance(0.8) ? pick(List.of("upgrade", "rollback", "disable", "enable", "history"))
                            : anyString(), tags));
                    default -> write(target, segment.getBytes(StandardCharsets.US_ASCII));
                }
            }
        }

        // The query.
        List<byte[]> query = new ArrayList<>();
        for (String p : ep.params) {
            if (chance(0.45)) query.add(param(p, valueFor(p), tags));
        }
        if (chance(0.15)) {
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                query.add(pick(List.<Supplier<byte[]>>of(
                        () -> param(pick(List.of("lang", "limit", "offset", "q", "nature", "interlinker")), anyString(), tags),
                        () -> "=x".getBytes(StandardCharsets.US_ASCII),
                        () -> "&&".getBytes(StandardCharsets.US_ASCII),
                        () -> "a[]=1&a[]=2".getBytes(StandardCharsets.US_ASCII),
                        () -> param(anyString(), anyString(), tags),
                        () -> "limit".getBytes(StandardCharsets.US_ASCII),
                        () -> "lang=%zz".getBytes(StandardCharsets.US_ASCII),
                        () -> "q=%ff%fe".getBytes(StandardCharsets.US_ASCII),
                        () -> "limit=1&limit=abc".getBytes(StandardCharsets.US_ASCII))).get());
            }
            tags.add("query:extra");
        }
        if (chance(0.01)) {
            for (int i = 200 + random.nextInt(600); i > 0; i--) query.add(("p" + i + "=" + i).getBytes(StandardCharsets.US_ASCII));
            tags.add("query:many");
        }
        if (!query.isEmpty()) {
            target.write('?');
            for (int i = 0; i < query.size(); i++) {
                if (i > 0) target.write('&');
                write(target, query.get(i));
            }
        }

        // Headers and body.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1");
        if (chance(0.25)) {
            headers.put("Accept-Language", pick(ACCEPT_LANGUAGES));
            tags.add("header:accept-language");
        }
        if (ep.name().startsWith("ITEM") && chance(0.4)) {
            headers.put("If-Match", pick(IF_MATCH));
            tags.add("header:if-match");
        }
        if (chance(0.06)) {
            Map.Entry<String, String> odd = pick(List.of(
                    Map.entry("Cookie", "JSESSIONID=" + "x".repeat(random.nextInt(200))),
                    Map.entry("Authorization", pick(List.of("Basic !!!", "Bearer " + anyString(), "Basic YWRtaW46YWRtaW4="))),
                    Map.entry("X-Forwarded-For", "127.0.0.1, ' OR 1=1"),
                    Map.entry("X-Forwarded-Proto", "gopher"),
                    Map.entry("Range", "bytes=0-0,-1,999999999-"),
                    Map.entry("Origin", "http://evil.example"),
                    Map.entry("Accept", pick(List.of("application/xml", "*/*;q=abc", "text/html", ""))),
                    Map.entry("Accept-Charset", "utf-7"),
                    Map.entry("Accept-Encoding", "gzip;q=abc, br, *"),
                    Map.entry("Expect", pick(List.of("100-continue", "nonsense"))),
                    Map.entry("X-HTTP-Method-Override", "DELETE")));
            headers.put(odd.getKey(), odd.getValue());
            tags.add("header:" + odd.getKey().toLowerCase(Locale.ROOT));
        }

        byte[] body = null;
        String contentType = null;
        switch (ep) {
            case ASSET_CREATE -> {
                body = json(assetBody(), tags);
                contentType = "application/json";
            }
            case ITEM_ADD -> {
                body = json(itemBody(false), tags);
                contentType = "application/json";
            }
            case ITEM_PATCH -> {
                body = json(itemBody(true), tags);
                contentType = "application/json";
            }
            case SIGN_UP, SIGN_IN, ME_TOKENS -> {
                // The accounts' forms, with hostile values: names, addresses and passwords of every shape.
                Map<String, Object> b = new LinkedHashMap<>();
                for (String field : List.of("name", "email", "password", "acceptTerms")) {
                    if (chance(0.7)) b.put(field, chance(0.3) ? pick(List.of("ana", "operator", "anonymous", "erased-1234", "a@b.c", "1", "")) : anyString());
                }
                body = json(b, tags);
                contentType = "application/json";
            }
            case ADMIN_INSTALL, ADMIN_ACTION -> {
                if (chance(0.5)) {
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("location", chance(0.85) ? pick(LOCATIONS) : anyString());
                    body = json(b, tags);
                    contentType = "application/json";
                } else {
                    body = jar(tags);
                    contentType = pick(List.of("application/java-archive", "application/octet-stream", "application/zip"));
                }
            }
            default -> {
                if (chance(0.06)) {
                    body = json(Map.of("x", anyString()), tags);
                    contentType = "application/json";
                    tags.add("body:unexpected");
                }
            }
        }
        if (body == null && List.of("POST", "PUT", "PATCH").contains(method) && chance(0.5)) {
            body = json(assetBody(), tags);
            contentType = "application/json";
        }
        if (body != null && chance(0.15)) {
            contentType = pick(CONTENT_TYPES);
            tags.add("content-type:" + (contentType.length() > 30 ? contentType.substring(0, 30) + "…" : contentType));
        }
        if (contentType != null && !(contentType.isEmpty() && chance(0.5))) headers.put("Content-Type", contentType);
        boolean chunked = body != null && chance(0.05);
        if (body != null) {
            if (chunked) {
                headers.put("Transfer-Encoding", "chunked");
                tags.add("framing:chunked");
            } else {
                headers.put("Content-Length", String.valueOf(body.length));
            }
        }
        headers.put("Connection", "close");

        // Now and then, a request broken at the HTTP level itself.
        String version = "HTTP/1.1";
        byte[] requestLine = null;
        boolean badVersion = false;
        if (chance(0.04)) {
            String kind = pick(List.of("version", "no-host", "space-in-target", "nul-in-target", "raw-utf8-target", "header-no-colon",
                    "header-space-before-colon", "obs-fold", "two-lengths", "length-and-chunked", "bad-chunk", "bare-lf",
                    "long-header", "long-target", "garbage-line", "absolute-target", "asterisk", "bad-length", "cr-in-header",
                    "http10"));
            tags.add("protocol:" + kind);
            switch (kind) {
                case "version" -> {
                    version = pick(List.of("HTTP/2.0", "HTTP/9.9", "HTTP/1.x", "HTTX/1.1", "http/1.1", ""));
                    badVersion = true;
                }
                case "http10" -> version = "HTTP/1.0";
                case "no-host" -> headers.remove("Host");
                case "space-in-target" -> write(target, " x".getBytes(StandardCharsets.US_ASCII));
                case "nul-in-target" -> target.write(0);
                case "raw-utf8-target" -> write(target, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82});
                case "header-no-colon" -> headers.put("X-No-Colon-Here", null);
                case "header-space-before-colon" -> headers.put("X-Space ", "1");
                case "obs-fold" -> headers.put("X-Folded", "a\r\n b");
                case "two-lengths" -> {
                    // Two different lengths, both no more than what is sent: a server that takes either never waits.
                    if (body == null || body.length < 2) body = "{}".getBytes(StandardCharsets.US_ASCII);
                    chunked = false;
                    headers.remove("Transfer-Encoding");
                    headers.put("Content-Length", String.valueOf(body.length));
                    headers.put("content-length", String.valueOf(body.length - 1));
                }
                case "length-and-chunked" -> {
                    if (body == null) body = "{}".getBytes(StandardCharsets.US_ASCII);
                    headers.put("Transfer-Encoding", "chunked");
                    headers.put("Content-Length", "3");
                    chunked = true;
                }
                case "bad-chunk" -> {
                    headers.remove("Content-Length");
                    headers.put("Transfer-Encoding", "chunked");
                    body = "zz\r\nxyz\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    chunked = false; // sent as is
                }
                case "bare-lf" -> headers.put("X-Bare", "lf\nX-After-Lf: 1");
                case "long-header" -> headers.put("X-Long", "y".repeat(10_000 + random.nextInt(60_000)));
                case "long-target" -> {
                    target.write('?');
                    write(target, ("z=" + "z".repeat(10_000 + random.nextInt(60_000))).getBytes(StandardCharsets.US_ASCII));
                }
                case "garbage-line" -> requestLine = pick(List.of("BLAH", "GET", "\u0000\u0001\u0002", "GET  /api/v1/health  HTTP/1.1",
                        "GET /api/v1/health HTTP/1.1 extra")).getBytes(StandardCharsets.ISO_8859_1);
                case "absolute-target" -> {
                    byte[] path = target.toByteArray();
                    target.reset();
                    write(target, "http://evil.example".getBytes(StandardCharsets.US_ASCII));
                    write(target, path);
                }
                case "asterisk" -> {
                    target.reset();
                    target.write('*');
                }
                case "bad-length" -> headers.put("Content-Length", pick(List.of("-1", "abc", "1 2", "99999999999999999999")));
                case "cr-in-header" -> headers.put("X-Cr", "a\rb");
                default -> throw new IllegalStateException(kind);
            }
        }

        ByteArrayOutputStream request = new ByteArrayOutputStream();
        if (requestLine != null) {
            write(request, requestLine);
        } else {
            write(request, method.getBytes(StandardCharsets.ISO_8859_1));
            request.write(' ');
            write(request, target.toByteArray());
            if (!version.isEmpty()) {
                request.write(' ');
                write(request, version.getBytes(StandardCharsets.US_ASCII));
            }
        }
        write(request, "\r\n".getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, String> h : headers.entrySet()) {
            write(request, h.getKey().getBytes(StandardCharsets.ISO_8859_1));
            if (h.getValue() != null) {
                write(request, ": ".getBytes(StandardCharsets.US_ASCII));
                write(request, h.getValue().getBytes(StandardCharsets.UTF_8));
            }
            write(request, "\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        write(request, "\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            if (chunked) {
                for (int off = 0; off < body.length; off += 8192) {
                    int n = Math.min(8192, body.length - off);
                    write(request, (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    request.write(body, off, n);
                    write(request, "\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                write(request, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                write(request, body);
            }
        }
        boolean big = body != null && body.length > 512 * 1024;
        return new Case(index, ep.label(), method, request.toByteArray(), "HEAD".equals(method), big, badVersion,
                List.copyOf(tags), assetId);
    }

    private String assetId() {
        List<String> own = targets.assets();
        int r = random.nextInt(10);
        if (r < 5 && !own.isEmpty()) return pick(own);
        if (r < 6) return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        if (r < 7) return "x".repeat(200 + random.nextInt(chance(0.8) ? 2000 : 9000));
        return anyString();
    }

    private String valueFor(String param) {
        if (chance(0.3)) return anyString();
        return switch (param) {
            case "offset", "limit", "before" -> pick(INTS);
            case "lang" -> pick(LANGS);
            case "nature" -> pick(NATURES);
            case "q" -> pick(List.of("check", "checklist", "plan", "", "*", "%", "_", ".*", "[(", "a".repeat(200), "a".repeat(201)));
            case "interlinker" -> pick(List.of("checklist", "sample", "Checklist", "../../etc", "a-b", "", "-x"));
            case "subjectType" -> pick(List.of("asset", "interlinker", "", " ", "x".repeat(201)));
            case "subjectId", "process" -> targets.assets().isEmpty() || chance(0.5) ? pick(List.of("checklist", "x", "%", "")) : pick(targets.assets());
            default -> anyString();
        };
    }

    /** {@code name=value}, both encoded by {@link #component}. */
    private byte[] param(String name, String value, List<String> tags) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(b, component(name, tags));
        b.write('=');
        write(b, component(value, tags));
        return b.toByteArray();
    }

    /**
     * A path segment or query component: mostly %-encoded as a client should; sometimes raw (non-ASCII bytes and
     * reserved characters as they are; only what would break the request line is encoded); sometimes broken (bad
     * escapes, encoded NUL, slash or backslash, matrix parameters).
     */
    private byte[] component(String s, List<String> tags) {
        int mode = random.nextInt(20);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (mode < 15) {
            for (byte x : utf8) {
                int c = x & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') b.write(c);
                else write(b, String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        } else if (mode < 17) {
            tags.add("encoding:raw");
            for (byte x : utf8) {
                int c = x & 0xff;
                if (c <= 0x20 || c == 0x7f || c == '%' || c == '?' || c == '#' || c == '&' || c == '/' || c == '=') {
                    write(b, String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
                } else {
                    b.write(c);
                }
            }
        } else {
            tags.add("encoding:broken");
            for (byte x : utf8) {
                int c = x & 0xff;
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) b.write(c);
                else write(b, String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
            String spoil = pick(List.of("%zz", "%f", "%", "%00", "%2F", "%5C", "%2e%2e", ";x=y", "%C3%28", "%ED%A0%80", "%C0%AF", "%FF%FE", "%u0041"));
            byte[] sp = spoil.getBytes(StandardCharsets.US_ASCII);
            byte[] cur = b.toByteArray();
            int at = cur.length == 0 ? 0 : random.nextInt(cur.length + 1);
            // Not inside an escape: move to the start of the escape it would split.
            while (at > 0 && at < cur.length && (cur[at - 1] == '%' || (at > 1 && cur[at - 2] == '%'))) at--;
            b.reset();
            b.write(cur, 0, at);
            write(b, sp);
            b.write(cur, at, cur.length - at);
        }
        return b.toByteArray();
    }

    // ------------------------------------------------------------------------------------------ bodies

    private Map<String, Object> assetBody() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", chance(0.6) ? pick(List.of("Plan the workshop", "<script>alert(1)</script>", "' OR '1'='1", "ok")) : anyString());
        if (chance(0.7)) {
            List<Object> items = new ArrayList<>();
            for (int i = random.nextInt(chance(0.05) ? 700 : 5); i > 0; i--) items.add(anyString());
            params.put("items", items);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interlinker", chance(0.8) ? "checklist" : anyString());
        body.put("params", params);
        return body;
    }

    private Map<String, Object> itemBody(boolean patch) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!patch || chance(0.6)) body.put("text", chance(0.5) ? "Book a room" : anyString());
        if (chance(0.4)) body.put("assignee", chance(0.2) ? null : anyString());
        if (patch && chance(0.5)) body.put("done", chance(0.8) ? random.nextBoolean() : anyString());
        return body;
    }

    /** The body as JSON, then (often) spoilt. */
    private byte[] json(Map<String, Object> valid, List<String> tags) {
        if (chance(0.35)) {
            tags.add("body:valid");
            return write(valid);
        }
        String kind = pick(List.of("truncated", "byte-flip", "invalid-utf8", "wrong-type", "unknown-field", "not-an-object",
                "syntax", "deep", "huge", "huge-array", "many-keys", "duplicate-keys", "bom", "trailing", "numbers", "empty",
                "escaped-surrogates"));
        tags.add("body:" + kind);
        byte[] text = write(valid);
        switch (kind) {
            case "truncated":
                return java.util.Arrays.copyOf(text, random.nextInt(Math.max(1, text.length)));
            case "byte-flip": {
                byte[] t = text.clone();
                for (int i = 1 + random.nextInt(3); i > 0 && t.length > 0; i--) t[random.nextInt(t.length)] = (byte) random.nextInt(256);
                return t;
            }
            case "invalid-utf8": {
                byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
                String s = new String(text, StandardCharsets.UTF_8);
                int quote = s.indexOf('"', s.indexOf(':') + 1); // inside the first string value
                int at = quote < 0 ? 0 : s.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8).length;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(text, 0, at);
                write(b, bad);
                b.write(text, at, text.length - at);
                return b.toByteArray();
            }
            case "wrong-type": {
                Map<String, Object> copy = deepCopy(valid);
                spoilAType(copy);
                return write(copy);
            }
            case "unknown-field": {
                Map<String, Object> copy = deepCopy(valid);
                copy.put(anyString(), anyValue(2));
                if (copy.get("params") instanceof Map<?, ?> p) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = (Map<String, Object>) p;
                    params.put(pick(List.of("__proto__", "constructor", "id", "items2", anyString())), anyValue(2));
                }
                return write(copy);
            }
            case "not-an-object":
                return write(anyValueNotObject());
            case "syntax":
                return pick(List.of("{", "}", "{}{}", "{} x", "/*c*/{}", "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\" 1}",
                        "{\"a\":1,}", "[1,]", "{,}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\t\"}",
                        "{\"a\":tru}", "{a:1}", "\"unterminated", "{\"a\":\"b\"", "null", "[]", "[[]]", "\u0000", "{\"a\":\u0001}"))
                        .getBytes(StandardCharsets.UTF_8);
            case "deep": {
                int depth = pick(List.of(63, 64, 65, 66, 200, 5000, 200_000));
                boolean arrays = random.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                StringBuilder s = new StringBuilder("{\"interlinker\":\"checklist\",\"params\":{\"title\":\"deep\",\"items\":");
                s.append(open.repeat(depth)).append("1").append(close.repeat(depth)).append("}}");
                return s.toString().getBytes(StandardCharsets.UTF_8);
            }
            case "huge": {
                int size = pick(List.of(16 * 1024 + 1, 1024 * 1024 - 64, 1024 * 1024 + 1, 1024 * 1024 + 4096 + random.nextInt(1024 * 1024)));
                return ("{\"interlinker\":\"checklist\",\"text\":\"x\",\"params\":{\"title\":\"" + "t".repeat(size) + "\"}}").getBytes(StandardCharsets.UTF_8);
            }
            case "huge-array": {
                int n = pick(List.of(1_000, 100_000, 400_000));
                StringBuilder s = new StringBuilder("{\"interlinker\":\"checklist\",\"params\":{\"title\":\"many\",\"items\":[");
                for (int i = 0; i < n; i++) s.append(i == 0 ? "" : ",").append("\"i\"");
                return s.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
            }
            case "many-keys": {
                StringBuilder s = new StringBuilder("{");
                for (int i = 0, n = pick(List.of(1_000, 50_000)); i < n; i++) s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                return s.append("}").toString().getBytes(StandardCharsets.UTF_8);
            }
            case "duplicate-keys": {
                String s = new String(text, StandardCharsets.UTF_8);
                return ("{\"interlinker\":\"nope\",\"text\":1,\"params\":[]," + s.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case "bom":
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text);
            case "trailing":
                return concat(text, pick(List.of(" x", "}", "{}", "\u0000", " // c", "\n\n\n")).getBytes(StandardCharsets.UTF_8));
            case "numbers": {
                Map<String, Object> copy = deepCopy(valid);
                String big = pick(List.of("1e999999", "-1e-999999", "1".repeat(99), "1".repeat(101), "123456789012345678901234567890.5e5", "-0"));
                copy.put("text", new Raw(big));
                if (copy.get("params") instanceof Map<?, ?> p) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = (Map<String, Object>) p;
                    params.put("title", new Raw(big));
                }
                return write(copy);
            }
            case "empty":
                return new byte[0];
            case "escaped-surrogates": {
                String s = new String(text, StandardCharsets.UTF_8);
                return s.replaceFirst("\":\"", "\":\"" + pick(List.of("\\\\ud800", "\\\\udfff\\\\ud800", "\\\\u0000", "\\\\uFFFE", "\\\\ud83d")))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default:
                throw new IllegalStateException(kind);
        }
    }

    private void spoilAType(Map<String, Object> m) {
        List<String> keys = new ArrayList<>(m.keySet());
        if (keys.isEmpty()) {
            m.put("x", anyValue(1));
            return;
        }
        String key = pick(keys);
        Object v = m.get(key);
        if (v instanceof Map<?, ?> inner && chance(0.6)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) inner;
            spoilAType(typed);
        } else if (v instanceof List<?> list && !list.isEmpty() && chance(0.5)) {
            List<Object> copy = new ArrayList<>(list);
            copy.set(random.nextInt(copy.size()), anyValue(2));
            m.put(key, copy);
        } else {
            m.put(key, anyValueOtherThan(v));
        }
    }

    private Object anyValueOtherThan(Object v) {
        while (true) {
            Object w = anyValue(2);
            if (w == null ? v != null : v == null || w.getClass() != v.getClass()) return w;
        }
    }

    private Object anyValueNotObject() {
        while (true) {
            Object v = anyValue(3);
            if (!(v instanceof Map)) return v;
        }
    }

    private Object anyValue(int depth) {
        int r = random.nextInt(depth > 0 ? 9 : 7);
        return switch (r) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> pick(List.of(Long.MAX_VALUE, -0.0, 1.5e300, Double.MIN_VALUE));
            case 4, 5 -> anyString();
            case 6 -> new Raw(pick(List.of("1e400", "-1e400", "12345678901234567890123456789")));
            case 7 -> {
                List<Object> l = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) l.add(anyValue(depth - 1));
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) m.put(anyString(), anyValue(depth - 1));
                yield m;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> inner ? deepCopy((Map<String, Object>) inner)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return copy;
    }

    /** A JSON token written as it is. */
    private record Raw(String text) {
    }

    /** JSON by hand: strings may carry lone surrogates, escaped as \\uXXXX, which a JSON library would not write. */
    private byte[] write(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(StringBuilder s, Object value) {
        if (value == null) {
            s.append("null");
        } else if (value instanceof Raw r) {
            s.append(r.text());
        } else if (value instanceof String str) {
            s.append('"');
            for (int i = 0; i < str.length(); i++) {
                char c = str.charAt(i);
                if (c == '"' || c == '\\') s.append('\\').append(c);
                else if (c < 0x20 || Character.isSurrogate(c) && !validPair(str, i)) s.append(String.format("\\u%04x", (int) c));
                else s.append(c);
                if (Character.isHighSurrogate(c) && validPair(str, i)) s.append(str.charAt(++i));
            }
            s.append('"');
        } else if (value instanceof Map<?, ?> m) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) s.append(',');
                first = false;
                write(s, String.valueOf(e.getKey()));
                s.append(':');
                write(s, e.getValue());
            }
            s.append('}');
        } else if (value instanceof List<?> l) {
            s.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) s.append(',');
                write(s, l.get(i));
            }
            s.append(']');
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            s.append("0");
        } else {
            s.append(value);
        }
    }

    private static boolean validPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /**
     * A body for the admin API's uploads: random bytes, or a zip with a manifest that is missing parts, is invalid,
     * or names a bundle (never a real one, never exporting a real package) that resolves or fails to.
     */
    private byte[] jar(List<String> tags) {
        String kind = pick(List.of("random-bytes", "empty", "zip-no-manifest", "manifest-no-name", "manifest-bad-version",
                "bundle-missing-import", "bundle-bad-activator", "bundle-bad-header", "bundle-fragment", "bundle-api-major",
                "bundle-nothing"));
        tags.add("jar:" + kind);
        switch (kind) {
            case "random-bytes": {
                byte[] b = new byte[random.nextInt(chance(0.1) ? 2_000_000 : 5_000)];
                random.nextBytes(b);
                if (b.length > 4 && chance(0.5)) System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, b, 0, 4);
                return b;
            }
            case "empty":
                return new byte[0];
            case "zip-no-manifest":
                return zip(null);
            default:
                break;
        }
        String name = "fuzz.bundle" + (++bundles) + "." + Integer.toHexString(random.nextInt());
        StringBuilder m = new StringBuilder("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n");
        switch (kind) {
            case "manifest-no-name" -> m.append("Bundle-Version: 1.0.0\r\n");
            case "manifest-bad-version" -> m.append("Bundle-SymbolicName: ").append(name).append("\r\nBundle-Version: ")
                    .append(pick(List.of("1.x", "-1", "1.0.0.0.0", "a b", "99999999999"))).append("\r\n");
            default -> {
                m.append("Bundle-SymbolicName: ").append(name).append("\r\nBundle-Version: 1.0.").append(random.nextInt(100)).append("\r\n");
                switch (kind) {
                    case "bundle-missing-import" -> m.append("Import-Package: fuzz.no.such.pkg").append(random.nextInt(1000)).append("\r\n");
                    case "bundle-bad-activator" -> m.append("Bundle-Activator: fuzz.No").append(random.nextInt(1000)).append("\r\n");
                    case "bundle-bad-header" -> m.append(pick(List.of("Import-Package: ;;;\r\n", "Require-Capability: ((((\r\n",
                            "Export-Package: fuzz.x;version=abc\r\n", "Bundle-RequiredExecutionEnvironment: JavaSE-99\r\n",
                            "Require-Bundle: fuzz.nothing\r\n", "Bundle-ManifestVersion: 3\r\n")));
                    case "bundle-fragment" -> m.append("Fragment-Host: fuzz.no.host").append(random.nextInt(1000)).append("\r\n");
                    case "bundle-api-major" -> m.append("Import-Package: eu.interlink.api;version=\"[9,10)\"\r\n");
                    case "bundle-nothing" -> { } // resolves and starts, but registers no Interlinker
                    default -> throw new IllegalStateException(kind);
                }
            }
        }
        return zip(m.append("\r\n").toString());
    }

    /** With a fixed time: the same seed makes the same bytes. */
    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(1_700_000_000_000L);
        return e;
    }

    private static byte[] zip(String manifest) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(b)) {
                if (manifest != null) {
                    z.putNextEntry(entry("META-INF/MANIFEST.MF"));
                    z.write(manifest.getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
                z.putNextEntry(entry("fuzz.txt"));
                z.write("fuzz".getBytes(StandardCharsets.US_ASCII));
                z.closeEntry();
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ safety

    /**
     * Whether the request could change a real Interlinker: anything but GET/HEAD on an admin path that names one,
     * except {@code …/{id}/upgrade} and {@code …/{id}/history} (the bodies here are never a valid Interlinker, so an
     * upgrade is refused). The path is judged as the server could read it: %-decoded twice, matrix parameters
     * dropped, dot segments resolved; when in doubt, the case is not sent.
     */
    boolean destructiveOnRealInterlinker(Case c) {
        String text = new String(c.request(), StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf('\n');
        String line = lineEnd < 0 ? text : text.substring(0, lineEnd);
        String method = c.method().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD")) {
            // The X-HTTP-Method-Override header is not honoured by the platform, but a GET is judged like a DELETE if it carries one.
            if (!text.contains("X-HTTP-Method-Override")) return false;
        }
        String path = line.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 2; i++) path = percentDecode(path);
        if (!path.contains("admin")) return false;
        String decoded = path;
        boolean namesReal = targets.realInterlinkers().stream().anyMatch(id -> decoded.contains(id.toLowerCase(Locale.ROOT)));
        if (!namesReal) return false;
        if (path.contains("..") || path.contains(";") || path.contains("\\") || path.contains("//")) return true;
        int q = path.indexOf('?');
        String p = (q < 0 ? path : path.substring(0, q)).trim();
        String[] words = p.split(" ");
        String target = words.length > 1 ? words[1] : p;
        String[] segments = target.replaceFirst("^https?://[^/]*", "").split("/");
        // ["", "api", "v1", "admin", "interlinkers", id, action]
        return !(segments.length == 7 && segments[3].equals("admin") && segments[4].equals("interlinkers")
                && (segments[6].equals("upgrade") || segments[6].equals("history")));
    }

    private static String percentDecode(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
