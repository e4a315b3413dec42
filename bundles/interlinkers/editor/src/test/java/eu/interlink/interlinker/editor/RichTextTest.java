package eu.interlink.interlinker.editor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class RichTextTest {

    @Test
    public void removesEverythingThatRunsLoadsOrStyles() {
        String clean = RichText.clean("<p onclick=\"steal()\" style=\"color:red\">Hi <script>alert(1)</script><img src=x onerror=alert(2)>"
                + "<a href=\"javascript:alert(3)\">there</a> <a href=\"https://example.org/x\">site</a></p>"
                + "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>");
        assertFalse(clean, clean.contains("script"));
        assertFalse(clean, clean.contains("onclick") || clean.contains("onerror") || clean.contains("style"));
        assertFalse(clean, clean.contains("javascript") || clean.contains("iframe") || clean.contains("<img"));
        assertTrue(clean, clean.contains("<a href=\"https://example.org/x\" rel=\"nofollow noopener noreferrer\">site</a>"));
        assertTrue(clean, clean.startsWith("<p>Hi "));
    }

    @Test
    public void putsTheTextInCanonicalBlocksAndIsStable() {
        List<String> blocks = RichText.blocks("Loose <b>text</b><div>From a div</div>\n\n<h2>Plan</h2><ul><li>One</li></ul><p></p>");
        assertEquals(List.of("<p>Loose <b>text</b>From a div</p>", "<h2>Plan</h2>", "<ul><li>One</li></ul>", "<p></p>"), blocks);
        String once = RichText.join(blocks);
        assertEquals(once, RichText.clean(once));
        assertEquals("", RichText.clean("  <br> "));
    }
}
