package eu.interlink.itest;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Crash durability: what the platform acknowledged is never lost when its process dies.
 *
 * <p>The distribution runs as a real {@code bin/karaf server} process. Writers create checklist assets
 * ({@code POST /api/v1/assets}) and add items to them ({@code POST /interlinkers/checklist/assets/{id}/items}),
 * and remember every write answered with a 2xx, with what it wrote. After a random moment (0.5 to 3 s of writing,
 * from a seeded {@link Random}) the platform's JVM gets SIGKILL; it is started again on the same data, and every
 * acknowledged write is checked: the asset exists with its name, its checklist has its title, and every
 * acknowledged item is there with its text. Writes in flight at the kill may or may not have landed; they were
 * never acknowledged and are not checked.
 *
 * <p>{@code -Dinterlink.crash.kills=N} (default 3) sets the number of kills, {@code -Dinterlink.crash.seed} the
 * seed (printed). {@code ./interlink crash --kills N} runs this test alone; see docs/reliability.md.
 */
public class CrashIT {
    static final int KILLS = Integer.getInteger("interlink.crash.kills", 3);
    static final long SEED = Long.getLong("interlink.crash.seed", 12_2026L);
    static final int WRITERS = Integer.getInteger("interlink.crash.writers", 3);
    /** A checklist holds at most 500 items; writers move on to a new asset well before. */
    static final int ITEMS_PER_ASSET = 60;
    static final Duration BOOT = Duration.ofSeconds(120);

    private KarafProcess karaf;

    /** One acknowledged asset: what its creation wrote, and every item added to it and acknowledged. */
    static final class Acked {
        final String id;
        final String title;
        final List<String> initialItems;
        /** item id → text, of the acknowledged item additions */
        final Map<String, String> items = new ConcurrentHashMap<>();
        final int writer;

        Acked(String id, String title, List<String> initialItems, int writer) {
            this.id = id;
            this.title = title;
            this.initialItems = initialItems;
            this.writer = writer;
        }

        int itemCount() {
            return initialItems.size() + items.size();
        }
    }

    private final Map<String, Acked> acked = new ConcurrentHashMap<>();
    private final AtomicInteger ackedWrites = new AtomicInteger();
    /** Answers that acknowledged nothing, by status (-1: no answer, the kill), for the report. */
    private final Map<Integer, AtomicInteger> otherAnswers = new ConcurrentHashMap<>();
    /** Answers other than 201 or a refused connection while the platform was up; reported, not failed. */
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    /** A writer that died of an exception did not write what the test claims: fails the test. */
    private final List<Throwable> writerErrors = new CopyOnWriteArrayList<>();

    @Test
    public void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        System.out.println("CrashIT: seed " + SEED + " (-Dinterlink.crash.seed), " + KILLS + " kills (-Dinterlink.crash.kills), "
                + WRITERS + " writers");
        Random random = new Random(SEED);
        karaf = KarafProcess.unpack("crash");
        System.out.println("CrashIT: platform in " + karaf.home() + " (kept if the test fails)");
        Http http = karaf.http();
        int checkedWrites = 0;
        long started = System.nanoTime();

        karaf.start();
        karaf.awaitHealthy(BOOT);
        for (int kill = 1; kill <= KILLS; kill++) {
            int before = ackedWrites.get();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Writer writer = new Writer(http, w, new Random(SEED * 31 + kill * 1_000L + w), kill, stop);
                Thread t = new Thread(writer, "crash-writer-" + kill + "-" + w);
                t.setDaemon(true);
                writers.add(t);
            }
            long delay = 500 + random.nextInt(2_501);
            writers.forEach(Thread::start);
            // The point of the test: the kill lands at a random moment of the writing.
            Thread.sleep(delay);
            karaf.kill();
            stop.set(true);
            for (Thread t : writers) {
                t.join(30_000);
                assertTrue(t.getName() + " ended", !t.isAlive());
            }
            if (!writerErrors.isEmpty()) throw new AssertionError("a writer failed", writerErrors.get(0));
            int thisCycle = ackedWrites.get() - before;
            assertTrue("some writes were acknowledged before kill " + kill + " (see " + karaf.consoleLog() + ")", thisCycle > 0);

            long restarted = System.nanoTime();
            karaf.start();
            karaf.awaitHealthy(BOOT);
            long bootMs = (System.nanoTime() - restarted) / 1_000_000;
            checkedWrites = verifyAll(http, "after kill " + kill);
            String line = String.format("kill %d after %d ms of writing: %d writes acknowledged in this round, %d in all, all %d checked"
                    + " after the restart (%d ms to healthy)", kill, delay, thisCycle, ackedWrites.get(), checkedWrites, bootMs);
            System.out.println("CrashIT: " + line);
        }
        karaf.stop();

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("CrashIT: " + KILLS + " kills, " + ackedWrites.get() + " acknowledged writes (" + acked.size()
                + " assets), " + checkedWrites + " checked, 0 lost, in " + seconds + " s; other answers while writing: "
                + new TreeMap<>(otherAnswers));
        if (!unexpected.isEmpty()) {
            System.out.println("CrashIT: unexpected answers while writing (first 20): " + unexpected.subList(0, Math.min(20, unexpected.size())));
        }
        karaf.deleteHome();
    }

    /**
     * Checks every acknowledged write; fails listing every one that is missing or different. Returns the number
     * of writes checked (asset creations and item additions).
     */
    private int verifyAll(Http http, String when) {
        List<String> lost = new ArrayList<>();
        int checked = 0;
        for (Acked a : acked.values()) {
            checked += 1 + a.items.size();
            Http.Answer asset = http.get("/api/v1/assets/" + a.id);
            if (asset.status() != 200) {
                lost.add("asset " + a.id + " ('" + a.title + "'): " + asset);
                continue;
            }
            if (!a.title.equals(asset.json().path("name").asText())) {
                lost.add("asset " + a.id + ": name '" + asset.json().path("name").asText() + "', acknowledged '" + a.title + "'");
            }
            Http.Answer list = http.get("/interlinkers/checklist/assets/" + a.id + "/items");
            if (list.status() != 200) {
                lost.add("checklist of asset " + a.id + ": " + list);
                continue;
            }
            JsonNode body = list.json();
            if (!a.title.equals(body.path("title").asText())) {
                lost.add("checklist " + a.id + ": title '" + body.path("title").asText() + "', acknowledged '" + a.title + "'");
            }
            Map<String, String> stored = new LinkedHashMap<>();
            for (JsonNode item : body.path("items")) stored.put(item.path("id").asText(), item.path("text").asText());
            // The items given at creation get the ids 1, 2, … in order.
            for (int i = 0; i < a.initialItems.size(); i++) {
                String id = String.valueOf(i + 1);
                if (!a.initialItems.get(i).equals(stored.get(id))) {
                    lost.add("checklist " + a.id + " initial item " + id + ": '" + stored.get(id) + "', acknowledged '" + a.initialItems.get(i) + "'");
                }
            }
            Map<Long, Map.Entry<String, String>> byId = new TreeMap<>();
            a.items.entrySet().forEach(e -> byId.put(Long.parseLong(e.getKey()), e));
            for (Map.Entry<String, String> item : byId.values()) {
                if (!item.getValue().equals(stored.get(item.getKey()))) {
                    lost.add("checklist " + a.id + " item " + item.getKey() + ": '" + stored.get(item.getKey()) + "', acknowledged '" + item.getValue() + "'");
                }
            }
        }
        if (!lost.isEmpty()) {
            fail(lost.size() + " acknowledged writes lost or changed " + when + " (seed " + SEED + "); first 50:\n  "
                    + String.join("\n  ", lost.subList(0, Math.min(50, lost.size()))));
        }
        return checked;
    }

    /** One client writing as fast as the platform answers, on its own assets (so that its writes never race). */
    private final class Writer implements Runnable {
        private final Http http;
        private final int index;
        private final Random random;
        private final int round;
        private final AtomicBoolean stop;
        /** Set when a request found the platform gone: the kill came, this writer's round is over. */
        private boolean gone;
        private int n;

        Writer(Http http, int index, Random random, int round, AtomicBoolean stop) {
            this.http = http;
            this.index = index;
            this.random = random;
            this.round = round;
            this.stop = stop;
        }

        @Override
        public void run() {
            try {
                write();
            } catch (RuntimeException | Error e) {
                writerErrors.add(e);
            }
        }

        private void write() {
            List<Acked> own = new ArrayList<>(acked.values().stream().filter(a -> a.writer == index).toList());
            Acked current = null;
            while (!stop.get() && !gone) {
                n++;
                if (current == null || current.itemCount() >= ITEMS_PER_ASSET || random.nextInt(8) == 0) {
                    Acked created = create();
                    if (created != null) {
                        own.add(created);
                        current = created;
                    }
                } else {
                    // Mostly the newest asset; sometimes one written before an earlier kill.
                    Acked target = random.nextInt(4) == 0 ? own.get(random.nextInt(own.size())) : current;
                    if (target.itemCount() < ITEMS_PER_ASSET) addItem(target);
                    else current = null;
                }
            }
        }

        private Acked create() {
            String title = text("Round " + round + " writer " + index + " asset " + n);
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) items.add(text("initial " + i));
            Http.Answer a = http.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", title, "items", items)));
            if (a.status() != 201) {
                if (!other(a, "create")) gone = true;
                return null;
            }
            JsonNode body = a.json();
            String id = body.path("id").asText();
            if (id.isEmpty() || !title.equals(body.path("name").asText())) {
                unexpected.add("create answered 201 with " + a.body());
                return null;
            }
            Acked created = new Acked(id, title, List.copyOf(items), index);
            acked.put(id, created);
            ackedWrites.incrementAndGet();
            return created;
        }

        private void addItem(Acked target) {
            String text = text("item " + n + " of writer " + index);
            Http.Answer a = http.post("/interlinkers/checklist/assets/" + target.id + "/items", Map.of("text", text));
            if (a.status() != 201) {
                if (!other(a, "add item")) gone = true;
                return;
            }
            JsonNode body = a.json();
            String itemId = body.path("id").asText();
            if (itemId.isEmpty() || !text.equals(body.path("text").asText())) {
                unexpected.add("add item answered 201 with " + a.body());
                return;
            }
            target.items.put(itemId, text);
            ackedWrites.incrementAndGet();
        }

        /** Notes an answer that acknowledged nothing; false when the platform is gone (the kill): this round is over. */
        private boolean other(Http.Answer a, String what) {
            otherAnswers.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
            if (a.status() == -1) return false;
            if (!stop.get()) unexpected.add(what + ": " + a);
            return true;
        }

        /** A text as the checklist keeps it: single spaces, no spaces at the ends, some letters beyond ASCII. */
        private String text(String prefix) {
            String[] words = {"plaça", "ķēķis", "città", "año", "Ærø", "naïve", "über", "z\u00e9ro", "\u65e5\u672c", "\u0416\u0443\u043a"};
            StringBuilder s = new StringBuilder(prefix);
            for (int i = random.nextInt(4); i > 0; i--) s.append(' ').append(words[random.nextInt(words.length)]);
            return s.toString();
        }
    }

    @After
    public void killWhatIsLeft() {
        if (karaf != null) karaf.close();
    }
}
