package eu.interlink.interlinker.deliberation;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.AssetExport;

/**
 * The whole deliberation as one JSON file: title, threads with their replies as trees, proposals, and polls with
 * every vote, the counts and the outcome. Made of the stored data alone (no document versions, no asset id, no
 * time of export), so an asset and its copy export the same bytes, and so does an asset before and after its
 * bundle restarts.
 */
final class JsonExport implements AssetExport {
    static final String CONTENT_TYPE = "application/json";
    static final String FORMAT = "interlink-deliberation";
    private static final int MAX_SLUG = 60;

    private final String title;
    private final byte[] bytes;

    /** Built while the call's transaction is open; written afterwards. */
    JsonExport(Board board) throws IOException {
        ObjectNode view = board.view(false);
        ObjectNode root = Board.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("dataVersion", DeliberationInterlinker.DATA_VERSION);
        root.setAll(view);
        this.title = view.path("title").asText();
        this.bytes = Board.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    @Override
    public String fileName() {
        return slug(title) + ".json";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    /** A file name that survives every OS and browser: ASCII letters, digits and hyphens. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "deliberation" : slug;
    }
}
