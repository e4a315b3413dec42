package eu.interlink.interlinker.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * A document's content: HTML reduced to an allow-list of tags and attributes (jsoup's {@link Cleaner}), then
 * put in a canonical form of top-level blocks, one per line. The same input always gives the same text, and
 * cleaning clean text changes nothing, so blocks can be compared for merges and exports are reproducible.
 */
final class RichText {
    /** The most characters a document's HTML may have once cleaned. */
    static final int MAX_CHARS = 1_000_000;
    /** The most top-level blocks a document may have: merges compare blocks, and a limit keeps that cheap. */
    static final int MAX_BLOCKS = 10_000;

    /** What a document may contain: text structure and links, nothing that runs, loads or styles. */
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sub", "sup",
                    "blockquote", "pre", "code", "ul", "ol", "li", "hr", "a", "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addAttributes("ol", "start")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan");

    /** Elements that stand as blocks of their own at the top level; anything else is wrapped in a paragraph. */
    static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol",
            "hr", "table");

    private RichText() {
    }

    /** Cleans {@code html} into its blocks, in order: each the HTML of one top-level element. */
    static List<String> blocks(String html) {
        Document clean = parse(html);
        List<String> blocks = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        for (Node node : clean.body().childNodes()) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                flush(run, blocks);
                blocks.add(e.outerHtml());
            } else {
                run.add(node);
            }
        }
        flush(run, blocks);
        return blocks;
    }

    /** Cleans {@code html} into the canonical text that is stored. */
    static String clean(String html) {
        return join(blocks(html));
    }

    static String join(List<String> blocks) {
        return String.join("\n", blocks);
    }

    /** Text and inline elements at the top level (as a browser's editable area makes them) become one paragraph. */
    private static void flush(List<Node> run, List<String> blocks) {
        StringBuilder inline = new StringBuilder();
        for (Node n : run) {
            inline.append(n.outerHtml());
        }
        run.clear();
        String text = inline.toString().strip();
        if (!text.isEmpty() && !isBlank(text)) {
            blocks.add("<p>" + text + "</p>");
        }
    }

    /** Nothing but line breaks and white space: not worth a paragraph. */
    private static boolean isBlank(String inlineHtml) {
        return inlineHtml.replace("<br>", "").replace("&nbsp;", "").isBlank();
    }

    /** The cleaned document, for exports that walk its tree. */
    static Document parse(String html) {
        Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /** The plain text of cleaned HTML, for titles of exports and previews. */
    static String text(String html) {
        return parse(html).body().text();
    }
}
