package eu.interlink.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what {@link java.net.http.HttpClient} refuses to send (invalid
 * UTF-8 in the path, CR/LF in a header, odd methods, broken chunking) goes out as given. One request per
 * connection. The answer is read by its framing (Content-Length, chunked, or to the end), within a deadline:
 * an answer that does not come in time is reported as a hang, not waited for.
 */
final class RawHttp {
    /** Big bodies are written from another thread, so that an early answer (413) is read before the server resets. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-writer");
        t.setDaemon(true);
        return t;
    });
    private static final int MAX_READ = 8 * 1024 * 1024;

    private RawHttp() {
    }

    /** An answer; {@code status} is -1 when none came: see {@code failure}. */
    record Answer(int status, String reason, List<String[]> headers, byte[] body, String failure, boolean hang, long millis) {
        String header(String name) {
            for (String[] h : headers) if (h[0].equalsIgnoreCase(name)) return h[1];
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            if (status < 0) return (hang ? "HANG: " : "NO ANSWER: ") + failure + " after " + millis + " ms";
            String text = bodyText();
            return status + " " + reason + " [" + header("Content-Type") + "] " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    static Answer send(int port, byte[] request, boolean head, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.min(timeout.toMillis(), 5_000));
            socket.setSoTimeout(250);
            OutputStream out = socket.getOutputStream();
            Future<?> writing = null;
            IOException writeFailure = null;
            if (request.length <= 64 * 1024) {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException e) {
                    writeFailure = e;
                }
            } else {
                writing = WRITERS.submit(() -> {
                    try {
                        for (int off = 0; off < request.length; off += 64 * 1024) {
                            out.write(request, off, Math.min(64 * 1024, request.length - off));
                        }
                        out.flush();
                    } catch (IOException e) {
                        // The server answered early and closed; the answer is read below.
                    }
                    return null;
                });
            }
            try {
                return read(socket.getInputStream(), head, deadline, start);
            } catch (IOException e) {
                String why = e + (writeFailure != null ? " (writing failed first: " + writeFailure + ")" : "");
                return new Answer(-1, null, List.of(), new byte[0], why, false, (System.nanoTime() - start) / 1_000_000);
            } finally {
                if (writing != null) writing.cancel(true);
            }
        } catch (IOException e) {
            return new Answer(-1, null, List.of(), new byte[0], e.toString(), false, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Reads one answer within the deadline. */
    private static Answer read(InputStream raw, boolean head, long deadline, long start) throws IOException {
        Reader in = new Reader(raw, deadline);
        String statusLine;
        try {
            statusLine = in.line();
            // 1xx answers (100 Continue) come before the real one.
            List<String[]> headers = new ArrayList<>();
            while (true) {
                if (statusLine == null) {
                    return new Answer(-1, null, List.of(), new byte[0], "connection closed without an answer", false, ms(start));
                }
                headers.clear();
                for (String line = in.line(); line != null && !line.isEmpty(); line = in.line()) {
                    int colon = line.indexOf(':');
                    headers.add(colon < 0 ? new String[] {line, ""} : new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
                }
                if (!statusLine.matches("HTTP/1\\.[01] 1\\d\\d.*")) break;
                statusLine = in.line();
            }
            String[] parts = statusLine.split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (RuntimeException e) {
                return new Answer(-1, null, headers, new byte[0], "not an HTTP status line: " + statusLine, false, ms(start));
            }
            String reason = parts.length > 2 ? parts[2] : "";
            String length = null;
            String encoding = null;
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase("Content-Length")) length = h[1];
                if (h[0].equalsIgnoreCase("Transfer-Encoding")) encoding = h[1];
            }
            byte[] body;
            if (head || status == 204 || status == 304) {
                body = new byte[0];
            } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                while (true) {
                    String size = in.line();
                    if (size == null) throw new IOException("chunked answer ended early");
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        while (true) { // trailers
                            String t = in.line();
                            if (t == null || t.isEmpty()) break;
                        }
                        break;
                    }
                    b.write(in.bytes(n));
                    in.line();
                    if (b.size() > MAX_READ) throw new IOException("answer larger than " + MAX_READ + " bytes");
                }
                body = b.toByteArray();
            } else if (length != null) {
                body = in.bytes(Integer.parseInt(length.trim()));
            } else {
                body = in.rest();
            }
            return new Answer(status, reason, headers, body, null, false, ms(start));
        } catch (SocketTimeoutException e) {
            return new Answer(-1, null, List.of(), new byte[0], "no complete answer in time", true, ms(start));
        }
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Buffered reading with a deadline: each read waits at most the socket's timeout, and the deadline bounds the sum. */
    private static final class Reader {
        private final InputStream in;
        private final long deadline;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int end;

        Reader(InputStream in, long deadline) {
            this.in = in;
            this.deadline = deadline;
        }

        /** Fills the buffer; false at the end of the stream. */
        private boolean fill() throws IOException {
            while (true) {
                if (System.nanoTime() > deadline) throw new SocketTimeoutException("deadline");
                try {
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) return false;
                    pos = 0;
                    end = n;
                    return true;
                } catch (SocketTimeoutException tick) {
                    // poll again until the deadline
                }
            }
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                if (pos == end && !fill()) return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
                byte c = buf[pos++];
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.ISO_8859_1);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
                if (b.size() > 64 * 1024) throw new IOException("header line longer than 64 KiB");
            }
        }

        byte[] bytes(int n) throws IOException {
            if (n > MAX_READ) throw new IOException("answer larger than " + MAX_READ + " bytes");
            byte[] out = new byte[n];
            int got = 0;
            while (got < n) {
                if (pos == end && !fill()) throw new IOException("answer ended after " + got + " of " + n + " bytes");
                int k = Math.min(n - got, end - pos);
                System.arraycopy(buf, pos, out, got, k);
                pos += k;
                got += k;
            }
            return out;
        }

        byte[] rest() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                if (pos == end && !fill()) return b.toByteArray();
                b.write(buf, pos, end - pos);
                pos = end;
                if (b.size() > MAX_READ) throw new IOException("answer larger than " + MAX_READ + " bytes");
            }
        }
    }
}
