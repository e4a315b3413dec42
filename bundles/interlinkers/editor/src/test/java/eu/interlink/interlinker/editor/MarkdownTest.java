package eu.interlink.interlinker.editor;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MarkdownTest {

    @Test
    public void writesEachElementAsMarkdown() {
        String html = RichText.clean("<h2>Plan</h2><p>We <strong>meet</strong> on <em>Monday</em>, see <a href=\"https://example.org/a\">the site</a>.</p>"
                + "<ul><li>Book a room</li><li>Invite <b>residents</b></li></ul><ol start=\"3\"><li>Three</li><li>Four</li></ol>"
                + "<blockquote><p>Quoted</p></blockquote><pre>code *stays*</pre><p>line<br>break</p><hr>"
                + "<table><tr><th>Who</th><th>What</th></tr><tr><td>Ana</td><td>a|b</td></tr></table>");
        assertEquals("""
                # Minutes

                ### Plan

                We **meet** on *Monday*, see [the site](<https://example.org/a>).

                - Book a room
                - Invite **residents**

                3. Three
                4. Four

                > Quoted
                >
                ```
                code *stays*
                ```

                line \s
                break

                ---

                | Who | What |
                | --- | --- |
                | Ana | a\\|b |
                """, Markdown.of("Minutes", html));
    }

    @Test
    public void escapesTextThatWouldReadAsMarkup() {
        assertEquals("# 1\\. \\*not\\* \\_emphasis\\_ \\<b\\>\n\n\\# not a heading\n",
                Markdown.of("1. *not* _emphasis_ <b>", RichText.clean("<p># not a heading</p>")));
    }
}
