package eu.interlink.interlinker.editor;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the editor pages in the platform's four languages, and the choice among them. Each text is one
 * row with all four translations, so a missing one cannot compile; kept in code, not resource bundles, for that.
 */
final class PageTexts {
    static final List<String> LANGUAGES = List.of("en", "es", "it", "lv");
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    private static void row(String key, String en, String es, String it, String lv) {
        ROWS.put(key, new String[] {en, es, it, lv});
    }

    static {
        row("editor", "Collaborative editor", "Editor colaborativo", "Editor collaborativo", "Kopīgais redaktors");
        row("titleLabel", "Title", "Título", "Titolo", "Nosaukums");
        row("contentLabel", "Text", "Texto", "Testo", "Teksts");
        row("toolbar", "Formatting", "Formato", "Formattazione", "Formatējums");
        row("bold", "Bold", "Negrita", "Grassetto", "Treknraksts");
        row("italic", "Italic", "Cursiva", "Corsivo", "Slīpraksts");
        row("heading", "Heading", "Título de sección", "Titolo di sezione", "Virsraksts");
        row("subheading", "Subheading", "Subtítulo", "Sottotitolo", "Apakšvirsraksts");
        row("paragraph", "Paragraph", "Párrafo", "Paragrafo", "Rindkopa");
        row("bulletList", "Bulleted list", "Lista con viñetas", "Elenco puntato", "Aizzīmju saraksts");
        row("numberedList", "Numbered list", "Lista numerada", "Elenco numerato", "Numurēts saraksts");
        row("quote", "Quotation", "Cita", "Citazione", "Citāts");
        row("link", "Link", "Enlace", "Collegamento", "Saite");
        row("linkPrompt", "Address of the link (https://…)", "Dirección del enlace (https://…)",
                "Indirizzo del collegamento (https://…)", "Saites adrese (https://…)");
        row("save", "Save", "Guardar", "Salva", "Saglabāt");
        row("saving", "Saving…", "Guardando…", "Salvataggio…", "Saglabā…");
        row("saved", "Saved as a new revision.", "Guardado como una nueva revisión.", "Salvato come nuova revisione.",
                "Saglabāts kā jauna redakcija.");
        row("unchanged", "Nothing has changed since the last revision.", "No hay cambios desde la última revisión.",
                "Nulla è cambiato dall'ultima revisione.", "Kopš pēdējās redakcijas nekas nav mainīts.");
        row("merged", "Others saved meanwhile: your change has been merged with theirs, and the text now shows both.",
                "Otras personas guardaron mientras tanto: tu cambio se ha fusionado con el suyo y el texto muestra ambos.",
                "Altri hanno salvato nel frattempo: la tua modifica è stata unita alla loro e il testo ora le mostra entrambe.",
                "Citi pa to laiku saglabāja: jūsu izmaiņas ir apvienotas ar viņu izmaiņām, un teksts tagad rāda abas.");
        row("conflict", "Someone else changed the same part", "Otra persona cambió la misma parte",
                "Qualcun altro ha modificato la stessa parte", "Kāds cits mainīja to pašu daļu");
        row("conflictHelp", "Your text is kept in the editor and nothing was saved. Their version is below: copy what you "
                + "need from it into yours, then save again.",
                "Tu texto sigue en el editor y no se ha guardado nada. Su versión está debajo: copia lo que necesites en "
                + "la tuya y vuelve a guardar.",
                "Il tuo testo resta nell'editor e non è stato salvato nulla. La loro versione è qui sotto: copia ciò che "
                + "ti serve nella tua e salva di nuovo.",
                "Jūsu teksts paliek redaktorā, un nekas netika saglabāts. Viņu versija ir zemāk: pārkopējiet savā tekstā "
                + "vajadzīgo un saglabājiet vēlreiz.");
        row("failed", "The change could not be saved:", "No se ha podido guardar el cambio:",
                "Non è stato possibile salvare la modifica:", "Izmaiņas neizdevās saglabāt:");
        row("history", "History", "Historial", "Cronologia", "Vēsture");
        row("view", "View revision {n}", "Ver la revisión {n}", "Vedi la revisione {n}", "Skatīt {n}. redakciju");
        row("restore", "Restore revision {n}", "Restaurar la revisión {n}", "Ripristina la revisione {n}",
                "Atjaunot {n}. redakciju");
        row("restored", "Revision {n} is the current text again, as a new revision.",
                "La revisión {n} vuelve a ser el texto actual, como una nueva revisión.",
                "La revisione {n} è di nuovo il testo attuale, come nuova revisione.",
                "{n}. redakcija atkal ir pašreizējais teksts, saglabāta kā jauna redakcija.");
        row("revisionMeta", "Revision {n}, saved by {author} on {time}", "Revisión {n}, guardada por {author} el {time}",
                "Revisione {n}, salvata da {author} il {time}", "{n}. redakcija, saglabāja {author} {time}");
        row("anonymous", "someone not signed in", "alguien sin identificar", "qualcuno non identificato",
                "kāds nepieteicies lietotājs");
        row("kind.created", "created", "creada", "creata", "izveidota");
        row("kind.edited", "edited", "editada", "modificata", "rediģēta");
        row("kind.merged", "merged", "fusionada", "unita", "apvienota");
        row("kind.restored", "restored", "restaurada", "ripristinata", "atjaunota");
        row("kind.copied", "copied", "copiada", "copiata", "nokopēta");
        row("downloadHtml", "Download as HTML", "Descargar en HTML", "Scarica in HTML", "Lejupielādēt HTML formātā");
        row("downloadMarkdown", "Download as Markdown", "Descargar en Markdown", "Scarica in Markdown",
                "Lejupielādēt Markdown formātā");
        row("needsScript", "Editing needs JavaScript; the text is shown read-only.",
                "Para editar se necesita JavaScript; el texto se muestra solo para lectura.",
                "Per modificare serve JavaScript; il testo è mostrato in sola lettura.",
                "Rediģēšanai nepieciešams JavaScript; teksts ir redzams tikai lasīšanai.");
        row("close", "Close", "Cerrar", "Chiudi", "Aizvērt");
        row("revisions", "Revisions: {n}", "Revisiones: {n}", "Revisioni: {n}", "Redakciju skaits: {n}");
        row("empty", "The document is empty.", "El documento está vacío.", "Il documento è vuoto.", "Dokuments ir tukšs.");
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
