package eu.interlink.interlinker.survey;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the survey pages in the platform's four languages, and the choice among them. Each text is one
 * row with all four translations, so a missing one cannot compile; kept in code, not resource bundles, for that.
 */
final class PageTexts {
    static final List<String> LANGUAGES = List.of("en", "es", "it", "lv");
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    private static void row(String key, String en, String es, String it, String lv) {
        ROWS.put(key, new String[] {en, es, it, lv});
    }

    static {
        row("survey", "Survey", "Encuesta", "Sondaggio", "Aptauja");
        row("required", "required", "obligatoria", "obbligatoria", "obligāts");
        row("send", "Send answers", "Enviar respuestas", "Invia le risposte", "Nosūtīt atbildes");
        row("thanks", "Thank you: your answers have been recorded.", "Gracias: tus respuestas se han registrado.",
                "Grazie: le tue risposte sono state registrate.", "Paldies! Jūsu atbildes ir saglabātas.");
        row("replaced", "Thank you: your earlier answers have been replaced.",
                "Gracias: tus respuestas anteriores se han sustituido.",
                "Grazie: le tue risposte precedenti sono state sostituite.",
                "Paldies! Jūsu iepriekšējās atbildes ir aizstātas.");
        row("failed", "The answers could not be sent:", "No se han podido enviar las respuestas:",
                "Non è stato possibile inviare le risposte:", "Atbildes neizdevās nosūtīt:");
        row("notOpen", "This survey is not open for answers yet.", "Esta encuesta todavía no admite respuestas.",
                "Questo sondaggio non accetta ancora risposte.", "Šī aptauja vēl nav atvērta atbildēm.");
        row("closed", "This survey is closed: it no longer takes answers.",
                "Esta encuesta está cerrada: ya no admite respuestas.",
                "Questo sondaggio è chiuso: non accetta più risposte.",
                "Šī aptauja ir slēgta: atbildes vairs netiek pieņemtas.");
        row("signedOnly", "This survey takes signed answers only: sign in to answer.",
                "Esta encuesta solo admite respuestas firmadas: inicia sesión para responder.",
                "Questo sondaggio accetta solo risposte firmate: accedi per rispondere.",
                "Šajā aptaujā pieņem tikai parakstītas atbildes: piesakieties, lai atbildētu.");
        row("answerAnonymously", "Answer anonymously", "Responder de forma anónima", "Rispondi in forma anonima",
                "Atbildēt anonīmi");
        row("signedAs", "You answer as {name}; a new answer replaces your earlier one.",
                "Respondes como {name}; una nueva respuesta sustituye a la anterior.",
                "Rispondi come {name}; una nuova risposta sostituisce la precedente.",
                "Jūs atbildat kā {name}; jauna atbilde aizstāj iepriekšējo.");
        row("needsScript", "Sending answers needs JavaScript.", "Para enviar respuestas se necesita JavaScript.",
                "Per inviare le risposte serve JavaScript.", "Lai nosūtītu atbildes, nepieciešams JavaScript.");
        row("responses", "Answers: {n}", "Respuestas: {n}", "Risposte: {n}", "Atbilžu skaits: {n}");
        row("questions", "Questions: {n}", "Preguntas: {n}", "Domande: {n}", "Jautājumu skaits: {n}");
        row("status.draft", "Draft", "Borrador", "Bozza", "Melnraksts");
        row("status.published", "Open for answers", "Abierta a respuestas", "Aperto alle risposte", "Atvērta atbildēm");
        row("status.closed", "Closed", "Cerrada", "Chiuso", "Slēgta");
        row("edit", "Edit the survey", "Editar la encuesta", "Modifica il sondaggio", "Rediģēt aptauju");
        row("answerPage", "Open the answer page", "Abrir la página de respuesta", "Apri la pagina delle risposte",
                "Atvērt atbilžu lapu");
        row("builder", "Survey builder", "Editor de la encuesta", "Editor del sondaggio", "Aptaujas veidotājs");
        row("titleLabel", "Title", "Título", "Titolo", "Nosaukums");
        row("descriptionLabel", "Description (optional)", "Descripción (opcional)", "Descrizione (facoltativa)",
                "Apraksts (nav obligāts)");
        row("anonymousLabel", "Take anonymous answers", "Admitir respuestas anónimas", "Accetta risposte anonime",
                "Pieņemt anonīmas atbildes");
        row("questionLabel", "Question {n}", "Pregunta {n}", "Domanda {n}", "{n}. jautājums");
        row("questionText", "Question text", "Texto de la pregunta", "Testo della domanda", "Jautājuma teksts");
        row("kindLabel", "Kind of answer", "Tipo de respuesta", "Tipo di risposta", "Atbildes veids");
        row("kind.text", "Free text", "Texto libre", "Testo libero", "Brīvs teksts");
        row("kind.single", "Single choice", "Opción única", "Scelta singola", "Viena izvēle");
        row("kind.multiple", "Multiple choice", "Opción múltiple", "Scelta multipla", "Vairākas izvēles");
        row("kind.scale", "Scale", "Escala", "Scala", "Skala");
        row("requiredLabel", "Answer required", "Respuesta obligatoria", "Risposta obbligatoria", "Atbilde obligāta");
        row("optionsLabel", "Options, one per line", "Opciones, una por línea", "Opzioni, una per riga",
                "Atbilžu varianti, pa vienam katrā rindā");
        row("minLabel", "Lowest value", "Valor mínimo", "Valore minimo", "Mazākā vērtība");
        row("maxLabel", "Highest value", "Valor máximo", "Valore massimo", "Lielākā vērtība");
        row("minText", "Meaning of the lowest value (optional)", "Significado del valor mínimo (opcional)",
                "Significato del valore minimo (facoltativo)", "Mazākās vērtības nozīme (nav obligāta)");
        row("maxText", "Meaning of the highest value (optional)", "Significado del valor máximo (opcional)",
                "Significato del valore massimo (facoltativo)", "Lielākās vērtības nozīme (nav obligāta)");
        row("addQuestion", "Add a question", "Añadir una pregunta", "Aggiungi una domanda", "Pievienot jautājumu");
        row("remove", "Remove question {n}", "Eliminar la pregunta {n}", "Rimuovi la domanda {n}",
                "Noņemt {n}. jautājumu");
        row("up", "Move question {n} up", "Subir la pregunta {n}", "Sposta su la domanda {n}",
                "Pārvietot {n}. jautājumu augšup");
        row("down", "Move question {n} down", "Bajar la pregunta {n}", "Sposta giù la domanda {n}",
                "Pārvietot {n}. jautājumu lejup");
        row("save", "Save", "Guardar", "Salva", "Saglabāt");
        row("publish", "Publish", "Publicar", "Pubblica", "Publicēt");
        row("close", "Close the survey", "Cerrar la encuesta", "Chiudi il sondaggio", "Slēgt aptauju");
        row("saved", "Saved.", "Guardado.", "Salvato.", "Saglabāts.");
        row("publishedMsg", "Published: the survey takes answers, and its questions can no longer change.",
                "Publicada: la encuesta admite respuestas y sus preguntas ya no pueden cambiar.",
                "Pubblicato: il sondaggio accetta risposte e le sue domande non possono più cambiare.",
                "Publicēta: aptauja pieņem atbildes, un tās jautājumus vairs nevar mainīt.");
        row("closedMsg", "Closed: the survey takes no more answers.", "Cerrada: la encuesta ya no admite respuestas.",
                "Chiuso: il sondaggio non accetta più risposte.", "Slēgta: aptauja vairs nepieņem atbildes.");
        row("stale", "Someone else changed this survey, so it has been reloaded. Please try again.",
                "Otra persona ha modificado esta encuesta y se ha vuelto a cargar. Inténtalo de nuevo.",
                "Qualcun altro ha modificato questo sondaggio, che è stato ricaricato. Riprova.",
                "Kāds cits ir mainījis šo aptauju, tāpēc tā ir ielādēta no jauna. Lūdzu, mēģiniet vēlreiz.");
        row("saveFailed", "The change could not be saved:", "No se ha podido guardar el cambio:",
                "Non è stato possibile salvare la modifica:", "Izmaiņas neizdevās saglabāt:");
        row("frozen", "The survey has been published: its questions can no longer change.",
                "La encuesta se ha publicado: sus preguntas ya no pueden cambiar.",
                "Il sondaggio è stato pubblicato: le sue domande non possono più cambiare.",
                "Aptauja ir publicēta: tās jautājumus vairs nevar mainīt.");
        row("noQuestions", "No questions yet.", "Todavía no hay preguntas.", "Ancora nessuna domanda.",
                "Vēl nav neviena jautājuma.");
        row("editNeedsScript", "Editing the survey needs JavaScript.", "Para editar la encuesta se necesita JavaScript.",
                "Per modificare il sondaggio serve JavaScript.", "Lai rediģētu aptauju, nepieciešams JavaScript.");
    }

    static final PageTexts EN = new PageTexts("en");

    final String language;
    private final int column;

    private PageTexts(String language) {
        this.language = language;
        this.column = LANGUAGES.indexOf(language);
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The text of {@code key}; an unknown key is a programming error. */
    String get(String key) {
        String[] row = ROWS.get(key);
        if (row == null) {
            throw new IllegalArgumentException("No page text '" + key + "'");
        }
        return row[column];
    }

    /** {@code get(key)} with {@code {name}} placeholders filled; values are inserted as given (escape the result). */
    String format(String key, Map<String, ?> values) {
        String out = get(key);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return out;
    }

    /** Every text in this language, for a page's script. */
    Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        ROWS.forEach((k, v) -> all.put(k, v[column]));
        return all;
    }

    static PageTexts of(String language) {
        return language != null && LANGUAGES.contains(language.toLowerCase(Locale.ROOT))
                ? new PageTexts(language.toLowerCase(Locale.ROOT)) : null;
    }

    /**
     * {@code ?lang=} when it names one of ours, else the first of the browser's languages (in its order of
     * preference, as the servlet container sorts Accept-Language) that we speak, else English.
     */
    static PageTexts negotiate(String langParameter, Enumeration<Locale> acceptLanguages) {
        PageTexts asked = langParameter == null ? null : of(langParameter.split("[-_]")[0]);
        if (asked != null) {
            return asked;
        }
        List<Locale> locales = acceptLanguages == null ? List.of() : Collections.list(acceptLanguages);
        for (Locale locale : locales) {
            PageTexts t = of(locale.getLanguage());
            if (t != null) {
                return t;
            }
        }
        return EN;
    }
}
