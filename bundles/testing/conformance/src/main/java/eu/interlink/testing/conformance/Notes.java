package eu.interlink.testing.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/**
 * A note with a title and a text, kept as one document and exported as Markdown: the well-behaved base of the
 * fixtures. Each fault overrides the one thing it gets wrong.
 */
public abstract class Notes implements Interlinker {
    static final String KEY = "note";
    private static final Pattern FIELD = Pattern.compile("\"(title|text)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final InterlinkerDescriptor descriptor;

    protected Notes(String id, String version, Capability... capabilities) {
        this.descriptor = describe(InterlinkerDescriptor.builder(id, version).capabilities(capabilities)).build();
    }

    /** The texts every fixture shares; a fixture may add to the builder. */
    protected InterlinkerDescriptor.Builder describe(InterlinkerDescriptor.Builder b) {
        return b.texts("en", "Notes (" + getClass().getSimpleName() + ")", "A note with a title and a text, for the conformance kit's own tests.")
                .texts("es", "Notas", "Una nota con título y texto, para las pruebas del kit de conformidad.");
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /** @param params {@code title} (required), {@code text} (optional) */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Object title = params.get("title");
        if (!(title instanceof String t) || t.isBlank()) throw new IllegalArgumentException("title is required: a text");
        String text = params.get("text") instanceof String s ? s : "";
        write(context, t, text);
        return AssetInfo.named(t);
    }

    protected void write(AssetContext context, String title, String text) {
        context.store().put(KEY, "{\"title\":" + quote(title) + ",\"text\":" + quote(text) + "}");
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Document note = read(source);
        target.store().put(KEY, note.json());
        return AssetInfo.named(field(note.json(), "title"));
    }

    @Override
    public void delete(AssetContext context) {
        // All of a note is in its store, which the kernel deletes.
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        return context.store().get(KEY).map(d -> markdown(field(d.json(), "title"), field(d.json(), "text")));
    }

    static Document read(AssetContext context) {
        return context.store().get(KEY).orElseThrow(() -> new IllegalStateException("Asset " + context.asset() + " has no note"));
    }

    static AssetExport markdown(String title, String text) {
        byte[] bytes = ("# " + title + "\n\n" + text + "\n").getBytes(StandardCharsets.UTF_8);
        return new AssetExport() {
            @Override public String fileName() { return "note.md"; }

            @Override public String contentType() { return "text/markdown; charset=utf-8"; }

            @Override public void writeTo(OutputStream out) throws IOException { out.write(bytes); }
        };
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) return unquote(m.group(2));
        }
        return "";
    }

    private static String unquote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                if (n == 'u' && i + 4 < s.length()) {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
