package eu.interlink.itest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A round-robin HTTP/1.1 load balancer for tests, in front of several nodes on loopback: each request goes to the
 * next node, on a connection of its own ({@code Connection: close} both ways, so that every request is balanced, as
 * nginx does with {@code proxy_pass} and no upstream keep-alive). A node that refuses the connection is skipped
 * (and left out for two seconds), as nginx's {@code proxy_next_upstream error} does; a request already sent is
 * never sent again: if its node dies, its client sees the connection end.
 */
final class Balancer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final long[] downUntil;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "balancer");
        t.setDaemon(true);
        return t;
    });
    /** Requests sent to each node's port. */
    final ConcurrentHashMap<Integer, AtomicLong> sent = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    Balancer(List<Integer> ports) throws IOException {
        this.ports = List.copyOf(ports);
        this.downUntil = new long[ports.size()];
        server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 200);
        Thread accept = new Thread(this::accept, "balancer-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                if (!open) return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) return;
            StringBuilder rewritten = new StringBuilder();
            long length = 0;
            String[] lines = head.split("\r\n");
            rewritten.append(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (name.equals("connection") || name.equals("keep-alive") || name.equals("upgrade") || name.equals("http2-settings")) continue;
                if (name.equals("content-length")) length = Long.parseLong(line.substring(colon + 1).trim());
                rewritten.append(line).append("\r\n");
            }
            rewritten.append("Connection: close\r\n\r\n");
            byte[] body = in.readNBytes((int) length);
            try (Socket node = connect()) {
                if (node == null) {
                    client.getOutputStream().write(("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                node.setSoTimeout(60_000);
                OutputStream toNode = node.getOutputStream();
                toNode.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
                toNode.write(body);
                toNode.flush();
                // The node closes after its answer; whatever it sent reaches the client, a cut answer stays cut.
                node.getInputStream().transferTo(client.getOutputStream());
                client.getOutputStream().flush();
            }
        } catch (IOException e) {
            // The client sees its connection end: that is the failure a dead node causes.
        }
    }

    /** The next node that accepts a connection, or null when none does. */
    private Socket connect() {
        for (int attempt = 0; attempt < ports.size(); attempt++) {
            int i = Math.floorMod(next.getAndIncrement(), ports.size());
            synchronized (downUntil) {
                if (downUntil[i] > System.currentTimeMillis()) continue;
            }
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", ports.get(i)), 1000);
                sent.computeIfAbsent(ports.get(i), p -> new AtomicLong()).incrementAndGet();
                return s;
            } catch (IOException refused) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a socket that never connected
                }
                synchronized (downUntil) {
                    downUntil[i] = System.currentTimeMillis() + 2000;
                }
            }
        }
        return null;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) return head.toString(StandardCharsets.ISO_8859_1);
            if (head.size() > 64 * 1024) return null;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        threads.shutdownNow();
    }
}
