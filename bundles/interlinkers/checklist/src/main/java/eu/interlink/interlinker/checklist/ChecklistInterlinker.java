package eu.interlink.interlinker.checklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * The checklist Interlinker as the kernel sees it: creating, copying, deleting and exporting checklists. Viewing
 * and editing happen in its own pages, {@link ChecklistServlet}.
 */
@Component(service = Interlinker.class)
public final class ChecklistInterlinker implements Interlinker {
    static final String ID = "checklist";
    static final String ASSET_PAGE = "/interlinkers/checklist/assets/{assetId}";

    private final InterlinkerDescriptor descriptor;

    /** For DS: the version is the bundle's, so the two can never disagree. */
    public ChecklistInterlinker() {
        this(InterlinkerDescriptor.versionOf(ChecklistInterlinker.class));
    }

    /** For tests, which run outside a framework and so have no bundle version to read. */
    ChecklistInterlinker(String version) {
        this.descriptor = describe(version);
    }

    static InterlinkerDescriptor describe(String version) {
        return InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.EDIT, Capability.CLONE,
                        Capability.DELETE, Capability.DOWNLOAD, Capability.PREVIEW)
                .texts("en", "Checklist",
                        "A shared checklist for a task: list what has to be done, assign items to team members and "
                                + "tick them off as the work goes on. Downloadable as Markdown.")
                .texts("es", "Lista de comprobación",
                        "Una lista de comprobación compartida para una tarea: anota lo que hay que hacer, asigna "
                                + "elementos a los miembros del equipo y márcalos a medida que avanza el trabajo. "
                                + "Se puede descargar en Markdown.")
                .texts("it", "Lista di controllo",
                        "Una lista di controllo condivisa per un'attività: elenca ciò che va fatto, assegna le voci "
                                + "ai membri del team e spuntale man mano che il lavoro procede. Scaricabile in "
                                + "formato Markdown.")
                .texts("lv", "Kontrolsaraksts",
                        "Kopīgs uzdevuma kontrolsaraksts: pierakstiet, kas jāpaveic, piešķiriet punktus komandas "
                                + "dalībniekiem un atzīmējiet tos, darbam virzoties uz priekšu. Lejupielādējams "
                                + "Markdown formātā.")
                // "Workplan and project management" in the seed catalogue's problem profiles.
                .problemProfiles("ORG_PROBLEM_2")
                .tags("checklist", "planning", "coordination")
                .dataVersion(1)
                .assetPage(ASSET_PAGE)
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param params {@code title}: a non-blank string of at most 200 characters; {@code items}: optional list of
     *               item texts
     */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Object title = params == null ? null : params.get("title");
        if (!(title instanceof String)) {
            throw new InvalidChecklistException("title is required: a text of at most " + Checklist.MAX_TITLE + " characters");
        }
        Checklist checklist = Checklist.create((String) title, itemTexts(params.get("items")));
        context.store().put(Checklist.KEY, checklist.toJson());
        return AssetInfo.named(checklist.title());
    }

    private static List<String> itemTexts(Object items) {
        if (items == null) {
            return List.of();
        }
        if (!(items instanceof Collection<?> collection)) {
            throw new InvalidChecklistException("items must be a list of texts");
        }
        List<String> texts = new ArrayList<>(collection.size());
        for (Object item : collection) {
            if (!(item instanceof String text)) {
                throw new InvalidChecklistException("items must be a list of texts");
            }
            texts.add(text);
        }
        return texts;
    }

    /** Same document, same title: the kernel tells the copy apart by its asset, not by its name. */
    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Document document = read(source);
        Checklist checklist = Checklist.fromJson(document.json());
        target.store().put(Checklist.KEY, document.json());
        return AssetInfo.named(checklist.title());
    }

    /** All of a checklist is in its store, which the kernel deletes: nothing else to let go of. */
    @Override
    public void delete(AssetContext context) {
        // Nothing beyond the store.
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        return context.store().get(Checklist.KEY)
                .map(d -> new MarkdownExport(Checklist.fromJson(d.json())));
    }

    /** The asset's checklist; its absence means broken data, never the user's mistake. */
    static Document read(AssetContext context) {
        return context.store().get(Checklist.KEY).orElseThrow(
                () -> new IllegalStateException("Asset " + context.asset() + " has no '" + Checklist.KEY + "' document"));
    }
}
