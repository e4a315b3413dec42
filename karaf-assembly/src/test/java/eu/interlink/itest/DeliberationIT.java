package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deliberation Interlinker end to end: assets made, cloned, exported and deleted through the kernel's API;
 * threads, replies, proposals, polls of every kind, votes, closing by date and by hand, outcomes, conflicts and
 * refusals through its own endpoints and pages, over real HTTP in the booted distribution. (ConformanceIT runs
 * the conformance kit on it.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeliberationIT {
    private static final String PAGES = "/interlinkers/deliberation/assets/";
    private static final String USER = Http.AS;

    private Http http;

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Before
    public void waitForTheDeliberation() {
        http = Platform.http();
        Await.until("the health endpoint", Duration.ofSeconds(60), () -> http.get("/api/v1/health"), a -> a.status() == 200);
        Await.until("the deliberation Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/deliberation"),
                a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
    }

    private String create(Map<String, Object> params) {
        Http.Answer created = http.post("/api/v1/assets", Map.of("interlinker", "deliberation", "params", params));
        assertEquals(created.toString(), 201, created.status());
        JsonNode asset = created.json();
        assertEquals("deliberation", asset.path("interlinker").asText());
        assertEquals(PAGES + asset.path("id").asText(), asset.path("links").path("page").asText());
        return asset.path("id").asText();
    }

    private String create(String title) {
        return create(Map.of("title", title));
    }

    private JsonNode created(Http.Answer a) {
        assertEquals(a.toString(), 201, a.status());
        assertTrue(a.header("Location"), a.header("Location").startsWith(PAGES));
        return a.json();
    }

    private String poll(String id, Map<String, Object> definition, String... headers) {
        return created(http.post(PAGES + id + "/polls", definition, headers)).path("id").asText();
    }

    private Http.Answer vote(String id, String poll, Object choice, String voter) {
        return http.post(PAGES + id + "/polls/" + poll + "/votes", Map.of("choice", choice), USER, voter);
    }

    private JsonNode results(String id, String poll) {
        Http.Answer a = http.get(PAGES + id + "/polls/" + poll);
        assertEquals(a.toString(), 200, a.status());
        assertEquals("\"" + a.json().path("version").asLong() + "\"", a.header("ETag"));
        return a.json();
    }

    @Test
    public void discussesInThreadsWithNestedReplies() {
        String id = create(Map.of("title", "Benches for the river park", "description", "Where, how many, what kind."));
        JsonNode thread = created(http.post(PAGES + id + "/threads", Map.of("title", "Where first?", "text", "Near the playground?"), USER, "ana"));
        String t = thread.path("id").asText();
        assertEquals("ana", thread.path("author").asText());
        Instant.parse(thread.path("createdAt").asText());

        // A reply named in the body (nobody signed in), one nested under it by a signed-in person, one to the thread.
        JsonNode first = created(http.post(PAGES + id + "/threads/" + t + "/replies", Map.of("text", "Yes, and by the river", "author", "ben")));
        assertEquals("ben", first.path("author").asText());
        JsonNode nested = created(http.post(PAGES + id + "/threads/" + t + "/replies",
                Map.of("text", "Both, then", "parent", first.path("id").asText()), USER, "carla"));
        assertEquals(2, nested.path("depth").asInt());
        created(http.post(PAGES + id + "/threads/" + t + "/replies", Map.of("text", "Shade matters most")));

        JsonNode read = http.get(PAGES + id + "/threads/" + t).json();
        assertEquals(3, read.path("replyCount").asInt());
        assertEquals(2, read.path("replies").size());
        JsonNode top = read.path("replies").path(0);
        assertEquals("Yes, and by the river", top.path("text").asText());
        assertEquals("carla", top.path("replies").path(0).path("author").asText());
        assertEquals("Both, then", top.path("replies").path(0).path("text").asText());
        assertTrue(read.path("replies").path(1).path("author").isNull());
        assertEquals(1, http.get(PAGES + id + "/threads").json().size());

        // A reply under a parent of another thread, or by someone other than the signed-in person, is refused.
        JsonNode other = created(http.post(PAGES + id + "/threads", Map.of("title", "Colour", "text", "Green?")));
        assertEquals("parent", field(http.post(PAGES + id + "/threads/" + other.path("id").asText() + "/replies",
                Map.of("text", "x", "parent", first.path("id").asText()))));
        assertEquals("author", field(http.post(PAGES + id + "/threads/" + t + "/replies", Map.of("text", "x", "author", "eva"), USER, "ana")));
        assertProblem(http.post(PAGES + id + "/threads/t000000000000/replies", Map.of("text", "x")), 404);
    }

    @Test
    public void proposalsAndPollsOfEveryKindWithOutcomes() {
        String id = create("Benches");
        JsonNode proposal = created(http.post(PAGES + id + "/proposals", Map.of("title", "Ten benches", "text", "Along the river path"), USER, "ana"));
        String p = proposal.path("id").asText();
        assertEquals("open", proposal.path("status").asText());

        // Choose one: a tie, then a changed vote makes a winner.
        String single = poll(id, Map.of("kind", "single", "question", "Which park first?", "options", List.of("River", "Central", "North")));
        assertEquals(201, vote(id, single, "1", "ana").status());
        assertEquals(201, vote(id, single, "2", "ben").status());
        JsonNode tie = results(id, single).path("results");
        assertEquals("tie", tie.path("outcome").path("result").asText());
        assertEquals("[\"1\",\"2\"]", tie.path("outcome").path("tied").toString());
        assertFalse(tie.path("outcome").path("final").asBoolean());
        Http.Answer changed = vote(id, single, "1", "ben");
        assertEquals(changed.toString(), 200, changed.status());
        assertTrue(changed.json().has("changedAt"));
        JsonNode won = results(id, single);
        assertEquals(2, won.path("results").path("voters").asInt());
        assertEquals(2, won.path("results").path("counts").path("1").asInt());
        assertEquals(0, won.path("results").path("counts").path("2").asInt());
        assertEquals("winner", won.path("results").path("outcome").path("result").asText());
        assertEquals("1", won.path("results").path("outcome").path("winner").asText());
        assertEquals(2, won.path("votes").size());

        // Choose many.
        String multiple = poll(id, Map.of("kind", "multiple", "question", "Which materials?", "options", List.of("Wood", "Stone", "Metal")));
        assertEquals(201, vote(id, multiple, List.of("3", "1"), "ana").status());
        assertEquals(201, vote(id, multiple, List.of("1"), "ben").status());
        assertEquals(201, vote(id, multiple, List.of("2", "1"), "carla").status());
        JsonNode many = results(id, multiple).path("results");
        assertEquals(3, many.path("counts").path("1").asInt());
        assertEquals(1, many.path("counts").path("2").asInt());
        assertEquals(1, many.path("counts").path("3").asInt());
        assertEquals("1", many.path("outcome").path("winner").asText());

        // Majority: agree against disagree; abstentions decide nothing.
        String majority = poll(id, Map.of("kind", "majority", "question", "Paint them green?"));
        assertEquals("[\"agree\",\"abstain\",\"disagree\"]", ids(results(id, majority).path("options")));
        vote(id, majority, "agree", "ana");
        vote(id, majority, "disagree", "ben");
        assertEquals("tie", results(id, majority).path("results").path("outcome").path("result").asText());
        vote(id, majority, "abstain", "carla");
        vote(id, majority, "agree", "dan");
        assertEquals("accepted", results(id, majority).path("results").path("outcome").path("result").asText());

        // Consent on the proposal: accepted, then one block blocks it.
        String consent = poll(id, Map.of("kind", "consent", "question", "Adopt the ten benches?", "proposal", p));
        assertEquals(consent, http.get(PAGES + id + "/proposals/" + p).json().path("polls").path(0).asText());
        vote(id, consent, "agree", "ana");
        vote(id, consent, "agree", "ben");
        vote(id, consent, "disagree", "carla");
        assertEquals("accepted", results(id, consent).path("results").path("outcome").path("result").asText());
        assertEquals(201, vote(id, consent, "block", "dan").status());
        JsonNode blocked = results(id, consent);
        assertEquals("blocked", blocked.path("results").path("outcome").path("result").asText());
        assertEquals(1, blocked.path("results").path("counts").path("block").asInt());

        // Closing by hand makes the outcome final and refuses later votes with a 409 problem.
        Http.Answer closed = http.post(PAGES + id + "/polls/" + consent + "/close", Map.of(), USER, "ana");
        assertEquals(closed.toString(), 200, closed.status());
        assertEquals("closed", closed.json().path("status").asText());
        assertEquals("explicit", closed.json().path("closedBy").asText());
        assertEquals("ana", closed.json().path("closer").asText());
        assertTrue(closed.json().path("results").path("outcome").path("final").asBoolean());
        JsonNode refused = assertProblem(vote(id, consent, "agree", "dan"), 409);
        assertEquals("urn:interlink:problem:poll-closed", refused.path("type").asText());
        assertProblem(http.post(PAGES + id + "/polls/" + consent + "/close", Map.of()), 409);
        assertEquals("blocked", results(id, consent).path("results").path("outcome").path("result").asText());
        assertEquals(4, results(id, consent).path("results").path("voters").asInt());

        // The proposal's status is the group's to set, at the version read.
        long version = http.get(PAGES + id + "/proposals/" + p).json().path("version").asLong();
        Http.Answer rejected = http.put(PAGES + id + "/proposals/" + p, Map.of("status", "rejected"), "If-Match", "\"" + version + "\"", USER, "ben");
        assertEquals(rejected.toString(), 200, rejected.status());
        assertEquals("rejected", rejected.json().path("status").asText());
        assertEquals("ben", rejected.json().path("updatedBy").asText());
        assertEquals("\"" + (version + 1) + "\"", rejected.header("ETag"));

        JsonNode all = http.get(PAGES + id + "/deliberation").json();
        assertEquals(4, all.path("polls").size());
        assertEquals(1, all.path("proposals").size());
        assertEquals(4, http.get(PAGES + id + "/polls").json().size());
    }

    @Test
    public void aPollClosesAtItsDateAndThenRefusesVotes() {
        String id = create("Benches");
        // A few seconds ahead: enough to vote first on a busy machine; the close is then awaited, never slept for.
        Instant closesAt = Instant.now().plusSeconds(6);
        String poll = poll(id, Map.of("kind", "consent", "question", "Order the benches?", "closesAt", closesAt.toString()));
        assertEquals(201, vote(id, poll, "agree", "ana").status());
        assertEquals(201, vote(id, poll, "abstain", "ben").status());
        JsonNode open = results(id, poll);
        assertEquals("open", open.path("status").asText());
        assertEquals(closesAt.toString(), open.path("closesAt").asText());

        JsonNode closed = Await.until("the poll to close at its date", Duration.ofSeconds(40), () -> results(id, poll),
                p -> p.path("status").asText().equals("closed"));
        assertFalse("closed before its date", Instant.now().isBefore(closesAt));
        assertEquals("date", closed.path("closedBy").asText());
        assertEquals(closesAt.toString(), closed.path("closedAt").asText());
        assertEquals("accepted", closed.path("results").path("outcome").path("result").asText());
        assertTrue(closed.path("results").path("outcome").path("final").asBoolean());
        JsonNode refused = assertProblem(vote(id, poll, "block", "carla"), 409);
        assertEquals("urn:interlink:problem:poll-closed", refused.path("type").asText());
        assertProblem(vote(id, poll, "disagree", "ana"), 409); // not even a change of an earlier vote
        assertProblem(http.post(PAGES + id + "/polls/" + poll + "/close", Map.of()), 409);
        assertEquals(2, results(id, poll).path("results").path("voters").asInt());
        assertEquals("agree", results(id, poll).path("votes").path(0).path("choice").asText());
    }

    @Test
    public void concurrentEditsOfOneThingConflict() {
        String id = create("Benches");
        String p = created(http.post(PAGES + id + "/proposals", Map.of("title", "Ten benches", "text", "Along the river"))).path("id").asText();
        // Two people read the same version and both save on it: the second is told, nothing is overwritten.
        Http.Answer read = http.get(PAGES + id + "/proposals/" + p);
        String etag = read.header("ETag");
        assertEquals("\"" + read.json().path("version").asLong() + "\"", etag);
        Http.Answer first = http.put(PAGES + id + "/proposals/" + p, Map.of("text", "Twelve benches"), "If-Match", etag, USER, "ana");
        assertEquals(first.toString(), 200, first.status());
        JsonNode stale = assertProblem(http.put(PAGES + id + "/proposals/" + p, Map.of("text", "Eight benches"), "If-Match", etag, USER, "ben"), 412);
        assertEquals("If-Match", stale.path("field").asText());
        assertEquals("Twelve benches", http.get(PAGES + id + "/proposals/" + p).json().path("text").asText());

        // The same for the deliberation's title, and for closing a poll on a stale copy.
        Http.Answer meta = http.get(PAGES + id + "/deliberation");
        Map<String, Object> retitled = Map.of("title", "Benches and shade", "description", "Trees too");
        Http.Answer saved = http.put(PAGES + id + "/deliberation", retitled, "If-Match", meta.header("ETag"));
        assertEquals(saved.toString(), 200, saved.status());
        assertEquals("Benches and shade", saved.json().path("title").asText());
        assertProblem(http.put(PAGES + id + "/deliberation", Map.of("title", "Other"), "If-Match", meta.header("ETag")), 412);
        assertEquals("Benches and shade", http.get("/api/v1/assets/" + id + "/download").json().path("title").asText());
        String poll = poll(id, Map.of("kind", "majority", "question", "Trees?"));
        String pollTag = http.get(PAGES + id + "/polls/" + poll).header("ETag");
        assertProblem(http.post(PAGES + id + "/polls/" + poll + "/close", Map.of(), "If-Match", "\"" + (Long.parseLong(pollTag.replace("\"", "")) + 1) + "\""), 412);
        assertEquals("open", results(id, poll).path("status").asText());
        assertEquals(200, http.post(PAGES + id + "/polls/" + poll + "/close", Map.of(), "If-Match", pollTag).status());
    }

    @Test
    public void manyPeopleVotingAndReplyingAtOnceLoseNothing() throws Exception {
        String id = create("Benches");
        String poll = poll(id, Map.of("kind", "single", "question", "Which park first?", "options", List.of("River", "Central", "North")));
        String t = created(http.post(PAGES + id + "/threads", Map.of("title", "Where?", "text", "Say it"))).path("id").asText();
        int threads = 8;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> futures = new ArrayList<>();
        for (int n = 0; n < threads; n++) {
            int thread = n;
            futures.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String voter = "voter-" + thread + "-" + i;
                    statuses.add(vote(id, poll, String.valueOf((thread + i) % 3 + 1), voter).status());
                    statuses.add(http.post(PAGES + id + "/threads/" + t + "/replies", Map.of("text", "From " + voter), USER, voter).status());
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        for (Future<List<Integer>> f : futures) {
            for (int status : f.get()) {
                assertEquals(201, status);
            }
        }
        int[] expected = new int[3];
        for (int n = 0; n < threads; n++) {
            for (int i = 0; i < perThread; i++) {
                expected[(n + i) % 3]++;
            }
        }
        JsonNode results = results(id, poll).path("results");
        assertEquals(threads * perThread, results.path("voters").asInt());
        for (int o = 0; o < 3; o++) {
            assertEquals(expected[o], results.path("counts").path(String.valueOf(o + 1)).asInt());
        }
        assertEquals(threads * perThread, http.get(PAGES + id + "/threads/" + t).json().path("replyCount").asInt());
    }

    @Test
    public void aCloneKeepsEverythingExportsTheSameAndOutlivesItsSource() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", "Bänches, shade & trees");
        params.put("proposals", List.of(Map.of("title", "Ten benches", "text", "Along the river")));
        params.put("polls", List.of(Map.of("kind", "single", "question", "Which park?", "options", List.of("River", "Central"))));
        String id = create(params);
        JsonNode source = http.get(PAGES + id + "/deliberation").json();
        assertEquals(1, source.path("proposals").size());
        String poll = source.path("polls").path(0).path("id").asText();
        assertEquals(201, vote(id, poll, "2", "ana").status());
        String t = created(http.post(PAGES + id + "/threads", Map.of("title", "Shade", "text", "Trees first"), USER, "ben")).path("id").asText();
        created(http.post(PAGES + id + "/threads/" + t + "/replies", Map.of("text", "Agreed"), USER, "carla"));

        Http.Bytes export = http.getBytes("/api/v1/assets/" + id + "/download");
        assertEquals(200, export.status());
        assertTrue(export.header("Content-Type"), export.header("Content-Type").startsWith("application/json"));
        assertTrue(export.header("Content-Disposition"), export.header("Content-Disposition").contains("banches-shade-trees.json"));
        JsonNode exported = Http.JSON.readTree(export.body());
        assertEquals("interlink-deliberation", exported.path("format").asText());
        assertEquals("Bänches, shade & trees", exported.path("title").asText());
        assertEquals("Agreed", exported.path("threads").path(0).path("replies").path(0).path("text").asText());
        assertEquals("ana", exported.path("polls").path(0).path("votes").path(0).path("voter").asText());
        assertEquals("2", exported.path("polls").path(0).path("results").path("outcome").path("winner").asText());

        Http.Answer copied = http.post("/api/v1/assets/" + id + "/copy", Map.of());
        assertEquals(copied.toString(), 201, copied.status());
        String copy = copied.json().path("id").asText();
        assertNotEquals(id, copy);
        assertEquals("Bänches, shade & trees", copied.json().path("name").asText());
        assertArrayEquals(export.body(), http.getBytes("/api/v1/assets/" + copy + "/download").body());
        JsonNode cloned = http.get(PAGES + copy + "/deliberation").json();
        assertEquals(source.path("proposals").path(0).path("title"), cloned.path("proposals").path(0).path("title"));
        assertEquals("Agreed", cloned.path("threads").path(0).path("replies").path(0).path("text").asText());
        assertEquals(1, cloned.path("polls").path(0).path("results").path("voters").asInt());
        // The copy is its own: a vote there leaves the source alone.
        assertEquals(201, vote(copy, poll, "1", "ben").status());
        assertEquals(1, results(id, poll).path("results").path("voters").asInt());

        assertEquals(204, http.delete("/api/v1/assets/" + id).status());
        assertProblem(http.get("/api/v1/assets/" + id), 404);
        assertProblem(http.get(PAGES + id + "/deliberation"), 404);
        assertProblem(http.get(PAGES + id), 404);
        assertEquals(2, results(copy, poll).path("results").path("voters").asInt());
        assertEquals("Ten benches", http.get(PAGES + copy + "/deliberation").json().path("proposals").path(0).path("title").asText());
    }

    @Test
    public void badInputGetsProblemsNamingTheField() {
        // Through the kernel: the Interlinker's message names what is wrong.
        JsonNode noTitle = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "deliberation", "params", Map.of())), 400);
        assertTrue(noTitle.toString(), noTitle.path("detail").asText().contains("title"));
        JsonNode badKind = assertProblem(http.post("/api/v1/assets", Map.of("interlinker", "deliberation", "params",
                Map.of("title", "T", "polls", List.of(Map.of("kind", "ranked", "question", "?"))))), 400);
        assertTrue(badKind.toString(), badKind.path("detail").asText().contains("polls[0].kind"));

        String id = create("Benches");
        assertEquals("text", field(http.post(PAGES + id + "/threads", Map.of("title", "No text"))));
        assertEquals("colour", field(http.post(PAGES + id + "/threads", Map.of("title", "T", "text", "x", "colour", "red"))));
        assertEquals("title", field(http.post(PAGES + id + "/proposals", Map.of("title", " ", "text", "x"))));
        assertEquals("options", field(http.post(PAGES + id + "/polls", Map.of("kind", "single", "question", "?", "options", List.of("Only")))));
        assertEquals("options[1]", field(http.post(PAGES + id + "/polls", Map.of("kind", "single", "question", "?", "options", List.of("A", "a")))));
        assertEquals("options", field(http.post(PAGES + id + "/polls", Map.of("kind", "consent", "question", "?", "options", List.of("A", "B")))));
        assertEquals("kind", field(http.post(PAGES + id + "/polls", Map.of("question", "?"))));
        assertEquals("closesAt", field(http.post(PAGES + id + "/polls", Map.of("kind", "majority", "question", "?",
                "closesAt", Instant.now().minusSeconds(60).toString()))));
        assertEquals("closesAt", field(http.post(PAGES + id + "/polls", Map.of("kind", "majority", "question", "?", "closesAt", "next week"))));
        assertEquals("proposal", field(http.post(PAGES + id + "/polls", Map.of("kind", "majority", "question", "?", "proposal", "p123456789abc"))));

        String poll = poll(id, Map.of("kind", "single", "question", "Which?", "options", List.of("A", "B")));
        assertEquals("choice", field(vote(id, poll, "3", "ana")));
        assertEquals("choice", field(vote(id, poll, List.of("1"), "ana")));
        assertEquals("voter", field(http.post(PAGES + id + "/polls/" + poll + "/votes", Map.of("choice", "1"))));
        assertEquals("voter", field(http.post(PAGES + id + "/polls/" + poll + "/votes", Map.of("choice", "1", "voter", "eva"), USER, "ana")));
        assertEquals(0, results(id, poll).path("results").path("voters").asInt());
        // A name in the body stands for the voter when nobody is signed in.
        assertEquals(201, http.post(PAGES + id + "/polls/" + poll + "/votes", Map.of("choice", "1", "voter", "eva")).status());
        assertEquals("eva", results(id, poll).path("votes").path(0).path("voter").asText());

        String p = created(http.post(PAGES + id + "/proposals", Map.of("title", "T", "text", "x"))).path("id").asText();
        assertEquals("status", field(http.put(PAGES + id + "/proposals/" + p, Map.of("status", "maybe"))));
        assertEquals("If-Match", field(http.put(PAGES + id + "/proposals/" + p, Map.of("status", "accepted"), "If-Match", "yesterday")));
        assertProblem(http.postRaw(PAGES + id + "/threads", "text/plain", "title=T".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.postRaw(PAGES + id + "/threads", "application/json", "{\"title\":".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.method("DELETE", PAGES + id + "/polls"), 405);
        assertProblem(http.get(PAGES + "no-such-asset/deliberation"), 404);
        assertProblem(http.get(PAGES + id + "/polls/v000000000000"), 404);
        assertProblem(http.get(PAGES + id + "/polls/not-a-poll"), 404);
        assertProblem(http.get(PAGES + id + "/nowhere"), 404);
    }

    @Test
    public void pagesInFourLanguages() {
        String id = create(Map.of("title", "Benches <b>now</b>", "polls", List.of(Map.of("kind", "consent", "question", "Adopt?"))));
        String poll = http.get(PAGES + id + "/polls").json().path(0).path("id").asText();
        vote(id, poll, "block", "ana");
        created(http.post(PAGES + id + "/threads", Map.of("title", "Where?", "text", "By the river"), USER, "ben"));

        Map<String, List<String>> words = Map.of(
                "en", List.of("Discussion", "Proposals", "Result: blocked", "Your name"),
                "es", List.of("Debate", "Propuestas", "Resultado: bloqueada", "Tu nombre"),
                "it", List.of("Discussione", "Proposte", "Risultato: bloccata", "Il tuo nome"),
                "lv", List.of("Diskusija", "Priekšlikumi", "Rezultāts: bloķēts", "Jūsu vārds"));
        words.forEach((lang, expected) -> {
            Http.Answer page = http.get(PAGES + id + "?lang=" + lang);
            assertEquals(page.toString(), 200, page.status());
            assertEquals(lang, page.header("Content-Language"));
            assertTrue(page.body(), page.body().contains("<html lang=\"" + lang + "\">"));
            for (String w : expected) {
                assertTrue(lang + " page lacks '" + w + "'", page.body().contains(w));
            }
            assertTrue(page.body().contains("Benches &lt;b&gt;now&lt;/b&gt;") && !page.body().contains("<b>now"));
        });
        assertTrue(http.get(PAGES + id, "Accept-Language", "it-IT,it;q=0.9").body().contains("<html lang=\"it\">"));
        Http.Answer page = http.get(PAGES + id, USER, "carla");
        assertTrue(page.body().contains("You take part as carla."));
        assertTrue(page.header("Content-Security-Policy"), page.header("Content-Security-Policy").contains("default-src 'none'"));
        Http.Answer preview = http.get(PAGES + id + "/preview", "Accept-Language", "es");
        assertEquals(200, preview.status());
        assertTrue(preview.body(), preview.body().contains("Debates: 1") && preview.body().contains("Votaciones: 1")
                && preview.body().contains("Resultado: bloqueada") && !preview.body().contains("<script"));
    }

    private static String ids(JsonNode options) {
        StringBuilder s = new StringBuilder("[");
        options.forEach(o -> s.append(s.length() > 1 ? "," : "").append('"').append(o.path("id").asText()).append('"'));
        return s.append(']').toString();
    }

    private static String field(Http.Answer answer) {
        return assertProblem(answer, 400).path("field").asText();
    }
}
