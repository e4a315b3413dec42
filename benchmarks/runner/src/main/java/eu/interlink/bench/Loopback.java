package eu.interlink.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection to 127.0.0.1, and nothing else: a client light enough that, on a 2-core
 * machine, the server under test and not the client is what the benchmarks measure. Not thread-safe: one per
 * thread.
 */
final class Loopback implements Closeable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** An answer: status, lower-cased headers and the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String t = text();
            return status + " " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    /** The first operator of the distributions the benchmarks boot (Distribution.ours). */
    static final String OPERATOR = "bench";
    static final String OPERATOR_PASSWORD = "benchmark operator";
    private final int port;
    private final int timeoutMillis;
    /** Sent with every request when set: {@code Authorization: Bearer ilt_…}. */
    private String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Loopback(int port) {
        this(port, 60_000);
    }

    Loopback(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Signs in as the operator and makes an API token, which every later request of this connection sends: the
     * admin API is for operators. The sign-in happens before any measurement.
     */
    Loopback asOperator() throws IOException {
        Response in = postJson("/api/v1/auth/sign-in", "{\"name\":\"" + OPERATOR + "\",\"password\":\"" + OPERATOR_PASSWORD + "\"}");
        if (in.status() != 200) throw new IOException("The operator cannot sign in: " + in);
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("interlink_session=([^;\\s]+)").matcher(in.headers().getOrDefault("set-cookie", ""));
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(in.text());
        if (!session.find() || !csrf.find()) throw new IOException("No session in the sign-in answer: " + in);
        authorization = null;
        String cookie = "Cookie: interlink_session=" + session.group(1) + "; interlink_csrf=" + csrf.group(1) + "\r\nX-CSRF-Token: " + csrf.group(1);
        Response token = exchangeWith(cookie, "POST", "/api/v1/me/tokens", "application/json", "{\"name\":\"benchmarks\"}".getBytes(StandardCharsets.UTF_8));
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"token\":\"(ilt_[^\"]+)\"").matcher(token.text());
        if (token.status() != 201 || !secret.find()) throw new IOException("No API token: " + token);
        authorization = "Authorization: Bearer " + secret.group(1);
        return this;
    }

    Response get(String path) throws IOException {
        return send("GET", path, null, null);
    }

    Response delete(String path) throws IOException {
        return send("DELETE", path, null, null);
    }

    Response post(String path, String contentType, byte[] body) throws IOException {
        return send("POST", path, contentType, body);
    }

    Response postJson(String path, String json) throws IOException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request; a GET on a connection the server had closed meanwhile is sent again once, on a new one. */
    Response send(String method, String path, String contentType, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, path, contentType, body);
        } catch (IOException e) {
            close();
            if (!reused || !method.equals("GET")) throw e;
            return exchange(method, path, contentType, body);
        }
    }

    private Response exchange(String method, String path, String contentType, byte[] body) throws IOException {
        return exchangeWith(authorization, method, path, contentType, body);
    }

    private Response exchangeWith(String extraHeaders, String method, String path, String contentType, byte[] body) throws IOException {
        if (socket == null) connect();
        StringBuilder head = new StringBuilder(128).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: */*\r\n");
        if (extraHeaders != null) head.append(extraHeaders).append("\r\n");
        if (body != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n").append("Content-Length: ").append(body.length).append("\r\n");
        } else if (!method.equals("GET")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) out.write(body);
        out.flush();

        String statusLine = line();
        if (statusLine == null) throw new EOFException("connection closed before an answer");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not HTTP: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            // Set-Cookie comes once per cookie: keep them all, one per line.
            if (colon > 0) headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
        }
        byte[] content;
        String length = headers.get("content-length");
        if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
            content = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            content = chunked();
        } else if (length != null) {
            content = in.readNBytes(Integer.parseInt(length));
        } else {
            content = in.readAllBytes();
            close();
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) close();
        return new Response(status, headers, content);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) throw new EOFException("connection closed in a chunked body");
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
                return b.toByteArray();
            }
            b.write(in.readNBytes(n));
            line();
        }
    }

    /** A header line without its CRLF; null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = s.length();
                if (end > 0 && s.charAt(end - 1) == '\r') s.setLength(end - 1);
                return s.toString();
            }
            s.append((char) c);
        }
        return s.length() == 0 ? null : s.toString();
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(LOOPBACK, port), Math.min(timeoutMillis, 5_000));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** Whether something answers HTTP on {@code port} now (any status): one short-lived connection. */
    static int statusNow(int port, String path) {
        try (Loopback l = new Loopback(port, 2_000)) {
            return l.send("GET", path, null, null).status();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
