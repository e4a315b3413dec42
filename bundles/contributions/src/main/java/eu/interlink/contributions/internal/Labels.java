package eu.interlink.contributions.internal;

import java.util.Map;

/** The certificate's words in the platform's four languages; English is the fallback. */
final class Labels {
    private Labels() {
    }

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Contribution certificate"),
                    Map.entry("intro", "This certifies that {user} contributed to the co-production process {process}."),
                    Map.entry("process", "Process"), Map.entry("period", "Process dates"), Map.entry("contributed", "Contributions made"),
                    Map.entry("points", "Points per kind"), Map.entry("total", "Total"), Map.entry("task", "Task"), Map.entry("kind", "Kind"),
                    Map.entry("what", "Contribution"), Map.entry("claimed", "Claimed"), Map.entry("approved", "Approved"),
                    Map.entry("approvedBy", "Approved by"), Map.entry("none", "No approved contributions yet."),
                    Map.entry("issued", "Issued on"),
                    Map.entry("management", "Management"), Map.entry("development", "Development"), Map.entry("exploitation", "Exploitation")),
            "es", Map.ofEntries(
                    Map.entry("title", "Certificado de contribución"),
                    Map.entry("intro", "Se certifica que {user} ha contribuido al proceso de co-producción {process}."),
                    Map.entry("process", "Proceso"), Map.entry("period", "Fechas del proceso"), Map.entry("contributed", "Contribuciones realizadas"),
                    Map.entry("points", "Puntos por tipo"), Map.entry("total", "Total"), Map.entry("task", "Tarea"), Map.entry("kind", "Tipo"),
                    Map.entry("what", "Contribución"), Map.entry("claimed", "Reclamada"), Map.entry("approved", "Aprobada"),
                    Map.entry("approvedBy", "Aprobada por"), Map.entry("none", "Todavía no hay contribuciones aprobadas."),
                    Map.entry("issued", "Emitido el"),
                    Map.entry("management", "Gestión"), Map.entry("development", "Desarrollo"), Map.entry("exploitation", "Explotación")),
            "it", Map.ofEntries(
                    Map.entry("title", "Certificato di contributo"),
                    Map.entry("intro", "Si certifica che {user} ha contribuito al processo di co-produzione {process}."),
                    Map.entry("process", "Processo"), Map.entry("period", "Date del processo"), Map.entry("contributed", "Contributi svolti"),
                    Map.entry("points", "Punti per tipo"), Map.entry("total", "Totale"), Map.entry("task", "Attività"), Map.entry("kind", "Tipo"),
                    Map.entry("what", "Contributo"), Map.entry("claimed", "Richiesto"), Map.entry("approved", "Approvato"),
                    Map.entry("approvedBy", "Approvato da"), Map.entry("none", "Ancora nessun contributo approvato."),
                    Map.entry("issued", "Rilasciato il"),
                    Map.entry("management", "Gestione"), Map.entry("development", "Sviluppo"), Map.entry("exploitation", "Sfruttamento")),
            "lv", Map.ofEntries(
                    Map.entry("title", "Ieguldījuma apliecinājums"),
                    Map.entry("intro", "Ar šo apliecina, ka {user} ir devis ieguldījumu koprades procesā {process}."),
                    Map.entry("process", "Process"), Map.entry("period", "Procesa datumi"), Map.entry("contributed", "Veiktie ieguldījumi"),
                    Map.entry("points", "Punkti pēc veida"), Map.entry("total", "Kopā"), Map.entry("task", "Uzdevums"), Map.entry("kind", "Veids"),
                    Map.entry("what", "Ieguldījums"), Map.entry("claimed", "Pieteikts"), Map.entry("approved", "Apstiprināts"),
                    Map.entry("approvedBy", "Apstiprināja"), Map.entry("none", "Vēl nav apstiprinātu ieguldījumu."),
                    Map.entry("issued", "Izsniegts"),
                    Map.entry("management", "Vadība"), Map.entry("development", "Izstrāde"), Map.entry("exploitation", "Izmantošana")));

    static String language(String code) {
        return code != null && WORDS.containsKey(code) ? code : "en";
    }

    static String word(String language, String key) {
        return WORDS.get(language(language)).getOrDefault(key, WORDS.get("en").get(key));
    }
}
