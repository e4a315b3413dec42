package eu.interlink.interlinker.survey;

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
 * The survey Interlinker as the kernel sees it: creating, cloning, deleting and exporting surveys. Building,
 * answering, results and the preview are its own pages, {@link SurveyServlet}.
 */
@Component(service = Interlinker.class)
public final class SurveyInterlinker implements Interlinker {
    static final String ID = "survey";
    static final String ASSET_PAGE = "/interlinkers/survey/assets/{assetId}";

    private final InterlinkerDescriptor descriptor;

    /** For DS: the version is the bundle's, so the two can never disagree. */
    public SurveyInterlinker() {
        this(InterlinkerDescriptor.versionOf(SurveyInterlinker.class));
    }

    /** For tests, which run outside a framework and so have no bundle version to read. */
    SurveyInterlinker(String version) {
        this.descriptor = describe(version);
    }

    static InterlinkerDescriptor describe(String version) {
        return InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.EDIT, Capability.CLONE,
                        Capability.DELETE, Capability.DOWNLOAD, Capability.PREVIEW)
                .texts("en", "Survey",
                        "Ask residents, staff or partners what they think: build a questionnaire with free-text, "
                                + "single and multiple choice and rating-scale questions, publish it, collect "
                                + "anonymous or signed answers and read the results per question. Answers download "
                                + "as CSV. A clone copies the questions, never the answers.")
                .texts("es", "Encuesta",
                        "Pregunta a la ciudadanía, al personal o a las entidades colaboradoras su opinión: crea un "
                                + "cuestionario con preguntas de texto libre, de opción única o múltiple y de escala, "
                                + "publícalo, recoge respuestas anónimas o firmadas y consulta los resultados por "
                                + "pregunta. Las respuestas se descargan en CSV. Una copia duplica las preguntas, "
                                + "nunca las respuestas.")
                .texts("it", "Sondaggio",
                        "Chiedi a cittadini, personale o partner che cosa ne pensano: costruisci un questionario "
                                + "con domande a testo libero, a scelta singola o multipla e a scala, pubblicalo, "
                                + "raccogli risposte anonime o firmate e leggi i risultati domanda per domanda. Le "
                                + "risposte si scaricano in CSV. Una copia riprende le domande, mai le risposte.")
                .texts("lv", "Aptauja",
                        "Uzziniet iedzīvotāju, darbinieku vai partneru viedokli: izveidojiet anketu ar brīva "
                                + "teksta, vienas vai vairāku izvēļu un skalas jautājumiem, publicējiet to, "
                                + "savāciet anonīmas vai parakstītas atbildes un skatiet rezultātus pa jautājumiem. "
                                + "Atbildes var lejupielādēt CSV formātā. Kopija pārņem jautājumus, nekad atbildes.")
                // "Data collection about users and their behaviour" and "Monitoring and ongoing evaluation of the
                // co-delivered service" in the seed catalogue's problem profiles.
                .problemProfiles("UND_PROBLEM_3", "VAL_PROBLEM_5")
                .tags("survey", "questionnaire", "consultation", "feedback")
                .dataVersion(1)
                .assetPage(ASSET_PAGE)
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param params a survey definition: {@code title} (required), {@code description}, {@code anonymous}
     *               (whether answers without a name are taken; default true) and {@code questions}; other keys
     *               are ignored. The survey starts as a draft.
     */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Survey survey = Survey.create(Survey.JSON.valueToTree(params == null ? Map.of() : params), false);
        context.store().put(Survey.KEY, survey.toJson());
        return AssetInfo.named(survey.title());
    }

    /**
     * The copy is a new draft with the same title, setting and questions, and no answers: a clone is for running
     * the same survey again, and answers belong to the survey they were given to.
     */
    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Survey survey = Survey.fromJson(read(source).json()).copyAsDraft();
        target.store().put(Survey.KEY, survey.toJson());
        return AssetInfo.named(survey.title());
    }

    /** Questions and answers are all in the asset's store, which the kernel deletes: nothing else to let go of. */
    @Override
    public void delete(AssetContext context) {
        // Nothing beyond the store.
    }

    /** The answers as CSV; a survey without answers exports its header row alone. */
    @Override
    public Optional<AssetExport> export(AssetContext context) {
        return context.store().get(Survey.KEY).map(d -> new CsvExport(Survey.fromJson(d.json()), context.store(),
                context.store().keys(SurveyResponse.PREFIX)));
    }

    /** The asset's survey; its absence means broken data, never the user's mistake. */
    static Document read(AssetContext context) {
        return context.store().get(Survey.KEY).orElseThrow(
                () -> new IllegalStateException("Asset " + context.asset() + " has no '" + Survey.KEY + "' document"));
    }
}
