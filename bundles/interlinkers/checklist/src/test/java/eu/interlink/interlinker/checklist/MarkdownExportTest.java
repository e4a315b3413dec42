package eu.interlink.interlinker.checklist;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class MarkdownExportTest {

    @Test
    public void aTaskListWithAssignees() throws Exception {
        Checklist c = Checklist.create("Prepare the workshop", List.of("Book the room", "Send invitations"));
        c.update("1", new ItemChange(true, null, false, null));
        c.add("Print *handouts*", "Anna");
        MarkdownExport export = new MarkdownExport(c);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeTo(out);
        assertEquals("""
                # Prepare the workshop

                - [x] Book the room
                - [ ] Send invitations
                - [ ] Print \\*handouts\\* — Anna
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("prepare-the-workshop.md", export.fileName());
        assertEquals("text/markdown; charset=utf-8", export.contentType());
    }

    @Test
    public void userTextCannotBecomeMarkup() {
        assertEquals("\\[link\\](http://x) \\<b\\> a\\_b \\`c\\` \\\\ \\#", MarkdownExport.escape("[link](http://x) <b> a_b `c` \\ #"));
    }

    @Test
    public void fileNamesAreAsciiSlugs() {
        assertEquals("darba-plans-riga", MarkdownExport.slug("Darba plāns — Rīga!"));
        assertEquals("lista-de-comprobacion", MarkdownExport.slug("¿Lista de comprobación?"));
        assertEquals("checklist", MarkdownExport.slug("✓✓✓"));
        String slug = MarkdownExport.slug("word ".repeat(40));
        assertEquals(59, slug.length()); // cut at 60, then the trailing hyphen dropped
    }

    @Test
    public void anEmptyChecklistIsJustItsTitle() {
        assertEquals("# T\n\n", MarkdownExport.markdown(Checklist.create("T", List.of())));
    }
}
