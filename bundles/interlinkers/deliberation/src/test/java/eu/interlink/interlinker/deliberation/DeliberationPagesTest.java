package eu.interlink.interlinker.deliberation;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import eu.interlink.testkit.InMemoryDocumentStore;

/** The pages escape every user text, speak four languages and describe outcomes in words. */
public class DeliberationPagesTest {

    @Test
    public void escapesUserTextsAndSpeaksTheLanguageAsked() {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        Board.create(store, Board.JSON.valueToTree(Map.of("title", "<script>alert(1)</script>")), Instant.now(), false);
        Board board = new Board(store, Instant.now());
        String thread = board.addThread(Board.JSON.valueToTree(Map.of("title", "\"quoted\"", "text", "a & b")), "<b>ana</b>", "").path("id").asText();
        board.reply(thread, Board.JSON.valueToTree(Map.of("text", "<img src=x onerror=alert(2)>")), null);
        String poll = board.addPoll(Board.JSON.valueToTree(Map.of("kind", "consent", "question", "Adopt?")), null, "").path("id").asText();
        board.vote(poll, Board.JSON.valueToTree(Map.of("choice", "block")), "ben");

        String lv = DeliberationPages.page(board.view(true), null, "/interlinkers/deliberation/assets/a1", PageTexts.of("lv"));
        assertFalse(lv, lv.contains("<script>alert") || lv.contains("<img") || lv.contains("<b>ana"));
        assertTrue(lv, lv.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && lv.contains("&quot;quoted&quot;") && lv.contains("a &amp; b"));
        assertTrue(lv, lv.contains("<html lang=\"lv\">") && lv.contains("Rezultāts: bloķēts") && lv.contains("Jūsu vārds"));
        String es = DeliberationPages.page(board.view(true), "eva", "/x", PageTexts.of("es"));
        assertTrue(es, es.contains("Resultado: bloqueada") && es.contains("Participas como eva."));
        String preview = DeliberationPages.preview(board.view(false), board.counts(), PageTexts.of("it"));
        assertTrue(preview, preview.contains("Discussioni: 1") && preview.contains("Risposte: 1") && preview.contains("Votazioni: 1")
                && preview.contains("Risultato: bloccata"));
        assertFalse(preview, preview.contains("<script"));
    }

    @Test
    public void namesTheWinnerOrTheTiedOptions() {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        Board.create(store, Board.JSON.valueToTree(Map.of("title", "T")), Instant.now(), false);
        Board board = new Board(store, Instant.now());
        String poll = board.addPoll(Board.JSON.valueToTree(Map.of("kind", "single", "question", "?", "options", List.of("Red", "Blue"))), null, "")
                .path("id").asText();
        board.vote(poll, Board.JSON.valueToTree(Map.of("choice", "1")), "ana");
        board.vote(poll, Board.JSON.valueToTree(Map.of("choice", "2")), "ben");
        assertEquals("Result: a tie between Red, Blue", DeliberationPages.outcome(PollKind.SINGLE, board.poll(poll), PageTexts.EN));
        board.vote(poll, Board.JSON.valueToTree(Map.of("choice", "2")), "carla");
        assertEquals("Result: Blue", DeliberationPages.outcome(PollKind.SINGLE, board.poll(poll), PageTexts.EN));
    }

    @Test
    public void negotiatesTheLanguage() {
        assertEquals("it", PageTexts.negotiate("it-IT", null).language);
        assertEquals("en", PageTexts.negotiate("de", null).language);
        assertEquals("es", PageTexts.negotiate(null, java.util.Collections.enumeration(List.of(java.util.Locale.GERMAN, new java.util.Locale("es")))).language);
    }
}
