package eu.interlink.interlinker.checklist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

public class ItemChangeTest {

    private static JsonNode json(String text) throws Exception {
        return Checklist.JSON.readTree(text);
    }

    @Test
    public void aNewItemNeedsAText() throws Exception {
        ItemChange c = ItemChange.newItem(json("{\"text\":\"Book\",\"assignee\":\"Anna\"}"));
        assertEquals("Book", c.text());
        assertEquals("Anna", c.assignee());
        assertEquals("\"text\" is required", assertThrows(InvalidChecklistException.class,
                () -> ItemChange.newItem(json("{\"assignee\":\"Anna\"}"))).getMessage());
        assertThrows(InvalidChecklistException.class, () -> ItemChange.newItem(json("{\"text\":null}")));
        assertThrows(InvalidChecklistException.class, () -> ItemChange.newItem(json("{\"text\":42}")));
        assertThrows(InvalidChecklistException.class, () -> ItemChange.newItem(json("[\"text\"]")));
        assertThrows(InvalidChecklistException.class, () -> ItemChange.newItem(null));
    }

    @Test
    public void misspeltFieldsAreReported() throws Exception {
        String message = assertThrows(InvalidChecklistException.class,
                () -> ItemChange.newItem(json("{\"txt\":\"Book\"}"))).getMessage();
        assertTrue(message, message.contains("\"txt\""));
        assertThrows(InvalidChecklistException.class, () -> ItemChange.patch(json("{\"don\":true}")));
    }

    @Test
    public void aPatchChangesAtLeastOneThing() throws Exception {
        assertThrows(InvalidChecklistException.class, () -> ItemChange.patch(json("{}")));
        assertThrows(InvalidChecklistException.class, () -> ItemChange.patch(json("{\"done\":\"yes\"}")));
        assertThrows(InvalidChecklistException.class, () -> ItemChange.patch(json("{\"text\":null}")));

        ItemChange done = ItemChange.patch(json("{\"done\":true}"));
        assertEquals(Boolean.TRUE, done.done());
        assertNull(done.text());
        assertFalse(done.setAssignee());

        ItemChange clear = ItemChange.patch(json("{\"assignee\":null}"));
        assertTrue(clear.setAssignee());
        assertNull(clear.applyTo(new ChecklistItem("1", "a", false, "Anna")).assignee());
    }

    @Test
    public void changedTextsFollowTheRulesOfNewOnes() throws Exception {
        ItemChange blank = ItemChange.patch(json("{\"text\":\"   \"}"));
        assertThrows(InvalidChecklistException.class, () -> blank.applyTo(new ChecklistItem("1", "a", false, null)));
        ItemChange longName = ItemChange.patch(json("{\"assignee\":\"" + "n".repeat(101) + "\"}"));
        assertThrows(InvalidChecklistException.class, () -> longName.applyTo(new ChecklistItem("1", "a", false, null)));
    }
}
