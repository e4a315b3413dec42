package eu.interlink.interlinker.deliberation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.StaleDocumentException;
import eu.interlink.testkit.InMemoryDocumentStore;

/** The deliberation's rules on an in-memory store: posts, proposals, votes, closing and outcomes. */
public class BoardTest {
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();

    private Board at(Instant now) {
        return new Board(store, now);
    }

    private static JsonNode json(Object value) {
        return Board.JSON.valueToTree(value);
    }

    private Board created() {
        Board.create(store, json(Map.of("title", "  Park   benches ", "description", "Where?\r\nAnd how many?")), T0, true);
        return at(T0);
    }

    @Test
    public void createsWithCleanTextsAndRefusesBadDefinitions() {
        Board board = created();
        ObjectNode view = board.view(true);
        assertEquals("Park benches", view.path("title").asText());
        assertEquals("Where?\nAnd how many?", view.path("description").asText());
        assertEquals(1, view.path("version").asLong());
        assertEquals("title", field(() -> Board.create(new InMemoryDocumentStore(), json(Map.of("title", " ")), T0, false)));
        assertEquals("colour", field(() -> Board.create(new InMemoryDocumentStore(), json(Map.of("title", "T", "colour", "red")), T0, true)));
        assertEquals("polls[0].options", field(() -> Board.create(new InMemoryDocumentStore(), json(Map.of("title", "T",
                "polls", List.of(Map.of("kind", "single", "question", "?", "options", List.of("only"))))), T0, false)));
        // Unknown top-level keys are ignored where the SPI says so.
        Board.create(new InMemoryDocumentStore(), json(Map.of("title", "T", "colour", "red")), T0, false);
    }

    @Test
    public void repliesNestAndRefuseUnknownParentsAndTooDeepNesting() {
        Board board = created();
        String thread = board.addThread(json(Map.of("title", "Benches", "text", "Which park first?")), null, "").path("id").asText();
        JsonNode first = board.reply(thread, json(Map.of("text", "The central one", "author", "ana")), null);
        at(T0.plusSeconds(1)).reply(thread, json(Map.of("text", "Agreed", "parent", first.path("id").asText())), "ben");
        at(T0.plusSeconds(2)).reply(thread, json(Map.of("text", "Or the river park")), null);
        ObjectNode view = board.thread(thread);
        assertEquals(3, view.path("replyCount").asInt());
        assertEquals(2, view.path("replies").size());
        assertEquals("ana", view.path("replies").path(0).path("author").asText());
        JsonNode nested = view.path("replies").path(0).path("replies").path(0);
        assertEquals("Agreed", nested.path("text").asText());
        assertEquals("ben", nested.path("author").asText());
        assertEquals(2, nested.path("depth").asInt());
        assertTrue(view.path("replies").path(1).path("author").isNull());

        assertEquals("parent", field(() -> board.reply(thread, json(Map.of("text", "?", "parent", "r000000000000")), null)));
        String parent = first.path("id").asText();
        for (int depth = 2; depth <= Board.MAX_DEPTH; depth++) {
            parent = board.reply(thread, json(Map.of("text", "deeper", "parent", parent)), null).path("id").asText();
        }
        String deepest = parent;
        assertEquals("parent", field(() -> board.reply(thread, json(Map.of("text", "too deep", "parent", deepest)), null)));
        // A signed-in caller cannot post under another name.
        assertEquals("author", field(() -> board.reply(thread, json(Map.of("text", "x", "author", "eva")), "ben")));
    }

    @Test
    public void proposalsChangeAtTheVersionRead() {
        Board board = created();
        ObjectNode p = board.addProposal(json(Map.of("title", "Ten benches", "text", "Along the river")), "ana", "");
        String id = p.path("id").asText();
        long v1 = p.path("version").asLong();
        ObjectNode changed = board.changeProposal(id, json(Map.of("status", "accepted")), v1, "ben");
        assertEquals("accepted", changed.path("status").asText());
        assertEquals("ben", changed.path("updatedBy").asText());
        assertEquals(v1 + 1, changed.path("version").asLong());
        assertThrows(StaleDocumentException.class, () -> board.changeProposal(id, json(Map.of("text", "Twelve")), v1, null));
        assertEquals("status", field(() -> board.changeProposal(id, json(Map.of("status", "maybe")), null, null)));
        assertEquals("", field(() -> board.changeProposal(id, json(Map.of()), null, null)));
    }

    @Test
    public void singleChoiceCountsVotesOnePerVoterAndFindsTheWinnerOrATie() {
        Board board = created();
        String poll = board.addPoll(json(Map.of("kind", "single", "question", "Which park?",
                "options", List.of("Central", "River", "North"))), null, "").path("id").asText();
        assertFalse(board.vote(poll, json(Map.of("choice", "1", "voter", "ana")), null).changed());
        board.vote(poll, json(Map.of("choice", "2")), "ben");
        JsonNode tie = board.poll(poll).path("results");
        assertEquals("tie", tie.path("outcome").path("result").asText());
        assertEquals(List.of("1", "2"), List.of(tie.path("outcome").path("tied").path(0).asText(), tie.path("outcome").path("tied").path(1).asText()));
        assertFalse(tie.path("outcome").path("final").asBoolean());
        // ana changes her vote: still two voters, now River wins.
        assertTrue(board.vote(poll, json(Map.of("choice", "2", "voter", "ana")), null).changed());
        JsonNode results = board.poll(poll).path("results");
        assertEquals(2, results.path("voters").asInt());
        assertEquals(0, results.path("counts").path("1").asInt());
        assertEquals(2, results.path("counts").path("2").asInt());
        assertEquals("winner", results.path("outcome").path("result").asText());
        assertEquals("2", results.path("outcome").path("winner").asText());

        assertEquals("choice", field(() -> board.vote(poll, json(Map.of("choice", "7", "voter", "eva")), null)));
        assertEquals("choice", field(() -> board.vote(poll, json(Map.of("choice", List.of("1"), "voter", "eva")), null)));
        assertEquals("voter", field(() -> board.vote(poll, json(Map.of("choice", "1")), null)));
    }

    @Test
    public void multipleChoiceTakesDistinctOptionsInThePollsOrder() {
        Board board = created();
        String poll = board.addPoll(json(Map.of("kind", "multiple", "question", "Which days?",
                "options", List.of("Mon", "Tue", "Wed"))), null, "").path("id").asText();
        JsonNode vote = board.vote(poll, json(Map.of("choice", List.of("3", "1"))), "ana").vote();
        assertEquals("[\"1\",\"3\"]", vote.path("choice").toString());
        board.vote(poll, json(Map.of("choice", List.of("3"))), "ben");
        JsonNode results = board.poll(poll).path("results");
        assertEquals(1, results.path("counts").path("1").asInt());
        assertEquals(2, results.path("counts").path("3").asInt());
        assertEquals("3", results.path("outcome").path("winner").asText());
        assertEquals("choice", field(() -> board.vote(poll, json(Map.of("choice", List.of("1", "1"))), "eva")));
        assertEquals("choice", field(() -> board.vote(poll, json(Map.of("choice", List.of())), "eva")));
        assertEquals("none", board.poll(board.addPoll(json(Map.of("kind", "multiple", "question", "?",
                "options", List.of("a", "b"))), null, "").path("id").asText()).path("results").path("outcome").path("result").asText());
    }

    @Test
    public void majorityAndConsentFollowTheirRules() {
        Board board = created();
        String majority = board.addPoll(json(Map.of("kind", "majority", "question", "Ten benches?")), null, "").path("id").asText();
        assertEquals("tie", outcome(board, majority));
        board.vote(majority, json(Map.of("choice", "agree")), "ana");
        board.vote(majority, json(Map.of("choice", "abstain")), "ben");
        assertEquals("accepted", outcome(board, majority));
        board.vote(majority, json(Map.of("choice", "disagree")), "carla");
        board.vote(majority, json(Map.of("choice", "disagree")), "dan");
        assertEquals("rejected", outcome(board, majority));
        assertEquals("choice", field(() -> board.vote(majority, json(Map.of("choice", "block")), "eva")));

        String consent = board.addPoll(json(Map.of("kind", "consent", "question", "Start in May?")), null, "").path("id").asText();
        assertEquals("rejected", outcome(board, consent)); // nobody agreed
        board.vote(consent, json(Map.of("choice", "agree")), "ana");
        board.vote(consent, json(Map.of("choice", "agree")), "ben");
        board.vote(consent, json(Map.of("choice", "disagree")), "carla");
        assertEquals("accepted", outcome(board, consent));
        board.vote(consent, json(Map.of("choice", "block")), "dan");
        assertEquals("blocked", outcome(board, consent));
        assertEquals("options", field(() -> board.addPoll(json(Map.of("kind", "consent", "question", "?", "options", List.of("a", "b"))), null, "")));
    }

    @Test
    public void pollsCloseByDateOrByHandAndThenRefuseVotes() {
        Board board = created();
        String poll = board.addPoll(json(Map.of("kind", "majority", "question", "Paint them green?",
                "closesAt", T0.plusSeconds(60).toString())), null, "").path("id").asText();
        board.vote(poll, json(Map.of("choice", "agree")), "ana");
        assertEquals("open", board.poll(poll).path("status").asText());

        Board later = at(T0.plusSeconds(60));
        ObjectNode closed = later.poll(poll);
        assertEquals("closed", closed.path("status").asText());
        assertEquals("date", closed.path("closedBy").asText());
        assertTrue(closed.path("results").path("outcome").path("final").asBoolean());
        assertEquals("accepted", closed.path("results").path("outcome").path("result").asText());
        StateException refused = assertThrows(StateException.class, () -> later.vote(poll, json(Map.of("choice", "disagree")), "ben"));
        assertEquals("poll-closed", refused.type());
        assertThrows(StateException.class, () -> later.close(poll, null, "ana"));

        String other = board.addPoll(json(Map.of("kind", "single", "question", "Colour?", "options", List.of("Green", "Blue"))), null, "")
                .path("id").asText();
        long version = board.poll(other).path("version").asLong();
        assertThrows(StaleDocumentException.class, () -> board.close(other, version + 1, "ana"));
        ObjectNode byHand = board.close(other, version, "ana");
        assertEquals("closed", byHand.path("status").asText());
        assertEquals("explicit", byHand.path("closedBy").asText());
        assertEquals("ana", byHand.path("closer").asText());
        assertThrows(StateException.class, () -> board.vote(other, json(Map.of("choice", "1")), "ben"));

        assertEquals("closesAt", field(() -> board.addPoll(json(Map.of("kind", "majority", "question", "?",
                "closesAt", T0.minusSeconds(1).toString())), null, "")));
        assertEquals("closesAt", field(() -> board.addPoll(json(Map.of("kind", "majority", "question", "?", "closesAt", "tomorrow")), null, "")));
        assertEquals("kind", field(() -> board.addPoll(json(Map.of("kind", "ranked", "question", "?")), null, "")));
        assertEquals("proposal", field(() -> board.addPoll(json(Map.of("kind", "majority", "question", "?", "proposal", "p000000000000")), null, "")));
    }

    @Test
    public void whatInstantiateIsGivenReadsBackInItsOrder() {
        List<Map<String, Object>> polls = List.of(
                Map.of("kind", "majority", "question", "First?"), Map.of("kind", "consent", "question", "Second?"),
                Map.of("kind", "majority", "question", "Third?"), Map.of("kind", "majority", "question", "Fourth?"));
        Board.create(store, json(Map.of("title", "T", "polls", polls)), T0, false);
        List<String> questions = at(T0).polls().stream().map(p -> p.path("question").asText()).toList();
        assertEquals(List.of("First?", "Second?", "Third?", "Fourth?"), questions);
    }

    @Test
    public void aPollOnAProposalIsListedWithIt() {
        Board board = created();
        String proposal = board.addProposal(json(Map.of("title", "Ten benches", "text", "Along the river")), null, "").path("id").asText();
        String poll = board.addPoll(json(Map.of("kind", "consent", "question", "Adopt it?", "proposal", proposal)), null, "").path("id").asText();
        assertEquals(poll, board.proposal(proposal).path("polls").path(0).asText());
    }

    private static String outcome(Board board, String poll) {
        return board.poll(poll).path("results").path("outcome").path("result").asText();
    }

    private static String field(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).field();
    }
}
