package eu.interlink.interlinker.checklist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import eu.interlink.api.AssetExport;

/**
 * A checklist as a Markdown task list, the form most tools (GitHub, GitLab, Obsidian…) render as checkboxes.
 * The text is made when the export is created, because the kernel may stream it after the call that read the
 * asset has ended.
 */
final class MarkdownExport implements AssetExport {
    static final String CONTENT_TYPE = "text/markdown; charset=utf-8";
    private static final int MAX_SLUG = 60;

    private final String fileName;
    private final byte[] content;

    MarkdownExport(Checklist checklist) {
        this.fileName = slug(checklist.title()) + ".md";
        this.content = markdown(checklist).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String fileName() { return fileName; }

    @Override
    public String contentType() { return CONTENT_TYPE; }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(content);
    }

    static String markdown(Checklist checklist) {
        StringBuilder md = new StringBuilder("# ").append(escape(checklist.title())).append("\n\n");
        for (ChecklistItem item : checklist.items()) {
            md.append(item.done() ? "- [x] " : "- [ ] ").append(escape(item.text()));
            if (item.assignee() != null) {
                md.append(" — ").append(escape(item.assignee()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * Escapes what would otherwise turn a user's text into links, emphasis, code or HTML. Texts are single-line
     * already ({@link Checklist#clean}), so nothing can start a new block.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|~#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A file name that survives every OS and browser: ASCII letters, digits and hyphens. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "checklist" : slug;
    }
}
