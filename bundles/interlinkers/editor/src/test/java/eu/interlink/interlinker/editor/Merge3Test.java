package eu.interlink.interlinker.editor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class Merge3Test {
    private static final List<String> BASE = List.of("a", "b", "c", "d", "e");

    @Test
    public void takesChangesToDifferentBlocksFromBothSides() {
        Merge3.Result r = Merge3.merge(BASE, List.of("a", "B", "c", "d", "e"), List.of("a", "b", "c", "D", "e"));
        assertTrue(r.clean());
        assertEquals(List.of("a", "B", "c", "D", "e"), r.merged());
    }

    @Test
    public void neighbouringEditsDoNotConflict() {
        Merge3.Result r = Merge3.merge(BASE, List.of("a", "B", "c", "d", "e"), List.of("a", "b", "C", "d", "e"));
        assertTrue(r.clean());
        assertEquals(List.of("a", "B", "C", "d", "e"), r.merged());
    }

    @Test
    public void insertionsAndDeletionsOnBothSides() {
        Merge3.Result r = Merge3.merge(BASE, List.of("x", "a", "b", "c", "d", "e"), List.of("a", "b", "d", "e", "y"));
        assertTrue(r.clean());
        assertEquals(List.of("x", "a", "b", "d", "e", "y"), r.merged());
    }

    @Test
    public void theSameChangeTwiceIsTakenOnce() {
        Merge3.Result r = Merge3.merge(BASE, List.of("a", "B", "c", "d", "e"), List.of("a", "B", "c", "d", "e"));
        assertTrue(r.clean());
        assertEquals(List.of("a", "B", "c", "d", "e"), r.merged());
    }

    @Test
    public void differentChangesToOneBlockConflict() {
        Merge3.Result r = Merge3.merge(BASE, List.of("a", "mine", "c", "d", "e"), List.of("a", "theirs", "c", "d", "e"));
        assertFalse(r.clean());
        Merge3.Conflict c = r.conflicts().get(0);
        assertEquals(1, c.baseFrom());
        assertEquals(List.of("mine"), c.mine());
        assertEquals(List.of("theirs"), c.theirs());
        // Two insertions at the same place, of different blocks, cannot be ordered by anyone but a person.
        assertFalse(Merge3.merge(BASE, List.of("a", "x", "b", "c", "d", "e"), List.of("a", "y", "b", "c", "d", "e")).clean());
    }
}
