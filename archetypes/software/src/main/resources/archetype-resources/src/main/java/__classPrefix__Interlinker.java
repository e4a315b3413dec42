package ${package};

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * ${interlinkerName}: each asset is a note with a title and a text, kept as one JSON document in the asset's
 * store, shown by {@link ${classPrefix}Pages} and downloadable as Markdown.
 *
 * <p>The kernel calls this class for one asset at a time, through a guard with a time limit. It keeps no state of
 * its own: everything is in {@code context.store()}, so the bundle can be updated or removed without losing data.
 */
@Component(service = Interlinker.class)
public final class ${classPrefix}Interlinker implements Interlinker {
    public static final String ID = "${interlinkerId}";
    static final String KEY = "note";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InterlinkerDescriptor descriptor;

    /** For Declarative Services: the version is the bundle's, as the kernel requires. */
    public ${classPrefix}Interlinker() {
        this(InterlinkerDescriptor.versionOf(${classPrefix}Interlinker.class));
    }

    /** For unit tests, outside a framework, where there is no bundle to read a version from. */
    ${classPrefix}Interlinker(String version) {
        this.descriptor = InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD)
                // English is required; add .texts("es", …), .texts("it", …), .texts("lv", …) as you translate.
                .texts("en", "${interlinkerName}", "A note with a title and a text for a co-production task, downloadable as Markdown.")
                .assetPage("/interlinkers/" + ID + "/assets/{assetId}")
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param params {@code title}: required text; {@code text}: optional text
     * @throws IllegalArgumentException for bad input: the kernel answers 400 with this message
     */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Note note = Note.from(params);
        context.store().put(KEY, write(note));
        return AssetInfo.named(note.title());
    }

    /** The copy gets the same document: a copy exports exactly what its source does. */
    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Note note = read(source);
        target.store().put(KEY, write(note));
        return AssetInfo.named(note.title());
    }

    /** Nothing to let go of beyond the store, which the kernel deletes itself. */
    @Override
    public void delete(AssetContext context) {
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        // Read now: the kernel may write the file after this call has returned.
        byte[] markdown = read(context).markdown().getBytes(StandardCharsets.UTF_8);
        return Optional.of(new AssetExport() {
            @Override public String fileName() { return "note.md"; }

            @Override public String contentType() { return "text/markdown; charset=utf-8"; }

            @Override public void writeTo(OutputStream out) throws IOException { out.write(markdown); }
        });
    }

    static Note read(AssetContext context) {
        Document d = context.store().get(KEY)
                .orElseThrow(() -> new IllegalStateException("Asset " + context.asset() + " has no '" + KEY + "' document"));
        try {
            return JSON.readValue(d.json(), Note.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Asset " + context.asset() + " holds a note that is not valid JSON", e);
        }
    }

    private static String write(Note note) {
        try {
            return JSON.writeValueAsString(note);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One asset's data. */
    public record Note(String title, String text) {
        static final int MAX_TITLE = 200;

        static Note from(Map<String, Object> params) {
            Object title = params == null ? null : params.get("title");
            if (!(title instanceof String t) || t.isBlank() || t.length() > MAX_TITLE) {
                throw new IllegalArgumentException("title is required: a text of 1 to " + MAX_TITLE + " characters");
            }
            Object text = params.get("text");
            if (text != null && !(text instanceof String)) {
                throw new IllegalArgumentException("text must be a text");
            }
            return new Note(t.strip(), text == null ? "" : (String) text);
        }

        String markdown() {
            return "# " + title + "\n\n" + text + "\n";
        }
    }
}
