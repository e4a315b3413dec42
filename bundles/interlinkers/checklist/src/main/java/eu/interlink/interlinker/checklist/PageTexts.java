package eu.interlink.interlinker.checklist;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the checklist pages in the platform's four languages, and the choice among them. Kept in code,
 * not in resource bundles: there are few, and a missing translation is then a compile-time matter.
 */
enum PageTexts {
    EN("en", "Checklist", "{done} of {total} done", "No items yet.", "Items", "Add an item", "Item",
            "Assigned to (optional)", "Add", "Delete: {text}", "assigned to {name}",
            "Someone else changed this checklist, so it has been reloaded. Please try again.",
            "The change could not be saved:", "Item added.", "Item deleted.",
            "Changing this checklist needs JavaScript.", "and {n} more"),
    ES("es", "Lista de comprobación", "{done} de {total} hechos", "Todavía no hay elementos.", "Elementos",
            "Añadir un elemento", "Elemento", "Asignado a (opcional)", "Añadir", "Eliminar: {text}",
            "asignado a {name}",
            "Otra persona ha modificado esta lista y se ha vuelto a cargar. Inténtalo de nuevo.",
            "No se ha podido guardar el cambio:", "Elemento añadido.", "Elemento eliminado.",
            "Para modificar esta lista se necesita JavaScript.", "y {n} más"),
    IT("it", "Lista di controllo", "{done} su {total} completate", "Ancora nessuna voce.", "Voci",
            "Aggiungi una voce", "Voce", "Assegnata a (facoltativo)", "Aggiungi", "Elimina: {text}",
            "assegnata a {name}",
            "Qualcun altro ha modificato questa lista, che è stata ricaricata. Riprova.",
            "Non è stato possibile salvare la modifica:", "Voce aggiunta.", "Voce eliminata.",
            "Per modificare questa lista serve JavaScript.", "e altre {n}"),
    LV("lv", "Kontrolsaraksts", "Izpildīti {done} no {total}", "Vēl nav neviena punkta.", "Punkti",
            "Pievienot punktu", "Punkts", "Atbildīgais (nav obligāts)", "Pievienot", "Dzēst: {text}",
            "atbildīgais: {name}",
            "Kāds cits ir mainījis šo sarakstu, tāpēc tas ir ielādēts no jauna. Lūdzu, mēģiniet vēlreiz.",
            "Izmaiņas neizdevās saglabāt:", "Punkts pievienots.", "Punkts dzēsts.",
            "Lai mainītu šo sarakstu, nepieciešams JavaScript.", "un vēl {n}");

    final String language;
    final String checklist;
    final String progress;
    final String empty;
    final String items;
    final String addHeading;
    final String itemLabel;
    final String assigneeLabel;
    final String addButton;
    final String deleteLabel;
    final String assignedTo;
    final String stale;
    final String failed;
    final String added;
    final String deleted;
    final String needsScript;
    final String more;

    PageTexts(String language, String checklist, String progress, String empty, String items, String addHeading,
              String itemLabel, String assigneeLabel, String addButton, String deleteLabel, String assignedTo,
              String stale, String failed, String added, String deleted, String needsScript, String more) {
        this.language = language;
        this.checklist = checklist;
        this.progress = progress;
        this.empty = empty;
        this.items = items;
        this.addHeading = addHeading;
        this.itemLabel = itemLabel;
        this.assigneeLabel = assigneeLabel;
        this.addButton = addButton;
        this.deleteLabel = deleteLabel;
        this.assignedTo = assignedTo;
        this.stale = stale;
        this.failed = failed;
        this.added = added;
        this.deleted = deleted;
        this.needsScript = needsScript;
        this.more = more;
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    static PageTexts of(String language) {
        for (PageTexts t : values()) {
            if (t.language.equalsIgnoreCase(language)) {
                return t;
            }
        }
        return null;
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

    /** Fills {@code {name}} placeholders; values are inserted as given (escape the result, not the values). */
    static String format(String template, Map<String, ?> values) {
        String out = template;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return out;
    }
}
