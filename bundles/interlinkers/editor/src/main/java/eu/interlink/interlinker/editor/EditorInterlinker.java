package eu.interlink.interlinker.editor;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * The collaborative editor as the kernel sees it: creating, cloning, deleting and exporting documents. Editing,
 * the history and restore are its own pages, {@link EditorServlet}.
 */
@Component(service = Interlinker.class)
public final class EditorInterlinker implements Interlinker {
    static final String ID = "editor";
    static final String ASSET_PAGE = "/interlinkers/editor/assets/{assetId}";
    /** The asset's settings: {@code {"exportFormat": "html" | "markdown"}}. */
    static final String SETTINGS = "settings";

    private final InterlinkerDescriptor descriptor;

    /** For DS: the version is the bundle's, so the two can never disagree. */
    public EditorInterlinker() {
        this(InterlinkerDescriptor.versionOf(EditorInterlinker.class));
    }

    /** For tests, which run outside a framework and so have no bundle version to read. */
    EditorInterlinker(String version) {
        this.descriptor = InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.EDIT, Capability.CLONE,
                        Capability.DELETE, Capability.DOWNLOAD, Capability.PREVIEW)
                .texts("en", "Collaborative editor",
                        "Write a document together: headings, lists, links and tables, saved as a new revision each "
                                + "time with who saved it and when. Changes made at the same moment to different "
                                + "parts are merged; changes to the same part are never overwritten, the second "
                                + "writer is asked to merge. Any revision can be viewed and restored. Downloads as "
                                + "HTML or Markdown.")
                .texts("es", "Editor colaborativo",
                        "Redactad un documento en equipo: títulos, listas, enlaces y tablas, guardado cada vez como "
                                + "una nueva revisión con su autoría y fecha. Los cambios simultáneos en partes "
                                + "distintas se fusionan; los cambios en la misma parte nunca se sobrescriben: se "
                                + "pide a la segunda persona que los fusione. Cualquier revisión se puede consultar "
                                + "y restaurar. Se descarga en HTML o Markdown.")
                .texts("it", "Editor collaborativo",
                        "Scrivete un documento insieme: titoli, elenchi, collegamenti e tabelle, salvato ogni volta "
                                + "come nuova revisione con autore e data. Le modifiche contemporanee a parti "
                                + "diverse vengono unite; quelle alla stessa parte non vengono mai sovrascritte: "
                                + "chi salva per secondo è invitato a unirle. Ogni revisione si può consultare e "
                                + "ripristinare. Si scarica in HTML o Markdown.")
                .texts("lv", "Kopīgais redaktors",
                        "Rakstiet dokumentu kopā: virsraksti, saraksti, saites un tabulas; katra saglabāšana ir "
                                + "jauna redakcija ar autoru un laiku. Vienlaicīgas izmaiņas dažādās daļās tiek "
                                + "apvienotas, bet izmaiņas tajā pašā daļā nekad netiek pārrakstītas: otrajam "
                                + "rakstītājam tiek lūgts tās apvienot. Jebkuru redakciju var apskatīt un atjaunot. "
                                + "Lejupielāde HTML vai Markdown formātā.")
                .tags("editor", "document", "writing", "collaboration")
                .dataVersion(1)
                .assetPage(ASSET_PAGE)
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param params {@code title} (required), {@code html} (the first text; cleaned), {@code exportFormat}
     *               ({@code html}, the default, or {@code markdown}: what the platform's download gives); other
     *               keys are ignored
     */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Map<String, Object> p = params == null ? Map.of() : params;
        Object title = p.get("title");
        if (title != null && !(title instanceof String)) {
            throw new InvalidDocumentException("title", "The title must be a text");
        }
        Object html = p.get("html");
        if (html != null && !(html instanceof String)) {
            throw new InvalidDocumentException("html", "The text must be HTML in a string");
        }
        Export.Format format = format(p.get("exportFormat"));
        Revision first = Editing.create(context.store(), (String) title, (String) html, author(context), Instant.now().toString(), "created");
        writeSettings(context, format);
        return AssetInfo.named(first.title());
    }

    static Export.Format format(Object value) {
        if (value == null) {
            return Export.Format.HTML;
        }
        Export.Format format = value instanceof String s ? Export.Format.of(s) : null;
        if (format == null) {
            throw new InvalidDocumentException("exportFormat", "The export format must be \"html\" or \"markdown\"");
        }
        return format;
    }

    private static void writeSettings(AssetContext context, Export.Format format) {
        context.store().put(SETTINGS, Revision.JSON.createObjectNode().put("exportFormat", format.name).toString());
    }

    static Export.Format exportFormat(AssetContext context) {
        return context.store().get(SETTINGS).map(d -> {
            try {
                JsonNode n = Revision.JSON.readTree(d.json());
                return Export.Format.of(n.path("exportFormat").asText());
            } catch (java.io.IOException e) {
                return null;
            }
        }).orElse(Export.Format.HTML);
    }

    /**
     * The copy is a new document with the source's current title and text as its revision 1; the history stays
     * with the source, whose people and times it records.
     */
    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Revision current = Editing.require(source.store()).revision();
        Revision first = Editing.create(target.store(), current.title(), current.html(), author(target), Instant.now().toString(), "copied");
        writeSettings(target, exportFormat(source));
        return AssetInfo.named(first.title());
    }

    /** Revisions and settings are all in the asset's store, which the kernel deletes: nothing else to let go of. */
    @Override
    public void delete(AssetContext context) {
        // Nothing beyond the store.
    }

    /** The current revision in the asset's export format (the editor's own export page offers both). */
    @Override
    public Optional<AssetExport> export(AssetContext context) {
        return Editing.current(context.store()).map(c -> new Export(c.revision(), exportFormat(context)));
    }

    private static String author(AssetContext context) {
        return context.user().map(Principal::getName).orElse(null);
    }
}
