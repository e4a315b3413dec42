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
 * <p>The distribution runs as a real {@code bin/karaf server} process. Writers, each signed in with an API token
 * of the same account, create checklist assets ({@code POST /api/v1/assets}) and add items to them
 * ({@code POST /interlinkers/checklist/assets/{id}/items}); create processes ({@code POST /api/v1/processes}), add
 * phases, objectives and tasks to their trees ({@code POST /api/v1/processes/{id}/items}) and change the tasks'
 * status ({@code PATCH …/items/{item}}); and remember every write answered with a 2xx, with what it wrote. After a
 * random moment (0.5 to 3 s of writing, from a seeded {@link Random}) the platform's JVM gets SIGKILL; it is
 * started again on the same data, and every acknowledged write is checked: the asset exists with its name, its
 * checklist has its title, and every acknowledged item is there with its text; the process exists with its name,
 * and every acknowledged tree item is in its tree under its parent, with its name, type and last acknowledged
 * status. Writes in flight at the kill may or may not have landed; they were never acknowledged and are not
 * checked (a status change in flight may show either its old or its new value, and then that one counts).
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

    /** One acknowledged process: its name and the tree items added to it and acknowledged. */
    static final class AckedProcess {
        final String id;
        final String name;
        final int writer;
        /** item id → item, in the order acknowledged */
        final Map<String, AckedItem> items = new ConcurrentHashMap<>();
        final List<String> phases = new CopyOnWriteArrayList<>();
        final List<String> objectives = new CopyOnWriteArrayList<>();
        final List<String> tasks = new CopyOnWriteArrayList<>();

        AckedProcess(String id, String name, int writer) {
            this.id = id;
            this.name = name;
            this.writer = writer;
        }
    }

    /** One acknowledged tree item: what its creation wrote, and its last acknowledged status. */
    static final class AckedItem {
        final String id;
        final String type;
        final String name;
        /** null for a phase */
        final String parent;
        volatile String status;
        /** A status change sent and not answered (the kill): it may or may not have landed. */
        volatile String inFlight;

        AckedItem(String id, String type, String name, String parent, String status) {
            this.id = id;
            this.type = type;
            this.name = name;
            this.parent = parent;
            this.status = status;
        }
    }

    static final String[] STATUSES = {"awaiting", "in_progress", "finished"};

    private final Map<String, Acked> acked = new ConcurrentHashMap<>();
    private final Map<String, AckedProcess> processes = new ConcurrentHashMap<>();
    private final AtomicInteger ackedStatusChanges = new AtomicInteger();
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
        // The writers are one signed-up account, each with an API token of its own (kept in the store: they work
        // after every restart).
        Http account = new Http(karaf.port()).signUp("crash-writer");
        List<String> tokens = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Http.Answer t = account.post("/api/v1/me/tokens", Map.of("name", "writer " + w));
            assertTrue("token for writer " + w + ": " + t, t.status() == 201);
            tokens.add(t.json().path("token").asText());
        }
        for (int kill = 1; kill <= KILLS; kill++) {
            int before = ackedWrites.get();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Writer writer = new Writer(new Http(karaf.port()).bearer(tokens.get(w)), w, new Random(SEED * 31 + kill * 1_000L + w), kill, stop);
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
            // Read as the writers' account: its processes are private, so nobody else may see them.
            checkedWrites = verifyAll(new Http(karaf.port()).bearer(tokens.get(0)), "after kill " + kill);
            String line = String.format("kill %d after %d ms of writing: %d writes acknowledged in this round, %d in all, all %d checked"
                    + " after the restart (%d ms to healthy)", kill, delay, thisCycle, ackedWrites.get(), checkedWrites, bootMs);
            System.out.println("CrashIT: " + line);
        }
        karaf.stop();

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        int treeItems = processes.values().stream().mapToInt(p -> p.items.size()).sum();
        System.out.println("CrashIT: " + KILLS + " kills, " + ackedWrites.get() + " acknowledged writes (" + acked.size()
                + " assets, " + processes.size() + " processes, " + treeItems + " tree items, " + ackedStatusChanges.get()
                + " status changes), " + checkedWrites + " checked, 0 lost, in " + seconds + " s; other answers while writing: "
                + new TreeMap<>(otherAnswers));
        if (!unexpected.isEmpty()) {
            System.out.println("CrashIT: unexpected answers while writing (first 20): " + unexpected.subList(0, Math.min(20, unexpected.size())));
        }
        karaf.deleteHome();
    }

    /**
     * Checks every acknowledged write; fails listing every one that is missing or different. Returns the number
     * of writes checked (asset, checklist item, process and tree item creations; each task with its last
     * acknowledged status).
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
        for (AckedProcess p : processes.values()) {
            checked += 1 + p.items.size();
            Http.Answer process = http.get("/api/v1/processes/" + p.id);
            if (process.status() != 200) {
                lost.add("process " + p.id + " ('" + p.name + "'): " + process);
                continue;
            }
            if (!p.name.equals(process.json().path("name").asText())) {
                lost.add("process " + p.id + ": name '" + process.json().path("name").asText() + "', acknowledged '" + p.name + "'");
            }
            if (p.items.isEmpty()) continue;
            Http.Answer tree = http.get("/api/v1/processes/" + p.id + "/tree");
            if (tree.status() != 200) {
                lost.add("tree of process " + p.id + ": " + tree);
                continue;
            }
            // Every item of the stored tree, by id, with the id of the item it hangs under.
            Map<String, JsonNode> stored = new LinkedHashMap<>();
            Map<String, String> parents = new LinkedHashMap<>();
            List<JsonNode> todo = new ArrayList<>();
            tree.json().path("phases").forEach(todo::add);
            while (!todo.isEmpty()) {
                JsonNode n = todo.remove(todo.size() - 1);
                stored.put(n.path("id").asText(), n);
                for (JsonNode child : n.path("children")) {
                    parents.put(child.path("id").asText(), n.path("id").asText());
                    todo.add(child);
                }
            }
            for (AckedItem item : p.items.values()) {
                JsonNode n = stored.get(item.id);
                String where = "process " + p.id + " " + item.type + " " + item.id;
                if (n == null) {
                    lost.add(where + " ('" + item.name + "'): not in the tree");
                    continue;
                }
                if (!item.name.equals(n.path("name").asText())) lost.add(where + ": name '" + n.path("name").asText() + "', acknowledged '" + item.name + "'");
                if (!item.type.equals(n.path("type").asText())) lost.add(where + ": type '" + n.path("type").asText() + "'");
                if (!java.util.Objects.equals(item.parent, parents.get(item.id))) {
                    lost.add(where + ": under '" + parents.get(item.id) + "', acknowledged under '" + item.parent + "'");
                }
                if (item.type.equals("task")) {
                    String status = n.path("status").asText();
                    if (status.equals(item.inFlight)) {
                        // The change in flight at the kill landed: from now on it is what the store says.
                        item.status = status;
                    } else if (!status.equals(item.status)) {
                        lost.add(where + ": status '" + status + "', acknowledged '" + item.status + "'");
                    }
                    item.inFlight = null;
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
            List<AckedProcess> ownProcesses = new ArrayList<>(processes.values().stream().filter(p -> p.writer == index).toList());
            Acked current = null;
            AckedProcess currentProcess = null;
            while (!stop.get() && !gone) {
                n++;
                if (random.nextBoolean()) {
                    // The co-production side: processes, their trees, the tasks' status.
                    if (currentProcess == null || currentProcess.items.size() >= ITEMS_PER_ASSET || random.nextInt(10) == 0) {
                        AckedProcess created = createProcess();
                        if (created != null) {
                            ownProcesses.add(created);
                            currentProcess = created;
                        }
                    } else {
                        AckedProcess target = random.nextInt(4) == 0 ? ownProcesses.get(random.nextInt(ownProcesses.size())) : currentProcess;
                        if (!target.tasks.isEmpty() && random.nextInt(5) < 2) changeStatus(target);
                        else if (target.items.size() < ITEMS_PER_ASSET) addTreeItem(target);
                    }
                    continue;
                }
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

        private AckedProcess createProcess() {
            String name = text("Round " + round + " writer " + index + " process " + n);
            Http.Answer a = http.post("/api/v1/processes", Map.of("name", name));
            if (a.status() != 201) {
                if (!other(a, "create process")) gone = true;
                return null;
            }
            String id = a.json().path("id").asText();
            if (id.isEmpty() || !name.equals(a.json().path("name").asText())) {
                unexpected.add("create process answered 201 with " + a.body());
                return null;
            }
            AckedProcess created = new AckedProcess(id, name, index);
            processes.put(id, created);
            ackedWrites.incrementAndGet();
            return created;
        }

        /** A phase, an objective under one of the phases, or a task under one of the objectives. */
        private void addTreeItem(AckedProcess p) {
            String type;
            String parent = null;
            int pick = random.nextInt(7);
            if (p.phases.isEmpty() || pick == 0) {
                type = "phase";
            } else if (p.objectives.isEmpty() || pick < 3) {
                type = "objective";
                parent = p.phases.get(random.nextInt(p.phases.size()));
            } else {
                type = "task";
                parent = p.objectives.get(random.nextInt(p.objectives.size()));
            }
            String name = text(type + " " + n + " of writer " + index);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("name", name);
            if (parent != null) body.put("parent", parent);
            Http.Answer a = http.post("/api/v1/processes/" + p.id + "/items", body);
            if (a.status() != 201) {
                if (!other(a, "add " + type)) gone = true;
                return;
            }
            JsonNode item = a.json();
            String id = item.path("id").asText();
            if (id.isEmpty() || !name.equals(item.path("name").asText())) {
                unexpected.add("add " + type + " answered 201 with " + a.body());
                return;
            }
            p.items.put(id, new AckedItem(id, type, name, parent, item.path("status").asText()));
            (type.equals("phase") ? p.phases : type.equals("objective") ? p.objectives : p.tasks).add(id);
            ackedWrites.incrementAndGet();
        }

        private void changeStatus(AckedProcess p) {
            AckedItem task = p.items.get(p.tasks.get(random.nextInt(p.tasks.size())));
            String status = STATUSES[random.nextInt(STATUSES.length)];
            task.inFlight = status;
            Http.Answer a = http.patch("/api/v1/processes/" + p.id + "/items/" + task.id, Map.of("status", status));
            if (a.status() != 200) {
                if (!other(a, "change status")) {
                    gone = true; // unanswered: it stays in flight, and either value is right after the restart
                } else {
                    task.inFlight = null;
                }
                return;
            }
            if (!status.equals(a.json().path("status").asText())) {
                unexpected.add("change status answered 200 with " + a.body());
                task.inFlight = null;
                return;
            }
            task.status = status;
            task.inFlight = null;
            ackedStatusChanges.incrementAndGet();
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
