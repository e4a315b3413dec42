package eu.interlink.interlinker.editor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

import eu.interlink.testkit.InMemoryDocumentStore;

public class EditingTest {
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();

    private void create() {
        Editing.create(store, "Minutes", "<p>one</p><p>two</p><p>three</p>", "ana", "2025-01-01T00:00:00Z", "created");
    }

    @Test
    public void everySaveIsARevisionWithAuthorAndTime() {
        create();
        Editing.Saved s = Editing.save(store, 1, null, "<p>one!</p><p>two</p><p>three</p>", "ben", "2025-01-02T00:00:00Z");
        assertTrue(s.changed());
        assertFalse(s.merged());
        assertEquals(2, s.revision().number());
        Revision second = Editing.revision(store, 2).orElseThrow();
        assertEquals("ben", second.author());
        assertEquals("2025-01-02T00:00:00Z", second.savedAt());
        assertEquals("Minutes", second.title());
        // Saving what is there changes nothing and makes no revision.
        assertFalse(Editing.save(store, 2, "Minutes", null, "ben", "t").changed());
        assertEquals(2, Editing.historySize(store));
    }

    @Test
    public void mergesAnEditMadeOnAnOlderRevision() {
        create();
        Editing.save(store, 1, null, "<p>one</p><p>two by ben</p><p>three</p>", "ben", "t1");
        Editing.Saved s = Editing.save(store, 1, "Minutes of May", "<p>one by ana</p><p>two</p><p>three</p>", "ana", "t2");
        assertTrue(s.merged());
        assertEquals("<p>one by ana</p>\n<p>two by ben</p>\n<p>three</p>", s.revision().html());
        assertEquals("Minutes of May", s.revision().title());
        assertEquals("merged", s.revision().kind());
        assertEquals(1, s.revision().source());
    }

    @Test
    public void refusesAnEditThatCollidesAndKeepsTheirs() {
        create();
        Editing.save(store, 1, null, "<p>one</p><p>two by ben</p><p>three</p>", "ben", "t1");
        Editing.EditConflictException e = assertThrows(Editing.EditConflictException.class,
                () -> Editing.save(store, 1, null, "<p>one</p><p>two by ana</p><p>three</p>", "ana", "t2"));
        assertEquals(2, e.current().number());
        assertEquals(List.of("<p>two by ana</p>"), e.conflicts().get(0).mine());
        assertEquals(2, Editing.require(store).revision().number());
        assertThrows(Editing.UnknownRevisionException.class, () -> Editing.save(store, 9, "T", null, "ana", "t"));
    }

    @Test
    public void restoreIsANewRevision() {
        create();
        Editing.save(store, 1, "Changed", "<p>gone</p>", "ben", "t1");
        Revision restored = Editing.restore(store, 1, 2L, "ana", "t2");
        assertEquals(3, restored.number());
        assertEquals("Minutes", restored.title());
        assertEquals("restored", restored.kind());
        assertEquals(1, restored.source());
        assertEquals(List.of(3L, 2L, 1L), Editing.history(store, 0, 10).stream().map(Revision::number).toList());
        assertThrows(Editing.StaleRevisionException.class, () -> Editing.restore(store, 1, 2L, "ana", "t3"));
        assertThrows(Editing.NoSuchRevisionException.class, () -> Editing.restore(store, 7, null, "ana", "t3"));
    }

    @Test
    public void checksTitleAndText() {
        assertEquals("title", assertThrows(InvalidDocumentException.class,
                () -> Editing.create(store, " ", "", null, "t", "created")).field());
        assertEquals("html", assertThrows(InvalidDocumentException.class,
                () -> Editing.create(store, "T", "<p>x</p>".repeat(300_000), null, "t", "created")).field());
    }
}
