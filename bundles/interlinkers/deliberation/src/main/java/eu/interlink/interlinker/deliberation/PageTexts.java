package eu.interlink.interlinker.deliberation;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the deliberation pages in the platform's four languages, and the choice among them. Each text is one
 * row with all four translations, so a missing one cannot compile; kept in code, not resource bundles, for that.
 */
final class PageTexts {
    static final List<String> LANGUAGES = List.of("en", "es", "it", "lv");
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();

    private static void row(String key, String en, String es, String it, String lv) {
        ROWS.put(key, new String[] {en, es, it, lv});
    }

    static {
        row("deliberation", "Deliberation", "Deliberación", "Deliberazione", "Apspriede");
        row("threads", "Discussion", "Debate", "Discussione", "Diskusija");
        row("proposals", "Proposals", "Propuestas", "Proposte", "Priekšlikumi");
        row("polls", "Polls and decisions", "Votaciones y decisiones", "Votazioni e decisioni", "Balsojumi un lēmumi");
        row("noThreads", "No discussion yet.", "Todavía no hay debate.", "Ancora nessuna discussione.", "Vēl nav diskusiju.");
        row("noProposals", "No proposals yet.", "Todavía no hay propuestas.", "Ancora nessuna proposta.", "Vēl nav priekšlikumu.");
        row("noPolls", "No polls yet.", "Todavía no hay votaciones.", "Ancora nessuna votazione.", "Vēl nav balsojumu.");
        row("anonymous", "anonymous", "anónimo", "anonimo", "anonīms");
        row("newThread", "Start a discussion", "Abrir un debate", "Avvia una discussione", "Sākt diskusiju");
        row("subject", "Subject", "Asunto", "Oggetto", "Temats");
        row("text", "Text", "Texto", "Testo", "Teksts");
        row("reply", "Reply", "Responder", "Rispondi", "Atbildēt");
        row("replyTo", "Reply to {name}", "Responder a {name}", "Rispondi a {name}", "Atbildēt {name}");
        row("replies", "Replies: {n}", "Respuestas: {n}", "Risposte: {n}", "Atbilžu skaits: {n}");
        row("newProposal", "Make a proposal", "Hacer una propuesta", "Fai una proposta", "Iesniegt priekšlikumu");
        row("titleLabel", "Title", "Título", "Titolo", "Nosaukums");
        row("statusLabel", "Status", "Estado", "Stato", "Statuss");
        row("change", "Change", "Cambiar", "Cambia", "Mainīt");
        row("status.open", "Open", "Abierta", "Aperta", "Atvērts");
        row("status.accepted", "Accepted", "Aceptada", "Accettata", "Pieņemts");
        row("status.rejected", "Rejected", "Rechazada", "Respinta", "Noraidīts");
        row("status.withdrawn", "Withdrawn", "Retirada", "Ritirata", "Atsaukts");
        row("newPoll", "Ask for a vote", "Proponer una votación", "Proponi una votazione", "Ierosināt balsojumu");
        row("question", "Question", "Pregunta", "Domanda", "Jautājums");
        row("kindLabel", "Kind of poll", "Tipo de votación", "Tipo di votazione", "Balsojuma veids");
        row("kind.single", "Choose one", "Elegir una opción", "Scegli un'opzione", "Izvēlēties vienu");
        row("kind.multiple", "Choose any", "Elegir varias opciones", "Scegli più opzioni", "Izvēlēties vairākus");
        row("kind.majority", "Majority: agree, abstain or disagree", "Mayoría: a favor, abstención o en contra",
                "Maggioranza: favorevole, astenuto o contrario", "Balsu vairākums: par, atturas vai pret");
        row("kind.consent", "Consent: agree, abstain, disagree or block", "Consentimiento: a favor, abstención, en contra o bloqueo",
                "Consenso: favorevole, astenuto, contrario o blocco", "Konsenss: par, atturas, pret vai bloķē");
        row("optionsLabel", "Options, one per line (choose one or choose any)", "Opciones, una por línea (elegir una o varias)",
                "Opzioni, una per riga (scegli una o più)", "Iespējas, pa vienai katrā rindā (izvēlēties vienu vai vairākas)");
        row("closesAtLabel", "Closes at (optional)", "Se cierra el (opcional)", "Si chiude il (facoltativo)",
                "Slēgšanas laiks (nav obligāts)");
        row("proposalLabel", "On the proposal (optional)", "Sobre la propuesta (opcional)", "Sulla proposta (facoltativo)",
                "Par priekšlikumu (nav obligāts)");
        row("none", "none", "ninguna", "nessuna", "nav");
        row("choice.agree", "Agree", "A favor", "Favorevole", "Par");
        row("choice.abstain", "Abstain", "Abstención", "Astenuto", "Atturas");
        row("choice.disagree", "Disagree", "En contra", "Contrario", "Pret");
        row("choice.block", "Block", "Bloqueo", "Blocco", "Bloķē");
        row("vote", "Vote", "Votar", "Vota", "Balsot");
        row("voters", "Votes: {n}", "Votos: {n}", "Voti: {n}", "Balsu skaits: {n}");
        row("pollOpen", "Open for votes", "Abierta a votación", "Aperta al voto", "Atvērts balsošanai");
        row("pollClosed", "Closed", "Cerrada", "Chiusa", "Slēgts");
        row("closesAt", "Closes at {time}", "Se cierra el {time}", "Si chiude il {time}", "Tiek slēgts {time}");
        row("closedAt", "Closed at {time}", "Cerrada el {time}", "Chiusa il {time}", "Slēgts {time}");
        row("closePoll", "Close the poll now", "Cerrar la votación ahora", "Chiudi ora la votazione", "Slēgt balsojumu tagad");
        row("outcome.winner", "Result: {option}", "Resultado: {option}", "Risultato: {option}", "Rezultāts: {option}");
        row("outcome.tie", "Result: a tie between {options}", "Resultado: empate entre {options}",
                "Risultato: parità tra {options}", "Rezultāts: neizšķirts starp {options}");
        row("outcome.none", "Result: no votes", "Resultado: sin votos", "Risultato: nessun voto", "Rezultāts: nav balsu");
        row("outcome.accepted", "Result: accepted", "Resultado: aceptada", "Risultato: accettata", "Rezultāts: pieņemts");
        row("outcome.rejected", "Result: rejected", "Resultado: rechazada", "Risultato: respinta", "Rezultāts: noraidīts");
        row("outcome.blocked", "Result: blocked", "Resultado: bloqueada", "Risultato: bloccata", "Rezultāts: bloķēts");
        row("outcome.tied", "Result: a tie", "Resultado: empate", "Risultato: parità", "Rezultāts: neizšķirts");
        row("soFar", "(so far)", "(por ahora)", "(finora)", "(pagaidām)");
        row("rule.majority", "Accepted if more agree than disagree, rejected if more disagree, a tie if as many.",
                "Aceptada si hay más votos a favor que en contra, rechazada si hay más en contra, empate si hay los mismos.",
                "Accettata se i favorevoli superano i contrari, respinta se i contrari sono di più, parità se sono pari.",
                "Pieņemts, ja balsu \"par\" ir vairāk nekā \"pret\", noraidīts, ja vairāk ir \"pret\", neizšķirts, ja to ir vienādi.");
        row("rule.consent", "Blocked if anyone blocks; otherwise accepted if more agree than disagree, else rejected.",
                "Bloqueada si alguien la bloquea; si no, aceptada si hay más votos a favor que en contra; si no, rechazada.",
                "Bloccata se qualcuno la blocca; altrimenti accettata se i favorevoli superano i contrari, altrimenti respinta.",
                "Bloķēts, ja kāds bloķē; citādi pieņemts, ja balsu \"par\" ir vairāk nekā \"pret\", citādi noraidīts.");
        row("yourName", "Your name", "Tu nombre", "Il tuo nome", "Jūsu vārds");
        row("signedAs", "You take part as {name}.", "Participas como {name}.", "Partecipi come {name}.", "Jūs piedalāties kā {name}.");
        row("send", "Send", "Enviar", "Invia", "Nosūtīt");
        row("saved", "Saved.", "Guardado.", "Salvato.", "Saglabāts.");
        row("failed", "Not saved:", "No se ha guardado:", "Non salvato:", "Nav saglabāts:");
        row("stale", "Someone else changed this in the meantime, so the page has been reloaded. Please try again.",
                "Otra persona lo ha cambiado mientras tanto y la página se ha vuelto a cargar. Inténtalo de nuevo.",
                "Qualcun altro l'ha modificato nel frattempo e la pagina è stata ricaricata. Riprova.",
                "Kāds cits to pa to laiku ir mainījis, tāpēc lapa ir ielādēta no jauna. Lūdzu, mēģiniet vēlreiz.");
        row("needsScript", "Taking part needs JavaScript; everything can be read without it.",
                "Para participar se necesita JavaScript; todo se puede leer sin él.",
                "Per partecipare serve JavaScript; tutto si può leggere anche senza.",
                "Lai piedalītos, nepieciešams JavaScript; lasīt var arī bez tā.");
        row("threadCount", "Discussions: {n}", "Debates: {n}", "Discussioni: {n}", "Diskusiju skaits: {n}");
        row("replyCount", "Replies: {n}", "Respuestas: {n}", "Risposte: {n}", "Atbilžu skaits: {n}");
        row("proposalCount", "Proposals: {n}", "Propuestas: {n}", "Proposte: {n}", "Priekšlikumu skaits: {n}");
        row("pollCount", "Polls: {n}", "Votaciones: {n}", "Votazioni: {n}", "Balsojumu skaits: {n}");
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
