package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every endpoint against malformed and hostile input, on a real {@code bin/karaf server} process.
 *
 * <p>{@link FuzzInputs} makes the requests from one seeded {@link Random}: every endpoint of the API
 * (docs/architecture.md, "Endpoints now"), the checklist Interlinker's own endpoints, and paths nobody serves,
 * with broken JSON, wrong types, bodies over 1 MiB, deep nesting, invalid UTF-8, injection strings, path
 * traversal, overlong ids, odd methods, content types, headers and query parameters, and requests broken at the
 * HTTP level. Each is sent byte for byte over its own connection ({@link RawHttp}), and its answer must be:
 * <ul>
 * <li>not a 5xx (a 505 to a request with a bogus HTTP version is the one right 5xx, and is allowed);</li>
 * <li>free of stack traces and exception names;</li>
 * <li>when a 4xx, an {@code application/problem+json} body with {@code type}, {@code title}, {@code status} (the
 * answer's) and {@code detail};</li>
 * <li>when a 2xx JSON answer, valid JSON; when HTML, free of the injected script; never an injected header;</li>
 * <li>there within {@code interlink.fuzz.timeout} seconds (10): no hangs. After a hang, further requests of the same
 * kind (endpoint and spoiled part) are not sent, so that one slow bug does not eat the run's time.</li>
 * </ul>
 * At the end the platform must still be healthy: health UP, the checklist serving, an asset made and read back.
 * Every failure is collected and reported at the end, grouped by cause (for a 500, the exception in karaf.log that
 * its incident id names), with the exact request of the first of each group and the endpoints it was seen on.
 *
 * <p>{@code -Dinterlink.fuzz.inputs=N} (default 3000) and {@code -Dinterlink.fuzz.seed=S} (printed) choose the run;
 * {@code ./interlink fuzz --inputs N} runs this test alone; see docs/reliability.md.
 */
public class FuzzIT {
    static final int INPUTS = Integer.getInteger("interlink.fuzz.inputs", 3000);
    static final long SEED = Long.getLong("interlink.fuzz.seed", 9457L);
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("interlink.fuzz.timeout", 10));

    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\tat |Caused by: |Exception\\b|Exception:");
    /** Injected markup that would run if a page showed it unescaped. */
    private static final List<String> SCRIPT_MARKERS = List.of("<script>alert(", "<img src=x onerror=alert(", "<svg onload=alert(");
    private static final Pattern INCIDENT = Pattern.compile("\"incident\":\"([0-9a-f-]{36})\"|urn:uuid:([0-9a-f-]{36})");
    /** Jetty's own pages: the parser's "Bad Message" page, and its default error page when no context is chosen. */
    private static final Pattern JETTY_REASON = Pattern.compile("<pre>reason: ([^<]*)</pre>|<h2>HTTP ERROR \\d+ ([^<]*)</h2>");

    private KarafProcess karaf;

    /** The fuzzer's own checklists: read, edited, copied and deleted by the generated requests; replaced when deleted. */
    private final List<String> assets = new CopyOnWriteArrayList<>();

    /** One failed input: what was wrong, and, for a 500, the incident id to find its cause by. */
    private record Failure(FuzzInputs.Case input, RawHttp.Answer answer, String what, String incident) {
    }

    private final List<Failure> failures = new ArrayList<>();
    /** Kinds of request that hung once: not sent again. */
    private final Set<String> hung = new HashSet<>();
    private int skipped;

    /**
     * Requests a long run found failing, each sent once in every run: Jetty's protected targets with methods its
     * servlet context answered with an empty 404 (100,000 inputs, 2026-11-27; now a problem, bundles/web-jetty).
     */
    private static final List<String> REGRESSIONS = List.of(
            "OPTIONS /WEB-INF/web.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "PATCH /WEB-INF/web.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
            "PUT /META-INF/MANIFEST.MF HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
            "DELETE /meta-inf HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "XXXXXXXXXXXXXXXX //web-inf/classes/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /WEB-INF/web.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    @Test
    public void everyEndpointAnswersHostileInputWithoutFailing() throws Exception {
        System.out.println("FuzzIT: seed " + SEED + " (-Dinterlink.fuzz.seed), " + INPUTS + " inputs (-Dinterlink.fuzz.inputs), "
                + TIMEOUT.toSeconds() + " s per request");
        karaf = KarafProcess.unpack("fuzz");
        System.out.println("FuzzIT: platform in " + karaf.home() + " (kept if the test fails)");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(120));
        Http http = karaf.http();
        // The fixtures and the checks afterwards use the admin API; the fuzzed requests themselves carry no
        // credentials, so their admin cases meet the 401 (a problem body too).
        assertEquals(200, http.signIn(Platform.OPERATOR, Platform.OPERATOR_PASSWORD).status());

        Set<String> real = realInterlinkers(http);
        assertTrue("the checklist is among " + real, real.contains("checklist"));
        for (String title : List.of("Fuzz plain", "<script>alert('title')</script> ' OR '1'='1", "Fuzz ünïcödé 日本 Жук")) {
            assets.add(createAsset(http, title));
        }
        for (int i = 0; i < 20; i++) {
            http.post("/interlinkers/checklist/assets/" + assets.get(0) + "/items", Map.of("text", "Item " + i));
        }
        http.post("/interlinkers/checklist/assets/" + assets.get(1) + "/items",
                Map.of("text", "<img src=x onerror=alert(1)>", "assignee", "\"><script>alert(1)</script>"));

        // What the long runs found, sent in every run whatever the seed and the size (docs/reliability.md, "Findings").
        for (String request : REGRESSIONS) {
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            String method = request.substring(0, request.indexOf(' '));
            FuzzInputs.Case c = new FuzzInputs.Case(-1, "regression " + request.substring(0, request.indexOf(" HTTP/")), method, bytes,
                    false, false, false, List.of("regression"), null);
            RawHttp.Answer a = RawHttp.send(karaf.port(), bytes, false, TIMEOUT);
            check(c, a);
            if (a.status() != 404) failed(c, a, "a protected path answered " + a.status() + " instead of 404");
        }

        FuzzInputs inputs = new FuzzInputs(new Random(SEED), new FuzzInputs.Targets() {
            @Override public List<String> assets() { return assets; }
            @Override public Set<String> realInterlinkers() { return real; }
        });
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> byEndpoint = new TreeMap<>();
        long started = System.nanoTime();
        long slowest = 0;
        String slowestCase = "";
        for (int i = 0; i < INPUTS; i++) {
            FuzzInputs.Case c = inputs.next(i);
            if (hung.contains(kind(c))) {
                skipped++;
                continue;
            }
            RawHttp.Answer a = RawHttp.send(karaf.port(), c.request(), c.head(), TIMEOUT);
            statuses.merge(a.status(), 1, Integer::sum);
            byEndpoint.merge(c.endpoint(), 1, Integer::sum);
            if (a.millis() > slowest) {
                slowest = a.millis();
                slowestCase = "#" + c.index() + " " + c.endpoint() + " " + c.tags();
            }
            check(c, a);
            afterwards(http, c, a);
            if ((i + 1) % 1000 == 0) {
                System.out.println("FuzzIT: " + (i + 1) + " inputs, " + failures.size() + " failures, " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;

        // Still well?
        Http.Answer health = Await.until("health after fuzzing", Duration.ofSeconds(30), () -> http.get("/api/v1/health"), h -> h.status() == 200);
        assertEquals(health.toString(), "active",
                health.json().path("components").path("registry").path("interlinkers").path("checklist").path("status").asText());
        String id = createAsset(http, "After the fuzzing");
        Http.Answer added = http.post("/interlinkers/checklist/assets/" + id + "/items", Map.of("text", "still writes"));
        assertEquals("an item added after the fuzzing: " + added, 201, added.status());
        assertEquals("still writes", http.get("/interlinkers/checklist/assets/" + id + "/items").json().path("items").path(2).path("text").asText());
        assertTrue("the platform process is alive", karaf.isAlive());
        // Every bundle the fuzzer uploaded was refused and uninstalled (the API says so): none may stay listed.
        List<String> left = new ArrayList<>();
        http.get("/api/v1/admin/interlinkers").json().path("items").forEach(r -> {
            if (r.path("bundle").path("symbolicName").asText().startsWith("fuzz.")) {
                left.add(r.path("bundle").path("symbolicName").asText() + " (" + r.path("status").asText() + ": " + r.path("reason").asText() + ")");
            }
        });

        Map<String, String> causes = incidentCauses();
        System.out.println("FuzzIT: " + INPUTS + " inputs (" + skipped + " not sent: same kind as one that hung) in " + ms + " ms; slowest "
                + slowest + " ms (" + slowestCase + "); statuses " + statuses + "; " + causes.size() + " incidents logged; by endpoint " + byEndpoint);
        if (!failures.isEmpty() || !left.isEmpty()) {
            String report = report(causes);
            if (!left.isEmpty()) {
                report += "\n* " + left.size() + " × registration left listed after its bundle was refused and uninstalled (GET /api/v1/admin/interlinkers,"
                        + " /api/v1/interlinkers, health 'rejected'):\n    " + String.join("\n    ", left) + "\n";
            }
            System.out.println(report);
            fail(report);
        }
        System.out.println("FuzzIT: no failures");
        karaf.deleteHome();
    }

    /** The kind of a request, for skipping repeats of one that hung: its endpoint and what of it was spoilt. */
    private static String kind(FuzzInputs.Case c) {
        StringBuilder k = new StringBuilder(c.endpoint());
        c.tags().stream().filter(t -> t.startsWith("jar:") || t.startsWith("body:") || t.startsWith("protocol:")).sorted().forEach(t -> k.append(' ').append(t));
        return k.toString();
    }

    /** Checks one answer against the properties every answer must have. */
    private void check(FuzzInputs.Case c, RawHttp.Answer a) {
        if (a.status() < 0) {
            if (a.hang()) {
                failed(c, a, "hang: no answer in " + TIMEOUT.toSeconds() + " s");
                hung.add(kind(c));
            } else if (!c.bigBody()) {
                // A server may close on a huge body it refused, before its answer was read; on nothing else.
                failed(c, a, "no answer");
            }
            return;
        }
        String body = a.bodyText();
        String type = a.header("Content-Type");
        String mainType = type == null ? "no Content-Type" : type.split(";")[0].trim().toLowerCase();
        if (a.status() >= 500 && !(a.status() == 505 && c.badVersion())) {
            failed(c, a, a.status() + " " + mainType);
        }
        if (STACK_TRACE.matcher(body).find()) {
            failed(c, a, "stack trace or exception name in the body");
        }
        for (String[] h : a.headers()) {
            if (h[0].equalsIgnoreCase("X-Injected") || h[0].equalsIgnoreCase("X-After-Lf")) failed(c, a, "injected header " + h[0]);
        }
        if (a.status() >= 400 && a.status() < 500) {
            String why = notAProblem(a, c.head());
            if (why != null) {
                Matcher jetty = JETTY_REASON.matcher(body);
                boolean jettyPage = jetty.find() || c.head() && mainType.equals("text/html");
                String method = c.method().length() > 12 ? c.method().substring(0, 12) + "…" : c.method();
                String origin = jettyPage ? "Jetty's own error page, reason \"" + (c.head() ? a.reason() : jetty.group(1) != null ? jetty.group(1) : jetty.group(2)) + "\""
                        : body.isEmpty() && !c.head() ? "empty body, method " + method : why;
                // Even what Jetty's HTTP parser refuses before any servlet sees it must be a problem (bundles/web-jetty).
                failed(c, a, a.status() + " " + mainType + " instead of a problem: " + origin);
            }
        }
        if (a.status() >= 200 && a.status() < 300 && mainType.equals("application/json") && !c.head()) {
            try {
                Http.JSON.readTree(body);
            } catch (IOException e) {
                failed(c, a, "2xx application/json body is not JSON");
            }
        }
        if (mainType.equals("text/html")) {
            for (String marker : SCRIPT_MARKERS) {
                if (body.contains(marker)) failed(c, a, "script reflected in HTML (" + marker + ")");
            }
        }
    }

    /** Null when the answer is a proper problem; otherwise what is wrong with it. */
    private static String notAProblem(RawHttp.Answer a, boolean head) {
        String type = a.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/problem+json")) return "Content-Type " + type;
        if (head) return null;
        JsonNode p;
        try {
            p = Http.JSON.readTree(a.body());
        } catch (IOException e) {
            return "body not JSON";
        }
        if (p == null || !p.isObject()) return "body not a JSON object";
        for (String member : List.of("type", "title", "detail")) {
            if (!p.path(member).isTextual() || p.path(member).asText().isBlank()) return "no '" + member + "'";
        }
        if (p.path("status").asInt() != a.status()) return "'status' " + p.path("status") + " is not " + a.status();
        return null;
    }

    private void failed(FuzzInputs.Case c, RawHttp.Answer a, String what) {
        String incident = null;
        if (a.status() >= 500) {
            Matcher m = INCIDENT.matcher(a.bodyText());
            if (m.find()) incident = m.group(1) != null ? m.group(1) : m.group(2);
        }
        failures.add(new Failure(c, a, what, incident));
    }

    /** The failures grouped by cause, with the first request of each group and the endpoints it was seen on. */
    private String report(Map<String, String> causes) {
        Map<String, List<Failure>> groups = new TreeMap<>();
        for (Failure f : failures) {
            String key = f.what();
            if (f.incident() != null) {
                key += ": " + causes.getOrDefault(f.incident(), "incident " + f.incident() + " not found in karaf.log");
            } else if (f.what().startsWith("5") && f.input().head()) {
                key += " (HEAD: no body, no incident id)";
            } else if (f.what().startsWith("hang") || f.what().startsWith("no answer")) {
                key += " | " + kind(f.input());
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        StringBuilder report = new StringBuilder("FuzzIT: " + failures.size() + " failures in " + INPUTS + " inputs (seed " + SEED
                + "), " + groups.size() + " kinds; the first request of each kind:\n");
        groups.forEach((key, list) -> {
            Failure first = list.get(0);
            Set<String> endpoints = new TreeSet<>();
            list.forEach(f -> endpoints.add(f.input().tags().stream().filter(t -> t.startsWith("protocol:")).findFirst()
                    .map(t -> "HTTP-level " + t).orElse(f.input().endpoint())));
            report.append("\n* ").append(list.size()).append(" × ").append(key)
                    .append("\n    seen on: ").append(endpoints)
                    .append("\n    input #").append(first.input().index()).append(' ').append(first.input().tags())
                    .append("\n    request: \"").append(first.input().printable(1200)).append('"')
                    .append("\n    answer:  ").append(first.answer()).append('\n');
        });
        return report.toString();
    }

    /**
     * For every incident id in karaf.log (the platform logs each 500 with one), its cause: the exception's first
     * line and the first platform frame under it.
     */
    private Map<String, String> incidentCauses() throws IOException {
        Map<String, String> causes = new HashMap<>();
        Path log = karaf.home().resolve("data/log/karaf.log");
        if (!Files.exists(log)) return causes;
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        Pattern logged = Pattern.compile("Incident ([0-9a-f-]{36})|answered as urn:uuid:([0-9a-f-]{36})");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = logged.matcher(lines.get(i));
            if (!m.find() || i + 1 >= lines.size()) continue;
            String id = m.group(1) != null ? m.group(1) : m.group(2);
            String exception = lines.get(i + 1).trim();
            String frame = "";
            for (int j = i + 2; j < lines.size() && j < i + 80 && lines.get(j).startsWith("\t"); j++) {
                if (lines.get(j).contains("at eu.interlink.")) {
                    frame = " " + lines.get(j).trim();
                    break;
                }
            }
            causes.put(id, (exception.length() > 200 ? exception.substring(0, 200) + "…" : exception) + frame);
        }
        return causes;
    }

    /** Keeps the fuzzer's own assets: a deleted one is replaced, so that later requests still reach real data. */
    private void afterwards(Http http, FuzzInputs.Case c, RawHttp.Answer a) {
        if (c.assetId() != null && c.method().equals("DELETE") && c.endpoint().equals("DELETE /api/v1/assets/{asset}") && a.status() == 204) {
            assets.remove(c.assetId());
            assets.add(createAsset(http, "Fuzz replacement " + c.index()));
        }
    }

    private static String createAsset(Http http, String title) {
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", title, "items", List.of("First", "Second"))));
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asText();
    }

    private static Set<String> realInterlinkers(Http http) {
        Set<String> ids = new TreeSet<>();
        http.get("/api/v1/admin/interlinkers").json().path("items").forEach(i -> {
            if (!i.path("id").asText().isEmpty()) ids.add(i.path("id").asText());
        });
        return Set.copyOf(ids);
    }

    @After
    public void killWhatIsLeft() {
        if (karaf != null) karaf.close();
    }
}
