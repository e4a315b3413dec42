package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Soak: many clients at once, for a long time, over a mix of reads and writes like a working platform's; every
 * answer must be the one expected, and the platform must not grow: heap after a full collection, threads and open
 * file descriptors at the end are compared with what they were once the load had settled.
 *
 * <p>The distribution runs as a real {@code bin/karaf server} process ({@link KarafProcess}). Each client has
 * its own connection and, in a seeded random order, lists the catalogue, reads an Interlinker, lists and reads
 * processes and their activity, reads assets and their checklists, checks health (reads, about 7 in 10), and
 * creates processes, updates them, creates checklist assets and adds items to them (writes). Sizes:
 * {@code -Dinterlink.soak.seconds} (default 45) and {@code -Dinterlink.soak.connections} (default 16); the long run,
 * {@code ./interlink soak}, is 600 s at 100 connections (docs/reliability.md).
 */
public class SoakIT {
    static final int SECONDS = Integer.getInteger("interlink.soak.seconds", 45);
    static final int CONNECTIONS = Integer.getInteger("interlink.soak.connections", 16);
    static final long SEED = Long.getLong("interlink.soak.seed", 27_11L);
    /** Measured after this share of the run, when pools have grown to the load: the baseline. */
    static final double SETTLE = 0.25;
    /** Items a client adds to one checklist before it starts another (a checklist holds at most 500). */
    static final int ITEMS_PER_LIST = 100;

    private KarafProcess karaf;

    /** One reading of the platform's JVM. */
    record Reading(double heapMiB, int threads, int fds) {
        @Override
        public String toString() {
            return String.format("heap %.1f MiB, %d threads, %d fds", heapMiB, threads, fds);
        }
    }

    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    /** While set, clients finish their request and wait: the quiet moment of the baseline reading. */
    private volatile boolean paused;
    private final Object gate = new Object();
    private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

    @After
    public void stop() {
        if (karaf != null) karaf.close();
    }

    @Test
    public void manyClientsForALongTimeGetOnlyExpectedAnswersAndNothingGrows() throws Exception {
        System.out.println("SoakIT: " + SECONDS + " s (-Dinterlink.soak.seconds), " + CONNECTIONS + " connections (-Dinterlink.soak.connections), seed "
                + SEED + " (-Dinterlink.soak.seed)");
        karaf = KarafProcess.unpack("soak");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(120));
        long pid = karaf.java().pid();

        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            // Each client is a person signed in with a session cookie, as in a browser.
            Client client = new Client(new Http(karaf.port()).signUp("soak-" + c), new Random(SEED * 101 + c), c, stop);
            Thread t = new Thread(client, "soak-client-" + c);
            t.setDaemon(true);
            clients.add(t);
        }
        long started = System.nanoTime();
        clients.forEach(Thread::start);

        long runNanos = TimeUnit.SECONDS.toNanos(SECONDS);
        List<String> series = new ArrayList<>();
        Reading settled = null;
        // Readings at fixed shares of the run (each waits on the clock, the load runs meanwhile); once, when the
        // pools have grown to the load, the clients pause for a reading without requests in flight: the baseline.
        for (int tenth = 1; tenth <= 10; tenth++) {
            long at = started + runNanos * tenth / 10;
            Await.until("tenth " + tenth + " of the soak", Duration.ofSeconds(SECONDS + 60L), System::nanoTime, now -> now >= at);
            if (settled == null && tenth >= SETTLE * 10) {
                paused = true;
                Await.until("the clients to pause", Duration.ofSeconds(60), busy::get, b -> b == 0);
                settled = read(pid);
                series.add(String.format("%3d s: %s, %d requests (paused: the baseline)", (System.nanoTime() - started) / 1_000_000_000L, settled, requests.get()));
                synchronized (gate) {
                    paused = false;
                    gate.notifyAll();
                }
                continue;
            }
            Reading r = read(pid);
            series.add(String.format("%3d s: %s, %d requests (under load)", (System.nanoTime() - started) / 1_000_000_000L, r, requests.get()));
        }
        stop.set(true);
        for (Thread t : clients) {
            t.join(60_000);
            assertTrue(t.getName() + " ended", !t.isAlive());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // The load has stopped; what the platform holds now must be what it held once the load had settled.
        Reading end = read(pid);
        series.add("end: " + end);

        System.out.println("SoakIT: " + requests.get() + " requests in " + String.format("%.0f", seconds) + " s ("
                + String.format("%.0f", requests.get() / seconds) + "/s); answers " + new TreeMap<>(answers));
        series.forEach(s -> System.out.println("SoakIT:   " + s));
        System.out.println("SoakIT: settled " + settled + "; end " + end);

        assertEquals("unexpected answers (first 20): " + errors.subList(0, Math.min(20, errors.size())), 0, errors.size());
        assertTrue("the clients made requests", requests.get() > CONNECTIONS * 10L);
        // Heap after a full collection, both without a request in flight: what the platform keeps is in its
        // database, not in memory (H2's page cache, bounded, fills between the two).
        assertTrue("heap grew from " + settled + " to " + end, end.heapMiB() <= settled.heapMiB() * 1.25 + 8);
        // Threads and descriptors: a leak grows with requests; the pools had grown to the load at the baseline and
        // the clients' connections are open in both readings.
        assertTrue("threads grew from " + settled + " to " + end, end.threads() <= settled.threads() + 8);
        assertTrue("file descriptors grew from " + settled + " to " + end, end.fds() <= settled.fds() + 16);
        Http http = karaf.http();
        assertEquals(200, http.get("/api/v1/health").status());
        karaf.stop();
        karaf.deleteHome();
    }

    /** Heap used after a full collection (jcmd), threads and open descriptors (/proc) of the platform's JVM. */
    static Reading read(long pid) {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) throw new AssertionError("no heap use in: " + info);
        double heap = Long.parseLong(m.group(1)) / 1024.0;
        int threads;
        int fds;
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            Matcher t = Pattern.compile("Threads:\\s+(\\d+)").matcher(status);
            if (!t.find()) throw new AssertionError("no thread count in /proc/" + pid + "/status");
            threads = Integer.parseInt(t.group(1));
            try (var list = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                fds = (int) list.count();
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/" + pid + ": " + e, e);
        }
        return new Reading(heap, threads, fds);
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("jcmd " + command + " failed: " + out);
            return out;
        } catch (IOException e) {
            throw new AssertionError("jcmd " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** One connection's worth of a user: reads mostly, writes on what it made itself. */
    private final class Client implements Runnable {
        private final Http http;
        private final Random random;
        private final int index;
        private final AtomicBoolean stop;
        private final List<String> processes = new ArrayList<>();
        private final List<String> assets = new ArrayList<>();
        private int n;
        private int itemsOnNewest;

        Client(Http http, Random random, int index, AtomicBoolean stop) {
            this.http = http;
            this.random = random;
            this.index = index;
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    synchronized (gate) {
                        while (paused && !stop.get()) gate.wait(1_000);
                    }
                    busy.incrementAndGet();
                    try {
                        n++;
                        step(random.nextInt(100));
                    } finally {
                        busy.decrementAndGet();
                    }
                }
            } catch (RuntimeException | Error e) {
                errors.add("client " + index + " died: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void step(int dice) {
            if (dice < 12) {
                expect("list the catalogue", http.get("/api/v1/interlinkers?limit=20" + (random.nextBoolean() ? "&lang=es" : "")), 200);
            } else if (dice < 20) {
                expect("read an Interlinker", http.get("/api/v1/interlinkers/checklist"), 200);
            } else if (dice < 30) {
                expect("list processes", http.get("/api/v1/processes?limit=10"), 200);
            } else if (dice < 38 && !processes.isEmpty()) {
                String id = pick(processes);
                expect("read a process", http.get("/api/v1/processes/" + id), 200);
            } else if (dice < 44 && !processes.isEmpty()) {
                expect("read the activity of a process", http.get("/api/v1/activity?process=" + pick(processes) + "&limit=20"), 200);
            } else if (dice < 54 && !assets.isEmpty()) {
                expect("read an asset", http.get("/api/v1/assets/" + pick(assets)), 200);
            } else if (dice < 64 && !assets.isEmpty()) {
                expect("read a checklist", http.get("/interlinkers/checklist/assets/" + pick(assets) + "/items"), 200);
            } else if (dice < 70) {
                expect("health", http.get("/api/v1/health"), 200);
            } else if (dice < 76 || processes.isEmpty()) {
                Http.Answer a = expect("create a process", http.post("/api/v1/processes", Map.of("name", "Soak " + index + "." + n,
                        "description", "A process of the soak test", "tags", List.of("soak"))), 201);
                if (a != null) processes.add(a.json().path("id").asText());
            } else if (dice < 82) {
                expect("update a process", http.patch("/api/v1/processes/" + pick(processes), Map.of("aim", "Aim " + n)), 200);
            } else if (dice < 88 || assets.isEmpty()) {
                Http.Answer a = expect("create an asset", http.post("/api/v1/assets", Map.of("interlinker", "checklist",
                        "params", Map.of("title", "Soak list " + index + "." + n, "items", List.of("first")))), 201);
                if (a != null) {
                    assets.add(a.json().path("id").asText());
                    itemsOnNewest = 1;
                }
            } else if (itemsOnNewest < ITEMS_PER_LIST) {
                // A checklist holds a bounded number of items: the next list is started well before.
                if (expect("add an item", http.post("/interlinkers/checklist/assets/" + assets.get(assets.size() - 1) + "/items",
                        Map.of("text", "item " + n)), 201) != null) {
                    itemsOnNewest++;
                }
            } else {
                Http.Answer a = expect("create an asset", http.post("/api/v1/assets", Map.of("interlinker", "checklist",
                        "params", Map.of("title", "Soak list " + index + "." + n, "items", List.of("first")))), 201);
                if (a != null) {
                    assets.add(a.json().path("id").asText());
                    itemsOnNewest = 1;
                }
            }
        }

        private String pick(List<String> ids) {
            // Recent ones more often, as people work on what they just made.
            int size = ids.size();
            return ids.get(random.nextInt(4) == 0 ? random.nextInt(size) : Math.max(0, size - 1 - random.nextInt(Math.min(size, 5))));
        }

        private Http.Answer expect(String what, Http.Answer a, int status) {
            requests.incrementAndGet();
            count(what, a.status());
            if (a.status() == status) {
                if (a.body() != null && a.body().contains("\tat ")) errors.add(what + ": a stack trace in " + a.body().substring(0, Math.min(300, a.body().length())));
                return a;
            }
            errors.add(what + ": " + a.status() + " " + (a.body() == null ? "" : a.body().substring(0, Math.min(300, a.body().length()))));
            return null;
        }

        private void count(String what, int status) {
            answers.computeIfAbsent(what + " " + status, k -> new AtomicLong()).incrementAndGet();
        }
    }
}
