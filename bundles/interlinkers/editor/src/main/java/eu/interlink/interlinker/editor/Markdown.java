package eu.interlink.interlinker.editor;

import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cleaned HTML as Markdown (CommonMark, with GitHub's tables and strike-through). Only the allow-listed elements
 * of {@link RichText} can occur. Text is escaped so that it reads as written, never as markup.
 */
final class Markdown {
    private Markdown() {
    }

    static String of(String title, String html) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(escapeInline(title)).append("\n\n");
        Element body = RichText.parse(html).body();
        blocks(body.childNodes(), "", out);
        String text = out.toString().replaceAll("\n{3,}", "\n\n").strip();
        return text + "\n";
    }

    /** Writes block-level children, each line prefixed (for quotes and list items). */
    private static void blocks(List<Node> nodes, String prefix, StringBuilder out) {
        StringBuilder inline = new StringBuilder();
        for (Node node : nodes) {
            if (node instanceof Element e && (RichText.BLOCKS.contains(e.normalName()) || e.normalName().equals("li"))) {
                paragraph(inline, prefix, out);
                block(e, prefix, out);
            } else {
                inline(node, inline);
            }
        }
        paragraph(inline, prefix, out);
    }

    private static void paragraph(StringBuilder inline, String prefix, StringBuilder out) {
        String text = inline.toString().strip();
        inline.setLength(0);
        if (!text.isEmpty()) {
            lines(text, prefix, out);
            out.append(prefix.stripTrailing()).append('\n');
        }
    }

    private static void block(Element e, String prefix, StringBuilder out) {
        String name = e.normalName();
        switch (name) {
            case "p" -> {
                StringBuilder text = new StringBuilder();
                inlineChildren(e, text);
                paragraph(text, prefix, out);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                StringBuilder text = new StringBuilder();
                inlineChildren(e, text);
                String heading = text.toString().replace("  \n", " ").strip();
                if (!heading.isEmpty()) {
                    // The document's title is the one level-1 heading; the content's headings sit below it.
                    int level = Math.min(6, name.charAt(1) - '0' + 1);
                    out.append(prefix).append("#".repeat(level)).append(' ').append(heading).append('\n')
                            .append(prefix.stripTrailing()).append('\n');
                }
            }
            case "blockquote" -> {
                blocks(e.childNodes(), prefix + "> ", out);
            }
            case "pre" -> {
                String code = e.wholeText();
                String fence = code.contains("```") ? "~~~~" : "```";
                out.append(prefix).append(fence).append('\n');
                for (String line : code.stripTrailing().split("\n", -1)) {
                    out.append(prefix).append(line).append('\n');
                }
                out.append(prefix).append(fence).append('\n').append(prefix.stripTrailing()).append('\n');
            }
            case "ul", "ol" -> {
                int n = name.equals("ol") ? start(e) : 0;
                for (Element li : e.children()) {
                    String marker = name.equals("ol") ? (n++) + ". " : "- ";
                    StringBuilder item = new StringBuilder();
                    blocks(li.normalName().equals("li") ? li.childNodes() : List.of(li), "", item);
                    String[] lines = item.toString().strip().split("\n", -1);
                    String indent = " ".repeat(marker.length());
                    for (int k = 0; k < lines.length; k++) {
                        out.append(prefix).append(k == 0 ? marker : (lines[k].isEmpty() ? "" : indent)).append(lines[k]).append('\n');
                    }
                }
                out.append(prefix.stripTrailing()).append('\n');
            }
            case "li" -> {
                StringBuilder item = new StringBuilder();
                blocks(e.childNodes(), "", item);
                lines("- " + item.toString().strip(), prefix, out);
            }
            case "hr" -> out.append(prefix).append("---\n").append(prefix.stripTrailing()).append('\n');
            case "table" -> table(e, prefix, out);
            default -> {
                StringBuilder text = new StringBuilder();
                inlineChildren(e, text);
                paragraph(text, prefix, out);
            }
        }
    }

    private static int start(Element ol) {
        try {
            return Math.max(0, Integer.parseInt(ol.attr("start").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A GitHub table: the first row is the header (Markdown has no table without one). */
    private static void table(Element table, String prefix, StringBuilder out) {
        List<Element> rows = table.select("tr");
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.stream().mapToInt(r -> r.children().size()).max().orElse(0);
        if (columns == 0) {
            return;
        }
        for (int r = 0; r < rows.size(); r++) {
            out.append(prefix).append('|');
            List<Element> cells = rows.get(r).children();
            for (int c = 0; c < columns; c++) {
                StringBuilder text = new StringBuilder();
                if (c < cells.size()) {
                    inlineChildren(cells.get(c), text);
                }
                out.append(' ').append(text.toString().replace("  \n", " ").strip()).append(" |"); // the text escaped | already
            }
            out.append('\n');
            if (r == 0) {
                out.append(prefix).append('|').append(" --- |".repeat(columns)).append('\n');
            }
        }
        out.append(prefix.stripTrailing()).append('\n');
    }

    private static void inlineChildren(Element e, StringBuilder out) {
        for (Node child : e.childNodes()) {
            inline(child, out);
        }
    }

    private static void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode t) {
            out.append(escapeInline(t.text()));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "strong", "b" -> wrap(e, "**", out);
            case "em", "i" -> wrap(e, "*", out);
            case "s" -> wrap(e, "~~", out);
            case "code" -> {
                String code = e.text();
                String ticks = code.contains("`") ? "``" : "`";
                String pad = code.startsWith("`") || code.endsWith("`") ? " " : "";
                out.append(ticks).append(pad).append(code).append(pad).append(ticks);
            }
            case "br" -> out.append("  \n");
            case "a" -> {
                StringBuilder text = new StringBuilder();
                inlineChildren(e, text);
                String href = e.attr("href");
                if (href.isEmpty()) {
                    out.append(text);
                } else {
                    out.append('[').append(text).append("](<").append(href.replace("<", "%3C").replace(">", "%3E")).append(">)");
                }
            }
            default -> inlineChildren(e, out); // u, sub, sup: Markdown has no such markup; the text stays
        }
    }

    private static void wrap(Element e, String mark, StringBuilder out) {
        StringBuilder inner = new StringBuilder();
        inlineChildren(e, inner);
        String text = inner.toString();
        if (text.isBlank()) {
            out.append(text);
            return;
        }
        // Emphasis cannot start or end with a space: keep the spaces outside the marks.
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        String trail = text.substring(text.stripTrailing().length());
        out.append(lead).append(mark).append(text.strip()).append(mark).append(trail);
    }

    private static void lines(String text, String prefix, StringBuilder out) {
        for (String line : text.split("\n", -1)) {
            out.append(prefix).append(line).append('\n');
        }
    }

    /** Backslash-escapes what Markdown would read as markup; a line start that would open a block is escaped too. */
    static String escapeInline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|~".indexOf(c) >= 0) {
                out.append('\\');
            } else if ((c == '#' || c == '+' || c == '-' || c == '=') && (i == 0 || text.charAt(i - 1) == '\n')) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        String escaped = out.toString();
        // "1. text" at a line start would become a numbered list.
        return escaped.matches("(?s)\\d+[.)] .*") ? escaped.replaceFirst("([.)])", "\\\\$1") : escaped;
    }
}
