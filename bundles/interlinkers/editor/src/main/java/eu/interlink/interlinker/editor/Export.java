package eu.interlink.interlinker.editor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import eu.interlink.api.AssetExport;

/** A document written as a file: a standalone HTML page or Markdown. The same revision always gives the same bytes. */
final class Export implements AssetExport {
    /** The formats an export can take, by the name the {@code format} parameter uses. */
    enum Format {
        HTML("html", "text/html; charset=utf-8"),
        MARKDOWN("markdown", "text/markdown; charset=utf-8");

        final String name;
        final String contentType;

        Format(String name, String contentType) {
            this.name = name;
            this.contentType = contentType;
        }

        /** {@code html}, {@code markdown} (or {@code md}); {@code null} for anything else. */
        static Format of(String name) {
            if (name == null) {
                return null;
            }
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "html", "htm" -> HTML;
                case "markdown", "md" -> MARKDOWN;
                default -> null;
            };
        }

        String extension() {
            return this == HTML ? ".html" : ".md";
        }
    }

    private final Revision revision;
    private final Format format;

    Export(Revision revision, Format format) {
        this.revision = revision;
        this.format = format;
    }

    @Override
    public String fileName() {
        return slug(revision.title()) + format.extension();
    }

    @Override
    public String contentType() {
        return format.contentType;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(text().getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return format == Format.HTML ? html(revision) : Markdown.of(revision.title(), revision.html());
    }

    /** A page of its own: no script, no outside resource, the cleaned text as stored. */
    static String html(Revision r) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + EditorPages.escape(r.title())
                + "</title>\n</head>\n<body>\n<h1>" + EditorPages.escape(r.title()) + "</h1>\n" + r.html() + "\n</body>\n</html>\n";
    }

    /** A file name from a title: lower-case ASCII letters, digits and hyphens; {@code document} when nothing is left. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "document" : slug;
    }
}
