package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The promise of hot swap: while clients read and create an Interlinker's assets without pause, through the
 * kernel's API and through the Interlinker's own page, operators upgrade it (with a data migration) and roll it
 * back, again and again. Not one request fails and no data is lost or changed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SwapIT {
    static final int CYCLES = 20;
    static final int CLIENTS = 4;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Test
    public void upgradesAndRollbacksUnderLoadFailNoRequestAndLoseNothing() throws Exception {
        Http http = Platform.operator();
        Platform.awaitReady(http);
        Fixtures.install(http, "sample");
        Fixtures.awaitServing(http, "sample", "0.1.0");

        // Assets and what their download must give back, whatever the version serving.
        Map<String, String> expected = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) create(http, expected, i);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                Http mine = Platform.http();
                int n = 0;
                while (running.get()) {
                    requests.incrementAndGet();
                    if (n++ % 10 == 0) {
                        // A write: a new asset, created by whichever version serves.
                        String key = client + "-" + n;
                        Http.Answer a = mine.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", key, "client", client)));
                        if (a.status() != 201) failures.add("create: " + a);
                        else expected.put(a.json().path("id").asText(), "{\"name\":\"" + key + "\",\"client\":" + client + "}");
                    } else {
                        List<String> ids = new ArrayList<>(expected.keySet());
                        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        // Through the kernel's API, or through the Interlinker's own page (routed by the kernel).
                        String path = n % 3 == 0 ? "/interlinkers/sample/assets/" + id : "/api/v1/assets/" + id + "/download";
                        Http.Answer a = mine.get(path);
                        if (a.status() != 200) failures.add(path + ": " + a);
                        else if (!sameJson(a.body(), expected.get(id))) failures.add(path + " changed: " + a.body() + " instead of " + expected.get(id));
                    }
                }
            }, "swap-client-" + c);
            t.start();
            clients.add(t);
        }

        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Http.Answer up = http.postRaw("/api/v1/admin/interlinkers/sample/upgrade", "application/java-archive", Fixtures.bytes("sample-v2"));
                assertEquals("upgrade " + cycle + ": " + up, 200, up.status());
                assertEquals("0.2.0", up.json().path("version").asText());
                Http.Answer back = http.post("/api/v1/admin/interlinkers/sample/rollback", Map.of());
                assertEquals("rollback " + cycle + ": " + back, 200, back.status());
                assertEquals("0.1.0", back.json().path("version").asText());
            }
        } finally {
            running.set(false);
            for (Thread t : clients) t.join(60_000);
        }
        System.out.printf("%d requests during %d upgrade/rollback cycles, %d failed%n", requests.get(), CYCLES, failures.size());
        assertTrue(failures.size() + " failed requests, first: " + failures.peek(), failures.isEmpty());
        assertTrue("the clients ran: " + requests.get(), requests.get() > CYCLES * 10);

        // Every asset, old and new, reads back exactly as written.
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Http.Answer a = http.get("/api/v1/assets/" + e.getKey() + "/download");
            assertEquals(a.toString(), 200, a.status());
            assertTrue(e.getKey() + ": " + a.body() + " vs " + e.getValue(), sameJson(a.body(), e.getValue()));
        }
        Http.Answer history = http.get("/api/v1/admin/interlinkers/sample/history?limit=500");
        int upgrades = 0;
        int rollbacks = 0;
        for (var h : history.json().path("items")) {
            if (h.path("action").asText().equals("upgraded") && h.path("outcome").asText().equals("ok")) upgrades++;
            if (h.path("action").asText().equals("rolled-back") && h.path("outcome").asText().equals("ok")) rollbacks++;
        }
        assertEquals(CYCLES, upgrades);
        assertEquals(CYCLES, rollbacks);
    }

    private static void create(Http http, Map<String, String> expected, int i) {
        Http.Answer a = http.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "seed-" + i, "n", i)));
        assertEquals(a.toString(), 201, a.status());
        expected.put(a.json().path("id").asText(), "{\"name\":\"seed-" + i + "\",\"n\":" + i + "}");
    }

    private static boolean sameJson(String a, String b) {
        try {
            return Http.JSON.readTree(a).equals(Http.JSON.readTree(b));
        } catch (Exception e) {
            return false;
        }
    }
}
