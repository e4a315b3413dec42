package eu.interlink.interlinker.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One state of a document: the current one (document {@value #CURRENT}) and every saved one (documents
 * {@code revision/<number>}) have this shape. Revisions are numbered from 1 and never change once written.
 *
 * @param kind     how it came to be: {@code created}, {@code edited}, {@code merged} (an edit made on an older
 *                 revision and merged with what was saved meanwhile), {@code restored} or {@code copied}
 * @param source   the revision it restores, or the older revision a merged edit was made on; 0 when none
 * @param author   who saved it, or {@code null} when nobody was signed in
 */
record Revision(long number, String title, String html, String author, String savedAt, String kind, long source) {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CURRENT = "document";
    static final String PREFIX = "revision/";
    static final int MAX_TITLE = 200;
    static final int MAX_AUTHOR = 200;

    /** Keys sort as numbers: 10 digits, enough for a revision a second for three centuries. */
    static String key(long number) {
        return PREFIX + String.format(Locale.ROOT, "%010d", number);
    }

    static long numberOf(String key) {
        return Long.parseLong(key.substring(PREFIX.length()));
    }

    Revision next(String title, String html, String author, String savedAt, String kind, long source) {
        return new Revision(number + 1, title, html, author, savedAt, kind, source);
    }

    /** A valid title, trimmed; the field name for errors is the caller's. */
    static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidDocumentException("title", "A title is required");
        }
        String t = title.strip();
        if (t.codePointCount(0, t.length()) > MAX_TITLE || t.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidDocumentException("title", "The title must be at most " + MAX_TITLE + " characters without control characters");
        }
        return t;
    }

    /** Cleans {@code html} and checks the result against the limits. */
    static String checkHtml(String html) {
        if (html == null) {
            return "";
        }
        if (html.length() > 2 * RichText.MAX_CHARS) {
            throw new InvalidDocumentException("html", "The text is too long: at most " + RichText.MAX_CHARS + " characters of HTML");
        }
        var blocks = RichText.blocks(html);
        if (blocks.size() > RichText.MAX_BLOCKS) {
            throw new InvalidDocumentException("html", "The text has too many paragraphs: at most " + RichText.MAX_BLOCKS);
        }
        String clean = RichText.join(blocks);
        if (clean.length() > RichText.MAX_CHARS) {
            throw new InvalidDocumentException("html", "The text is too long: at most " + RichText.MAX_CHARS + " characters of HTML");
        }
        return clean;
    }

    ObjectNode toNode() {
        ObjectNode n = JSON.createObjectNode();
        n.put("revision", number);
        n.put("title", title);
        n.put("html", html);
        n.put("author", author);
        n.put("savedAt", savedAt);
        n.put("kind", kind);
        if (source > 0) {
            n.put(kind.equals("restored") ? "restoredFrom" : "mergedFrom", source);
        }
        return n;
    }

    /** What a history lists: everything but the text. */
    ObjectNode summary() {
        ObjectNode n = toNode();
        n.remove("html");
        n.put("characters", html.length());
        return n;
    }

    String toJson() {
        return toNode().toString();
    }

    static Revision fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            long source = n.path("restoredFrom").asLong(n.path("mergedFrom").asLong(0));
            return new Revision(n.path("revision").asLong(), n.path("title").asText(), n.path("html").asText(),
                    n.hasNonNull("author") ? n.get("author").asText() : null, n.path("savedAt").asText(),
                    n.path("kind").asText(), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
