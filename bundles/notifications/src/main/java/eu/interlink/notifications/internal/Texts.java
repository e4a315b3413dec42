package eu.interlink.notifications.internal;

import java.util.EnumMap;
import java.util.Map;

import eu.interlink.coproduction.Language;
import eu.interlink.notifications.Notification;
import eu.interlink.notifications.NotificationType;
import eu.interlink.notifications.RenderedNotification;

/**
 * The texts of notifications in en, es, it and lv, filled from a notification's parameters when it is read
 * (so a reader who changes language sees every notification in the new one). Placeholders are {@code {name}};
 * a missing parameter shows the subject's id rather than a gap.
 */
final class Texts {
    private Texts() {
    }

    private static final Map<NotificationType, Map<Language, String>> TITLES = new EnumMap<>(NotificationType.class);
    private static final Map<Language, String> SOMEONE = Map.of(Language.EN, "Someone", Language.ES, "Alguien", Language.IT, "Qualcuno", Language.LV, "Kāds");
    private static final Map<Language, String> GREETING = Map.of(Language.EN, "Hello {recipient},", Language.ES, "Hola, {recipient}:",
            Language.IT, "Ciao {recipient},", Language.LV, "Sveiki, {recipient}!");
    private static final Map<Language, String> OPEN = Map.of(Language.EN, "Open it: ", Language.ES, "Ábrelo: ", Language.IT, "Aprilo: ",
            Language.LV, "Atvērt: ");
    private static final Map<Language, String> FOOTER = Map.of(
            Language.EN, "You can choose which e-mails you receive in your notification preferences.",
            Language.ES, "Puedes elegir qué correos recibes en tus preferencias de notificaciones.",
            Language.IT, "Puoi scegliere quali e-mail ricevere nelle preferenze delle notifiche.",
            Language.LV, "Kādus e-pastus saņemt, varat izvēlēties paziņojumu iestatījumos.");

    private static void title(NotificationType type, String en, String es, String it, String lv) {
        TITLES.put(type, Map.of(Language.EN, en, Language.ES, es, Language.IT, it, Language.LV, lv));
    }

    static {
        title(NotificationType.ASSET_ADDED, "{actor} added the asset “{asset}” to “{process}”", "{actor} añadió el recurso «{asset}» a «{process}»",
                "{actor} ha aggiunto la risorsa «{asset}» a «{process}»", "{actor} pievienoja resursu “{asset}” procesam “{process}”");
        title(NotificationType.ASSET_REMOVED, "{actor} removed the asset “{asset}” from “{process}”", "{actor} eliminó el recurso «{asset}» de «{process}»",
                "{actor} ha rimosso la risorsa «{asset}» da «{process}»", "{actor} noņēma resursu “{asset}” no procesa “{process}”");
        title(NotificationType.ITEM_ADDED, "{actor} added “{item}” to the plan of “{process}”", "{actor} añadió «{item}» al plan de «{process}»",
                "{actor} ha aggiunto «{item}» al piano di «{process}»", "{actor} pievienoja “{item}” procesa “{process}” plānam");
        title(NotificationType.ITEM_REMOVED, "{actor} removed an item from the plan of “{process}”", "{actor} eliminó un elemento del plan de «{process}»",
                "{actor} ha rimosso un elemento dal piano di «{process}»", "{actor} izņēma elementu no procesa “{process}” plāna");
        title(NotificationType.PROCESS_ADMINISTRATOR_ADDED, "{actor} made you an administrator of “{process}”",
                "{actor} te añadió a la administración de «{process}»", "{actor} ti ha aggiunto agli amministratori di «{process}»",
                "{actor} iecēla jūs par procesa “{process}” administratoru");
        title(NotificationType.PROCESS_TEAM_ADDED, "{actor} gave the team “{team}” access to “{process}”", "{actor} dio al equipo «{team}» acceso a «{process}»",
                "{actor} ha dato al gruppo «{team}» accesso a «{process}»", "{actor} piešķīra komandai “{team}” piekļuvi procesam “{process}”");
        title(NotificationType.TEAM_MEMBER_ADDED, "{actor} added you to the team “{team}”", "{actor} te añadió al equipo «{team}»",
                "{actor} ti ha aggiunto al gruppo «{team}»", "{actor} pievienoja jūs komandai “{team}”");
        title(NotificationType.PARTICIPATION_REQUESTED, "{applicant} asks to take part in “{process}”", "{applicant} pide participar en «{process}»",
                "{applicant} chiede di partecipare a «{process}»", "{applicant} lūdz atļauju piedalīties procesā “{process}”");
        title(NotificationType.PARTICIPATION_ACCEPTED, "Your request to take part in “{process}” was accepted",
                "Se aceptó tu solicitud para participar en «{process}»", "La tua richiesta di partecipare a «{process}» è stata accettata",
                "Jūsu pieprasījums piedalīties procesā “{process}” tika pieņemts");
        title(NotificationType.PARTICIPATION_DECLINED, "Your request to take part in “{process}” was declined",
                "Se rechazó tu solicitud para participar en «{process}»", "La tua richiesta di partecipare a «{process}» è stata rifiutata",
                "Jūsu pieprasījums piedalīties procesā “{process}” tika noraidīts");
        title(NotificationType.CONTRIBUTION_CLAIMED, "{claimant} claims {points} points for a contribution to “{process}”",
                "{claimant} reclama {points} puntos por una contribución a «{process}»", "{claimant} richiede {points} punti per un contributo a «{process}»",
                "{claimant} pieprasa {points} punktus par ieguldījumu procesā “{process}”");
        title(NotificationType.CONTRIBUTION_APPROVED, "{actor} approved your contribution to “{process}”: {points} points",
                "{actor} aprobó tu contribución a «{process}»: {points} puntos", "{actor} ha approvato il tuo contributo a «{process}»: {points} punti",
                "{actor} apstiprināja jūsu ieguldījumu procesā “{process}”: {points} punkti");
        title(NotificationType.CONTRIBUTION_REJECTED, "{actor} did not approve your contribution to “{process}”",
                "{actor} no aprobó tu contribución a «{process}»", "{actor} non ha approvato il tuo contributo a «{process}»",
                "{actor} neapstiprināja jūsu ieguldījumu procesā “{process}”");
        for (NotificationType t : NotificationType.values()) {
            if (TITLES.get(t) == null || TITLES.get(t).size() != Language.values().length) throw new IllegalStateException("No texts for " + t);
        }
    }

    static RenderedNotification render(Notification n, Language language) {
        String title = fill(TITLES.get(n.type()).get(language), n, language);
        String link = link(n);
        return new RenderedNotification(language.code(), title, title + ".", link);
    }

    /** Where the web application shows what the notification is about (its screens are addressed by the fragment). */
    static String link(Notification n) {
        if (n.processId().isPresent()) return "#/processes/" + n.processId().get();
        if ("team".equals(n.subjectType())) return "#/teams/" + n.subjectId();
        return "#/";
    }

    /** An e-mail's subject and plain-text body; {@code baseUrl} (may be empty) makes the link absolute. */
    static String[] email(Notification n, Language language, String platform, String baseUrl) {
        RenderedNotification r = render(n, language);
        StringBuilder body = new StringBuilder();
        body.append(GREETING.get(language).replace("{recipient}", n.recipient())).append("\n\n").append(r.body()).append("\n\n");
        if (!baseUrl.isEmpty()) body.append(OPEN.get(language)).append(baseUrl).append('/').append(r.link()).append("\n\n");
        body.append("-- \n").append(platform).append('\n').append(FOOTER.get(language)).append('\n');
        return new String[] {"[" + platform + "] " + r.title(), body.toString()};
    }

    private static String fill(String template, Notification n, Language language) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String name = template.substring(open + 1, close);
            String value = n.parameters().get(name);
            if (value == null || value.isBlank()) {
                value = switch (name) {
                    case "actor" -> n.actor().orElse(SOMEONE.get(language));
                    case "process" -> n.processId().orElse("");
                    default -> n.subjectId();
                };
            }
            out.append(value);
            i = close + 1;
        }
        return out.toString();
    }
}
