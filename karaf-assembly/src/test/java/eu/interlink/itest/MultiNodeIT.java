package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

/**
 * Three nodes serving one platform over one PostgreSQL database, behind a round-robin balancer (issue #13): the
 * requests spread over the nodes; a session signed in through one node works on the others; an Interlinker installed,
 * upgraded and rolled back through the balancer is served in the same version by every node within a deadline; a
 * node killed with SIGKILL mid-traffic costs only the requests it had in flight (nothing is retried); restarted, it
 * rejoins and converges to the change made while it was down. Disabling, enabling, removing, and a jar dropped into
 * (and taken out of) one node's {@code deploy/} folder reach every node too.
 *
 * <p>Each node is the built distribution as an operator runs it ({@link KarafProcess}), with
 * {@code cluster.reconcile.seconds = 2} and its own {@code cluster.node.id} in etc/eu.interlink.kernel.cfg. It uses
 * PostgreSQL itself, so the suite's PostgreSQL pass leaves it out. See docs/operations.md.
 */
public class MultiNodeIT {
    static final Duration BOOT = Duration.ofSeconds(180);
    /** How long every node may take to follow a change made through one of them. */
    static final Duration CONVERGE = Duration.ofSeconds(45);
    static final int CLIENTS = 3;

    private final List<KarafProcess> nodes = new ArrayList<>();
    private Balancer balancer;
    private boolean passed;

    @After
    public void cleanUp() throws Exception {
        if (balancer != null) balancer.close();
        for (KarafProcess k : nodes) {
            if (passed) k.deleteHome();
            else {
                System.out.println("MultiNodeIT: node kept in " + k.home());
                k.close();
            }
        }
    }

    @Test
    public void threeNodesServeOnePlatform() throws Exception {
        long t0 = System.nanoTime();
        String database = Postgres.nameFor("MultiNodeIT");
        for (int n = 1; n <= 3; n++) {
            KarafProcess k = KarafProcess.unpack("multinode" + n);
            Path dataSource = k.home().resolve("etc/org.ops4j.datasource-interlink.cfg");
            if (n == 1) Postgres.configure(dataSource, database); // a new, empty database
            else Files.copy(nodes.get(0).home().resolve("etc/org.ops4j.datasource-interlink.cfg"), dataSource,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(k.home().resolve("etc/eu.interlink.kernel.cfg"), "cluster.reconcile.seconds = 2\ncluster.node.id = node-" + n + "\n");
            nodes.add(k);
        }
        // The first node migrates the new database; the others then start together on it.
        nodes.get(0).start();
        nodes.get(0).awaitHealthy(BOOT);
        nodes.get(1).start();
        nodes.get(2).start();
        nodes.get(1).awaitHealthy(BOOT);
        nodes.get(2).awaitHealthy(BOOT);
        long booted = System.nanoTime();
        System.out.println("MultiNodeIT: three nodes up in " + ms(t0, booted) + " ms");

        balancer = new Balancer(nodes.stream().map(KarafProcess::port).toList());
        Http lb = new Http(balancer.port());

        // 1. Requests spread over the three nodes: each says which it is.
        Map<String, Integer> byNode = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            Http.Answer h = lb.get("/api/v1/health");
            assertEquals(h.toString(), 200, h.status());
            byNode.merge(h.json().path("components").path("cluster").path("node").asText(), 1, Integer::sum);
        }
        System.out.println("MultiNodeIT: 30 health requests through the balancer, by node: " + byNode);
        assertEquals("every node answered some: " + byNode, List.of("node-1", "node-2", "node-3"), new ArrayList<>(byNode.keySet()));

        // 2. A session signed in through the balancer (on whichever node) works on every node.
        Http.Answer in = lb.signIn(Platform.OPERATOR, Platform.OPERATOR_PASSWORD);
        assertEquals(in.toString(), 200, in.status());
        String session = lb.cookie("interlink_session");
        assertTrue("a session cookie", session != null);
        for (KarafProcess k : nodes) {
            Http.Answer me = k.http().get("/api/v1/me", "Cookie", "interlink_session=" + session);
            assertEquals("the session on port " + k.port() + ": " + me, 200, me.status());
            assertEquals(Platform.OPERATOR, me.json().path("name").asText());
        }

        // 2b. Live updates reach a page connected to any node: a person's notification stream open on node 3
        // receives what a change made through node 1 notified them of (PostgreSQL LISTEN/NOTIFY between nodes).
        Http nodeOne = nodes.get(0).http();
        Http nodeThree = nodes.get(2).http();
        nodeThree.tokenOf("mn-lea");
        try (Http.EventStream live = nodeThree.stream("/api/v1/me/notifications/stream", Http.AS, "mn-lea")) {
            assertEquals(live.body(), 200, live.status());
            assertNotNull("the stream on node 3 says it is connected", live.nextComment(Duration.ofSeconds(10)));
            Http.Answer team = nodeOne.post("/api/v1/teams", Map.of("name", "Night shift", "type", "citizen"), Http.AS, "mn-max");
            assertEquals(team.toString(), 201, team.status());
            Http.Answer added = nodeOne.post("/api/v1/teams/" + team.json().path("id").asText() + "/members", Map.of("user", "mn-lea"), Http.AS, "mn-max");
            assertEquals(added.toString(), 201, added.status());
            Map<String, String> event = live.next(Duration.ofSeconds(20));
            assertNotNull("node 3's page got the notification made on node 1 within 20 s", event);
            assertEquals("team.member-added", Http.JSON.readTree(event.get("data")).path("type").asText());
        }

        // 3. An Interlinker installed through the balancer serves on every node; then upgraded, everywhere.
        long t = System.nanoTime();
        Http.Answer installed = lb.postRaw("/api/v1/admin/interlinkers", "application/java-archive", Fixtures.bytes("sample"));
        assertEquals(installed.toString(), 201, installed.status());
        awaitEverywhere(nodes, "0.1.0");
        long installMs = ms(t, System.nanoTime());
        // An asset of it, whose data must read the same on every node, whatever version serves (the upgrade migrates
        // it once, the rollback reverts it once).
        String token = lb.post("/api/v1/me/tokens", Map.of("name", "multinode")).json().path("token").asText();
        Http.Answer asset = lb.post("/api/v1/assets", Map.of("interlinker", "sample", "params", Map.of("name", "kept", "client", 7)));
        assertEquals(asset.toString(), 201, asset.status());
        String download = "/api/v1/assets/" + asset.json().path("id").asText() + "/download";
        String expected = "{\"name\":\"kept\",\"client\":7}";
        assertSameEverywhere(nodes, token, download, expected);
        t = System.nanoTime();
        Http.Answer upgraded = lb.postRaw("/api/v1/admin/interlinkers/sample/upgrade", "application/java-archive", Fixtures.bytes("sample-v2"));
        assertEquals(upgraded.toString(), 200, upgraded.status());
        assertEquals("0.2.0", upgraded.json().path("version").asText());
        awaitEverywhere(nodes, "0.2.0");
        long upgradeMs = ms(t, System.nanoTime());
        System.out.println("MultiNodeIT: install served by all three nodes after " + installMs + " ms, upgrade after " + upgradeMs + " ms");
        assertSameEverywhere(nodes, token, download, expected);

        // 4. Traffic through the balancer; node 3 gets SIGKILL in the middle. No request is retried.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        List<long[]> failures = new CopyOnWriteArrayList<>(); // {nanoTime, status}
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Http mine = new Http(balancer.port()).bearer(token);
            Thread th = new Thread(() -> {
                int n = 0;
                while (!stop.get()) {
                    String path = switch (n++ % 3) {
                        case 0 -> "/api/v1/interlinkers/sample";
                        case 1 -> download;
                        default -> "/api/v1/health";
                    };
                    Http.Answer a = mine.get(path);
                    statuses.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (a.status() == 200) ok.incrementAndGet();
                    else failures.add(new long[] {System.nanoTime(), a.status()});
                }
            }, "multinode-client-" + c);
            th.setDaemon(true);
            clients.add(th);
            th.start();
        }
        Await.until("some traffic before the kill", Duration.ofSeconds(30), ok::get, v -> v >= 60);
        int beforeKill = ok.get();
        long killStart = System.nanoTime();
        nodes.get(2).kill();
        long killEnd = System.nanoTime();
        Await.until("some traffic after the kill", Duration.ofSeconds(30), ok::get, v -> v >= beforeKill + 60);
        stop.set(true);
        for (Thread th : clients) th.join(60_000);
        System.out.println("MultiNodeIT: traffic " + ok.get() + " answered 200 (" + beforeKill + " before the kill), statuses " + new TreeMap<>(statuses)
                + ", " + failures.size() + " failed; the kill took " + ms(killStart, killEnd) + " ms");
        assertTrue("at most the " + CLIENTS + " requests in flight on the killed node failed: " + failures.size(), failures.size() <= CLIENTS);
        for (long[] f : failures) {
            assertTrue("a failure (status " + f[1] + ") only around the kill: " + ms(killStart, f[0]) + " ms after it began",
                    f[0] >= killStart - 1_000_000_000L && f[0] <= killEnd + 2_000_000_000L);
        }

        // 5. While node 3 is down, a rollback through the balancer: the two others follow.
        t = System.nanoTime();
        Http.Answer back = lb.post("/api/v1/admin/interlinkers/sample/rollback", Map.of());
        assertEquals(back.toString(), 200, back.status());
        assertEquals("0.1.0", back.json().path("version").asText());
        awaitEverywhere(nodes.subList(0, 2), "0.1.0");
        long rollbackMs = ms(t, System.nanoTime());

        // 6. Node 3 restarts with 0.2.0 started in its own cache, rejoins and converges to 0.1.0.
        t = System.nanoTime();
        KarafProcess third = nodes.get(2);
        third.start();
        third.awaitHealthy(BOOT);
        awaitEverywhere(List.of(third), "0.1.0");
        long rejoinMs = ms(t, System.nanoTime());
        for (KarafProcess k : nodes) {
            Http.Answer s = k.http().get("/api/v1/interlinkers/sample");
            assertEquals("node on port " + k.port() + ": " + s, "0.1.0", s.json().path("version").asText());
        }
        assertSameEverywhere(nodes, token, download, expected);
        // The shared history: one switch to 0.2.0 and one rollback, made by the node that took the request; the
        // nodes that followed (node 3 at its restart too) switched without recording one, nor migrating again.
        Http.Answer history = lb.get("/api/v1/admin/interlinkers/sample/history?limit=200");
        assertEquals(history.toString(), 200, history.status());
        int upgradesRecorded = 0;
        int rollbacksRecorded = 0;
        int applied = 0;
        for (var e : history.json().path("items")) {
            String action = e.path("action").asText();
            if (!"ok".equals(e.path("outcome").asText())) {
                assertTrue("no failed step in the history: " + e, !action.equals("upgraded") && !action.equals("rolled-back") && !action.equals("cluster-apply"));
            }
            if (action.equals("upgraded")) upgradesRecorded++;
            if (action.equals("rolled-back")) rollbacksRecorded++;
            if (action.equals("cluster-applied")) applied++;
        }
        assertEquals("switches to 0.2.0 recorded: " + history.body(), 1, upgradesRecorded);
        assertEquals("rollbacks recorded: " + history.body(), 1, rollbacksRecorded);
        System.out.println("MultiNodeIT: history: 1 upgrade, 1 rollback, " + applied + " bundles started by nodes following the cluster");
        // 7. Disable, enable and remove through the balancer: every node follows.
        t = System.nanoTime();
        Http.Answer disabled = lb.post("/api/v1/admin/interlinkers/sample/disable", Map.of());
        assertEquals(disabled.toString(), 200, disabled.status());
        for (KarafProcess k : nodes) {
            Await.until("sample disabled on port " + k.port(), CONVERGE, () -> k.http().get("/api/v1/interlinkers/sample"),
                    a -> a.status() == 200 && "disabled".equals(a.json().path("status").asText()));
        }
        long disableMs = ms(t, System.nanoTime());
        Http.Answer enabled = lb.post("/api/v1/admin/interlinkers/sample/enable", Map.of());
        assertEquals(enabled.toString(), 200, enabled.status());
        awaitEverywhere(nodes, "0.1.0");
        t = System.nanoTime();
        Http.Answer removed = lb.delete("/api/v1/admin/interlinkers/sample");
        assertEquals(removed.toString(), 204, removed.status());
        String assetPath = download.substring(0, download.length() - "/download".length());
        for (KarafProcess k : nodes) {
            Await.until("sample gone from port " + k.port(), CONVERGE, () -> k.http().get("/api/v1/interlinkers/sample"), a -> a.status() == 404);
            Http.Answer kept = k.http().get(assetPath, "Authorization", "Bearer " + token);
            assertEquals("its asset is kept, unavailable, on port " + k.port() + ": " + kept, "unavailable", kept.json().path("status").asText());
        }
        long removeMs = ms(t, System.nanoTime());
        System.out.println("MultiNodeIT: disable followed by all three nodes after " + disableMs + " ms, removal after " + removeMs + " ms");

        // 8. A jar dropped into one node's deploy/ folder reaches the others; taken out, it leaves them all.
        t = System.nanoTime();
        Path dropped = nodes.get(0).home().resolve("deploy/interlink-testing-sample.jar");
        Files.copy(Fixtures.jar("sample"), dropped);
        awaitEverywhere(nodes, "0.1.0");
        long deployMs = ms(t, System.nanoTime());
        t = System.nanoTime();
        Files.delete(dropped);
        for (KarafProcess k : nodes) {
            Await.until("sample gone from port " + k.port() + " after deploy/", CONVERGE, () -> k.http().get("/api/v1/interlinkers/sample"),
                    a -> a.status() == 404);
        }
        System.out.println("MultiNodeIT: a jar into node 1's deploy/ served by all three after " + deployMs + " ms, out of it gone from all three after "
                + ms(t, System.nanoTime()) + " ms");

        // And the balancer spreads over all three again.
        Map<String, Integer> after = new TreeMap<>();
        Await.until("the balancer to use node 3 again", Duration.ofSeconds(30), () -> {
            Http.Answer h = lb.get("/api/v1/health");
            if (h.status() == 200) after.merge(h.json().path("components").path("cluster").path("node").asText(), 1, Integer::sum);
            return after;
        }, m -> m.containsKey("node-3"));
        System.out.println("MultiNodeIT: rollback served by the two live nodes after " + rollbackMs + " ms; node 3 restarted, healthy and at 0.1.0 after "
                + rejoinMs + " ms; balancer counts by port " + new TreeMap<>(balancer.sent));

        for (KarafProcess k : nodes) k.stop();
        System.out.println("MultiNodeIT: whole test " + ms(t0, System.nanoTime()) + " ms");
        passed = true;
    }

    /** Reads {@code path} on every node directly (with an API token) and compares it, as JSON, with {@code expected}. */
    private static void assertSameEverywhere(List<KarafProcess> which, String token, String path, String expected) throws Exception {
        for (KarafProcess k : which) {
            Http.Answer a = k.http().get(path, "Authorization", "Bearer " + token);
            assertEquals("node on port " + k.port() + ": " + a, 200, a.status());
            assertEquals("node on port " + k.port(), Http.JSON.readTree(expected), Http.JSON.readTree(a.body()));
        }
    }

    /** Waits until every node in {@code which} serves the sample Interlinker in {@code version}, asked directly. */
    private static void awaitEverywhere(List<KarafProcess> which, String version) {
        for (KarafProcess k : which) {
            Await.until("sample " + version + " serving on port " + k.port(), CONVERGE, () -> k.http().get("/api/v1/interlinkers/sample"),
                    a -> a.status() == 200 && version.equals(a.json().path("version").asText()) && a.json().path("serving").asBoolean());
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
