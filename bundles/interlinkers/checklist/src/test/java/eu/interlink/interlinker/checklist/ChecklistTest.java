package eu.interlink.interlinker.checklist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

public class ChecklistTest {

    @Test
    public void createCleansTextsAndNumbersItemsInOrder() {
        Checklist c = Checklist.create("  Prepare\tthe\n workshop ", List.of("Book the room", " Send\r\ninvitations "));
        assertEquals("Prepare the workshop", c.title());
        assertEquals(List.of("1", "2"), c.items().stream().map(ChecklistItem::id).toList());
        assertEquals("Send invitations", c.items().get(1).text());
        assertFalse(c.items().get(0).done());
    }

    @Test
    public void titleIsRequiredAndAtMost200Characters() {
        assertEquals("title must not be blank",
                assertThrows(InvalidChecklistException.class, () -> Checklist.create(" \t", List.of())).getMessage());
        assertThrows(InvalidChecklistException.class, () -> Checklist.create(null, List.of()));
        Checklist.create("x".repeat(200), List.of());
        String tooLong = assertThrows(InvalidChecklistException.class,
                () -> Checklist.create("x".repeat(201), List.of())).getMessage();
        assertEquals("title must be at most 200 characters, not 201", tooLong);
        // Characters, not UTF-16 units: 200 emoji are 200 characters.
        Checklist.create("😀".repeat(200), List.of());
    }

    @Test
    public void blankItemsAreRefused() {
        assertThrows(InvalidChecklistException.class, () -> Checklist.create("T", List.of("ok", "  ")));
    }

    @Test
    public void idsAreNeverReusedAfterADelete() {
        Checklist c = Checklist.create("T", List.of("a", "b"));
        assertTrue(c.remove("2"));
        assertFalse(c.remove("2"));
        assertEquals("3", c.add("c", null).id());
        Checklist reread = Checklist.fromJson(c.toJson());
        assertEquals("4", reread.add("d", null).id());
    }

    @Test
    public void aChecklistIsFull() {
        Checklist c = Checklist.create("T", Collections.nCopies(Checklist.MAX_ITEMS, "x"));
        assertThrows(InvalidChecklistException.class, () -> c.add("one more", null));
    }

    @Test
    public void updateAppliesOnlyWhatIsGiven() {
        Checklist c = Checklist.create("T", List.of("a"));
        c.add("b", "Anna");
        ChecklistItem done = c.update("2", new ItemChange(true, null, false, null)).orElseThrow();
        assertEquals(new ChecklistItem("2", "b", true, "Anna"), done);
        ChecklistItem renamed = c.update("2", new ItemChange(null, " b2 ", true, null)).orElseThrow();
        assertEquals(new ChecklistItem("2", "b2", true, null), renamed);
        assertTrue(c.update("9", new ItemChange(true, null, false, null)).isEmpty());
        assertEquals(1, c.doneCount());
    }

    @Test
    public void storedShapeRoundTrips() throws Exception {
        Checklist c = Checklist.create("Plan", List.of("a"));
        c.add("b", " Jānis ");
        c.update("1", new ItemChange(true, null, false, null));
        JsonNode stored = Checklist.JSON.readTree(c.toJson());
        assertEquals("Plan", stored.get("title").textValue());
        assertEquals(3, stored.get("nextItemId").longValue());
        assertEquals("Jānis", stored.get("items").get(1).get("assignee").textValue());
        assertNull(stored.get("items").get(0).get("assignee"));

        Checklist back = Checklist.fromJson(c.toJson());
        assertEquals(c.title(), back.title());
        assertEquals(c.items(), back.items());
    }

    @Test
    public void aDocumentNotWrittenByUsIsAnInternalError() {
        assertThrows(IllegalStateException.class, () -> Checklist.fromJson("{\"title\": 3}"));
        assertThrows(IllegalStateException.class, () -> Checklist.fromJson("[1,2]"));
        assertThrows(IllegalStateException.class, () -> Checklist.fromJson("{\"title\":\"t\",\"nextItemId\":1,\"items\":[{}]}"));
        assertThrows(IllegalStateException.class, () -> Checklist.fromJson("not json"));
    }
}
