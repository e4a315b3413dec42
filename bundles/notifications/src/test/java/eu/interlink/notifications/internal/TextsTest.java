package eu.interlink.notifications.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.SettingException;
import eu.interlink.notifications.Notification;
import eu.interlink.notifications.NotificationState;
import eu.interlink.notifications.NotificationType;

public class TextsTest {
    private static Notification of(NotificationType type, Map<String, String> parameters, String actor) {
        return new Notification("n1", "bo", type, NotificationState.UNREAD, Optional.ofNullable(actor), Optional.of("p1"), "team", "t1", parameters,
                Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    public void everyTypeReadsInEveryLanguageWithNothingLeftToFill() {
        Map<String, String> names = Map.of("process", "Plaza", "team", "Vecinos", "item", "Taller", "asset", "Encuesta", "applicant", "cy");
        for (NotificationType type : NotificationType.values()) {
            for (Language language : Language.values()) {
                String title = Texts.render(of(type, names, "ana"), language).title();
                assertFalse(type + " in " + language + ": " + title, title.contains("{") || title.contains("}"));
                assertFalse(title.isBlank());
            }
        }
        assertEquals("ana te añadió al equipo «Vecinos»", Texts.render(of(NotificationType.TEAM_MEMBER_ADDED, names, "ana"), Language.ES).title());
    }

    @Test
    public void missingNamesFallBackRatherThanLeaveGaps() {
        assertEquals("Kāds pievienoja jūs komandai “t1”", Texts.render(of(NotificationType.TEAM_MEMBER_ADDED, Map.of(), null), Language.LV).title());
        assertEquals("#/processes/p1", Texts.link(of(NotificationType.ASSET_ADDED, Map.of(), "ana")));
    }

    @Test
    public void emailsGreetInTheRecipientsLanguageAndLinkWhenTheBaseUrlIsKnown() {
        String[] it = Texts.email(of(NotificationType.TEAM_MEMBER_ADDED, Map.of("team", "Vicini"), "ana"), Language.IT, "Interlink", "https://x.example");
        assertEquals("[Interlink] ana ti ha aggiunto al gruppo «Vicini»", it[0]);
        assertTrue(it[1], it[1].startsWith("Ciao bo,\n\nana ti ha aggiunto al gruppo «Vicini».\n\nAprilo: https://x.example/#/processes/p1\n"));
        assertFalse(Texts.email(of(NotificationType.TEAM_MEMBER_ADDED, Map.of(), "ana"), Language.EN, "Interlink", "")[1].contains("Open it"));
    }

    @Test
    public void mailSettingsAreCheckedAndOffByDefault() {
        assertFalse(Mailer.read(Map.of()).enabled());
        Mailer.Config c = Mailer.read(Map.of("enabled", "true", "host", "smtp.example.org", "port", "2525", "from", "a@example.org",
                "base.url", "https://i.example.org/"));
        assertTrue(c.enabled());
        assertEquals(2525, c.port());
        assertEquals("https://i.example.org", c.baseUrl());
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(Map.of("enabled", "yes"), Map.of("port", "0"), Map.of("from", "not an address"),
                Map.of("base.url", "ftp://x"), Map.of("hots", "x"))) {
            try {
                Mailer.read(bad);
                fail("accepted " + bad);
            } catch (SettingException expected) {
                // refused, with the key
            }
        }
    }
}
