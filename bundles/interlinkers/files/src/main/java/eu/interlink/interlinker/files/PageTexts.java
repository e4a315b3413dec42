package eu.interlink.interlinker.files;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the file space pages in the platform's four languages, and the choice among them. Each text is one
 * row with all four translations, so a missing one cannot compile; kept in code, not resource bundles, for that.
 */
final class PageTexts {
    static final List<String> LANGUAGES = List.of("en", "es", "it", "lv");
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    private static void row(String key, String en, String es, String it, String lv) {
        ROWS.put(key, new String[] {en, es, it, lv});
    }

    static {
        row("files", "File space", "Espacio de archivos", "Spazio file", "Failu krātuve");
        row("upload", "Upload", "Subir", "Carica", "Augšupielādēt");
        row("chooseFile", "File to upload", "Archivo que subir", "File da caricare", "Augšupielādējamais fails");
        row("limits", "At most {size} per file. Taken: {types}.", "Como máximo {size} por archivo. Se admiten: {types}.",
                "Al massimo {size} per file. Sono accettati: {types}.", "Ne vairāk kā {size} vienam failam. Pieņem: {types}.");
        row("sameName", "A file with the name of one already here becomes its new version.",
                "Un archivo con el nombre de otro ya presente se convierte en su nueva versión.",
                "Un file con il nome di uno già presente ne diventa la nuova versione.",
                "Fails ar jau esoša faila nosaukumu kļūst par tā jauno versiju.");
        row("uploading", "Uploading…", "Subiendo…", "Caricamento…", "Augšupielādē…");
        row("uploaded", "Uploaded.", "Subido.", "Caricato.", "Augšupielādēts.");
        row("failed", "That did not work:", "No ha funcionado:", "Non è riuscito:", "Neizdevās:");
        row("name", "Name", "Nombre", "Nome", "Nosaukums");
        row("size", "Size", "Tamaño", "Dimensione", "Izmērs");
        row("type", "Type", "Tipo", "Tipo", "Veids");
        row("uploadedBy", "Uploaded by", "Subido por", "Caricato da", "Augšupielādēja");
        row("uploadedAt", "Uploaded on", "Subido el", "Caricato il", "Augšupielādes laiks");
        row("versions", "Versions", "Versiones", "Versioni", "Versijas");
        row("version", "Version {n}", "Versión {n}", "Versione {n}", "{n}. versija");
        row("download", "Download {name}", "Descargar {name}", "Scarica {name}", "Lejupielādēt {name}");
        row("deleteFile", "Delete {name} with all its versions", "Eliminar {name} con todas sus versiones",
                "Elimina {name} con tutte le sue versioni", "Dzēst {name} ar visām versijām");
        row("deleteVersion", "Delete version {n}", "Eliminar la versión {n}", "Elimina la versione {n}", "Dzēst {n}. versiju");
        row("confirm", "Delete it? This cannot be undone.", "¿Eliminarlo? No se puede deshacer.",
                "Eliminarlo? Non si può annullare.", "Dzēst? To nevar atsaukt.");
        row("noFiles", "No files yet.", "Todavía no hay archivos.", "Ancora nessun file.", "Vēl nav neviena faila.");
        row("anonymous", "someone not signed in", "alguien sin identificar", "qualcuno non identificato",
                "kāds nepieteicies lietotājs");
        row("needsScript", "Uploading and deleting need JavaScript; downloads work without it.",
                "Para subir y eliminar se necesita JavaScript; las descargas funcionan sin él.",
                "Per caricare ed eliminare serve JavaScript; i download funzionano anche senza.",
                "Augšupielādei un dzēšanai nepieciešams JavaScript; lejupielāde darbojas arī bez tā.");
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
