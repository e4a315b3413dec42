package eu.interlink.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for the platform under test: real requests over loopback, nothing mocked. Like a browser it
 * keeps cookies, so once signed in ({@link #signIn}) it is that account, and it echoes the CSRF cookie in
 * {@code X-CSRF-Token} on unsafe methods as the platform's web application does; or it sends an API token.
 */
public final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The password {@link #signUp} gives every account it makes. */
    public static final String PASSWORD = "correct horse battery";
    private final java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
    private final String base;
    private volatile String bearer;
    private volatile boolean echoCsrf = true;

    /**
     * A header this client never sends: {@code AS, "ana"} makes that one request as account {@code ana}, signed up
     * (and given an API token) the first time. Tests of several people use it; the platform sees a real token.
     */
    public static final String AS = "X-Test-As";
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The API token of account {@code name} on this platform, signing it up first if needed. */
    public String tokenOf(String name) {
        return TOKENS.computeIfAbsent(base + " " + name, k -> {
            Http fresh = new Http(base);
            fresh.signUp(name);
            Answer t = fresh.post("/api/v1/me/tokens", Map.of("name", "tests"));
            if (t.status() != 201) throw new AssertionError("No token for " + name + ": " + t);
            return t.json().path("token").asText();
        });
    }

    private Http(String base) {
        this.base = base;
    }

    /** From now on, sends {@code Authorization: Bearer <token>} (null: stop). */
    public Http bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** Whether to echo the CSRF cookie on unsafe methods (true by default, as a browser application does). */
    public Http echoCsrf(boolean echo) {
        this.echoCsrf = echo;
        return this;
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** Forgets every cookie (a fresh browser). */
    public Http clearCookies() {
        cookies.getCookieStore().removeAll();
        return this;
    }

    public Answer signIn(String name, String password) {
        return post("/api/v1/auth/sign-in", Map.of("name", name, "password", password));
    }

    /** Signs up {@code name} (password {@link #PASSWORD}, terms accepted; unless it exists) and signs in as it. */
    public Http signUp(String name) {
        Answer up = post("/api/v1/auth/sign-up", Map.of("name", name, "email", name + "@example.org", "password", PASSWORD, "acceptTerms", "1"));
        if (up.status() != 201 && up.status() != 409) throw new AssertionError("Sign-up of " + name + " failed: " + up);
        Answer in = signIn(name, PASSWORD);
        if (in.status() != 200) throw new AssertionError("Sign-in of " + name + " failed: " + in);
        return this;
    }

    /** An answer: status, headers and body, with the body parsed as JSON on demand. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + headers.firstValue("Content-Type").orElse("") + " " + body;
        }
    }

    public Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Answer delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    public Answer put(String path, Object json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(json))), headers);
    }

    public Answer post(String path, Object json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(json))), headers);
    }

    public Answer postRaw(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A raw body sent as account {@code as} (see {@link #AS}). */
    public Answer postRawAs(String path, String contentType, byte[] body, String as) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), AS, as);
    }

    public Answer putRaw(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer patch(String path, Object json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(json))), headers);
    }

    /** A GET whose body is kept as bytes (files), with the status and headers. */
    public Bytes getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        String as = null;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equals(AS)) as = headers[i + 1];
            else request.header(headers[i], headers[i + 1]);
        }
        if (as != null) request.header("Authorization", "Bearer " + tokenOf(as));
        else if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        try {
            HttpResponse<byte[]> r = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /**
     * Opens a Server-Sent Events stream: returns once the answer's headers arrived. Read events with
     * {@link EventStream#next}; close it to hang up. A refusal (not 200) is read whole, as {@link EventStream#body}.
     */
    public EventStream stream(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET().header("Accept", "text/event-stream");
        String as = null;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equals(AS)) as = headers[i + 1];
            else request.header(headers[i], headers[i + 1]);
        }
        if (as != null) request.header("Authorization", "Bearer " + tokenOf(as));
        else if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        try {
            HttpResponse<java.util.stream.Stream<String>> r = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            return new EventStream(r);
        } catch (IOException e) {
            throw new AssertionError("Cannot open " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** An open event stream; its lines are read on a thread of its own into a queue. */
    public static final class EventStream implements AutoCloseable {
        private final HttpResponse<java.util.stream.Stream<String>> response;
        private final java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        private final String body;

        EventStream(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            if (response.statusCode() != 200) {
                body = response.body().collect(java.util.stream.Collectors.joining("\n"));
                return;
            }
            body = "";
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // hung up
                }
                lines.add("\u0000end");
            }, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return body;
        }

        /** The next event's fields ({@code event}, {@code id}, {@code data}), skipping comments; null at the deadline or the end. */
        public Map<String, String> next(Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            try {
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (line == null || line.equals("\u0000end")) return null;
                    if (line.isEmpty()) {
                        if (fields.containsKey("data")) return fields;
                        fields.clear();
                        continue;
                    }
                    if (line.startsWith(":")) continue;
                    int colon = line.indexOf(':');
                    String name = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    fields.merge(name, value, (a, b) -> a + "\n" + b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** Whether the server ended the stream within {@code within} (whatever came before is skipped). */
        public boolean ended(Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            try {
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (line == null) return false;
                    if (line.equals("\u0000end")) return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The next comment line (such as the first {@code : connected}), or null at the deadline. */
        public String nextComment(Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            try {
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (line == null || line.equals("\u0000end")) return null;
                    if (line.startsWith(":")) return line;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public void close() {
            // Closing the lines' stream hangs up the connection.
            response.body().close();
        }
    }

    public Answer method(String method, String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String write(Object json) {
        try {
            return json instanceof String s ? s : JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Answer send(HttpRequest.Builder request, String... headers) {
        boolean csrfGiven = false;
        String as = null;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equals(AS)) {
                as = headers[i + 1];
                continue;
            }
            request.header(headers[i], headers[i + 1]);
            csrfGiven |= headers[i].equalsIgnoreCase("X-CSRF-Token");
        }
        if (as != null) request.header("Authorization", "Bearer " + tokenOf(as));
        else if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        HttpRequest built = request.copy().build();
        String csrf = cookie("interlink_csrf");
        if (as == null && echoCsrf && !csrfGiven && csrf != null && !java.util.Set.of("GET", "HEAD", "OPTIONS").contains(built.method())) {
            request.header("X-CSRF-Token", csrf);
        }
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            return new Answer(-1, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
