package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Notifications over HTTP in the booted distribution: derived from what people do, kept per recipient (never the
 * one who acted), read and archived, pushed live over Server-Sent Events, and sent by e-mail in the recipient's
 * language to a real SMTP server on loopback (GreenMail, run inside the container) as their preferences say.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NotificationsIT {
    private static final String SMTP_PORT = "interlink.test.smtp.port";
    private static GreenMail smtp;

    @Inject
    @Filter("(dataSourceName=interlink)")
    private DataSource dataSource;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        int port = Platform.freePort();
        return Platform.options(
                mavenBundle("com.icegreen", "greenmail", System.getProperty("interlink.test.greenmail.version")),
                systemProperty(SMTP_PORT).value(String.valueOf(port)),
                editConfigurationFilePut("etc/eu.interlink.mail.cfg", "enabled", "true"),
                editConfigurationFilePut("etc/eu.interlink.mail.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/eu.interlink.mail.cfg", "port", String.valueOf(port)),
                editConfigurationFilePut("etc/eu.interlink.mail.cfg", "from", "platform@example.org"),
                editConfigurationFilePut("etc/eu.interlink.mail.cfg", "platform.name", "Interlink Test"),
                editConfigurationFilePut("etc/eu.interlink.mail.cfg", "base.url", "https://interlink.example.org"));
    }

    /** The SMTP server, started once for the class (on the port the platform's mail configuration names). */
    private static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtp = withMailLoader(() -> {
                GreenMail g = new GreenMail(new ServerSetup(Integer.getInteger(SMTP_PORT), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                g.start();
                return g;
            });
        }
        return smtp;
    }

    /**
     * Started before every test and never stopped: Pax Exam runs each test method in the container on its own, with
     * the class's {@code @BeforeClass}/{@code @AfterClass} around each; the server lives as long as the container.
     */
    @Before
    public void startSmtp() {
        smtp();
    }

    /** Jakarta Mail finds its implementation through the context class loader: in OSGi, Angus Mail's. */
    private static <T> T withMailLoader(Callable<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try {
            t.setContextClassLoader(Class.forName("org.eclipse.angus.mail.smtp.SMTPTransport").getClassLoader());
            return work.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** A received e-mail: to whom, its subject and its text, decoded. */
    private record Mail(String to, String subject, String text) {
    }

    private static List<Mail> mails() {
        return withMailLoader(() -> {
            List<Mail> out = new ArrayList<>();
            for (MimeMessage m : smtp().getReceivedMessages()) {
                String text = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                out.add(new Mail(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(), text));
            }
            return out;
        });
    }

    private static Mail awaitMail(String to) {
        Await.until("an e-mail to " + to, Duration.ofSeconds(30), NotificationsIT::mails, l -> l.stream().anyMatch(m -> m.to().equals(to)));
        return mails().stream().filter(m -> m.to().equals(to)).findFirst().orElseThrow();
    }

    private static JsonNode awaitNotifications(Http http, String as, int atLeast) {
        return Await.until(as + "'s notifications", Duration.ofSeconds(20), () -> http.get("/api/v1/me/notifications", Http.AS, as),
                a -> a.status() == 200 && a.json().path("total").asInt() >= atLeast).json();
    }

    private static String team(Http http, String admin, String name) {
        Http.Answer t = http.post("/api/v1/teams", Map.of("name", name, "type", "citizen"), Http.AS, admin);
        assertEquals(t.toString(), 201, t.status());
        return t.json().path("id").asText();
    }

    private static void addMember(Http http, String admin, String team, String member) {
        Http.Answer a = http.post("/api/v1/teams/" + team + "/members", Map.of("user", member), Http.AS, admin);
        assertEquals(a.toString(), 201, a.status());
    }

    @Test
    public void aMemberAddedHearsOfItInTheAppAndByEmailInTheirLanguageAndTheActorDoesNot() {
        Http http = Platform.http();
        Platform.awaitReady(http);
        http.tokenOf("nt-ana");
        http.tokenOf("nt-bo");
        // Bo reads Spanish: the preferences carry the language of e-mails.
        Http.Answer prefs = http.put("/api/v1/me/notification-preferences", Map.of("language", "es"), Http.AS, "nt-bo");
        assertEquals(prefs.toString(), 200, prefs.status());
        assertEquals("es", prefs.json().path("language").asText());
        assertTrue(prefs.json().path("channels").path("membership").path("email").asBoolean());

        String process = Coproduction.createProcess(http, "Plaza mayor", Http.AS, "nt-ana");
        String team = team(http, "nt-ana", "Vecinos");
        addMember(http, "nt-ana", team, "nt-bo");
        Http.Answer grant = http.post("/api/v1/processes/" + process + "/permissions", Map.of("team", team, "access", true), Http.AS, "nt-ana");
        assertEquals(grant.toString(), 201, grant.status());

        JsonNode list = awaitNotifications(http, "nt-bo", 2);
        JsonNode added = list.path("items").path(1);
        assertEquals("team.member-added", added.path("type").asText());
        assertEquals("membership", added.path("category").asText());
        assertEquals("unread", added.path("state").asText());
        assertEquals("nt-ana", added.path("actor").asText());
        assertEquals("#/teams/" + team, added.path("link").asText());
        assertEquals("nt-ana added you to the team “Vecinos”", added.path("title").asText());
        JsonNode granted = list.path("items").path(0);
        assertEquals("process.team-added", granted.path("type").asText());
        assertEquals(process, granted.path("process").asText());
        assertEquals("#/processes/" + process, granted.path("link").asText());
        assertEquals(2, list.path("unread").asInt());
        // Texts follow the reader's language, whatever language they were made in.
        JsonNode es = http.get("/api/v1/me/notifications?lang=lv", Http.AS, "nt-bo").json();
        assertEquals("nt-ana pievienoja jūs komandai “Vecinos”", es.path("items").path(1).path("title").asText());
        assertEquals("nt-ana ti ha aggiunto al gruppo «Vecinos»",
                http.get("/api/v1/me/notifications", Http.AS, "nt-bo", "Accept-Language", "it").json().path("items").path(1).path("title").asText());

        // The e-mail, in Spanish, read back from the SMTP server.
        Mail mail = awaitMail("nt-bo@example.org");
        assertTrue(mail.subject(), mail.subject().startsWith("[Interlink Test] nt-ana te añadió al equipo «Vecinos»")
                || mail.subject().startsWith("[Interlink Test] nt-ana dio al equipo «Vecinos» acceso a «Plaza mayor»"));
        assertTrue(mail.text(), mail.text().startsWith("Hola, nt-bo:"));
        assertTrue(mail.text(), mail.text().contains("https://interlink.example.org/#/"));
        assertTrue(mail.text(), mail.text().contains("preferencias de notificaciones"));
        Await.until("both e-mails to bo", Duration.ofSeconds(30), NotificationsIT::mails,
                l -> l.stream().filter(m -> m.to().equals("nt-bo@example.org")).count() == 2);

        // The one who acted hears nothing of it, in the app or by e-mail.
        JsonNode ana = http.get("/api/v1/me/notifications", Http.AS, "nt-ana").json();
        assertEquals(0, ana.path("total").asInt());
        assertEquals(0, http.get("/api/v1/me/notifications/unread-count", Http.AS, "nt-ana").json().path("unread").asInt());
        assertTrue(mails().stream().noneMatch(m -> m.to().equals("nt-ana@example.org")));

        // A participation request reaches the process's administrator (here the actor is the applicant).
        Http.Answer pub = http.patch("/api/v1/processes/" + process, Map.of("public", true), Http.AS, "nt-ana");
        assertEquals(pub.toString(), 200, pub.status());
        Http.Answer asked = http.post("/api/v1/processes/" + process + "/participation-requests", Map.of("message", "Hola"), Http.AS, "nt-cyd");
        assertEquals(asked.toString(), 201, asked.status());
        JsonNode request = awaitNotifications(http, "nt-ana", 1).path("items").path(0);
        assertEquals("participation.requested", request.path("type").asText());
        assertEquals("nt-cyd asks to take part in “Plaza mayor”", request.path("title").asText());
    }

    @Test
    public void aContributionClaimReachesTheAdministratorsAndTheDecisionTheClaimant() {
        Http http = Platform.http();
        Platform.awaitReady(http);
        Http.Answer created = http.post("/api/v1/processes", Map.of("name", "Harbour walk"), Http.AS, "nk-ana");
        assertEquals(created.toString(), 201, created.status());
        String process = created.json().path("id").asText();
        Http.Answer schema = Platform.operator().post("/api/v1/schemas", Map.of("id", "nk-schema", "name", "Walks", "phases",
                List.of(Map.of("id", "nk-phase", "name", "Walk", "children", List.of(Map.of("id", "nk-objective", "name", "Listen",
                        "children", List.of(Map.of("id", "nk-task", "name", "Walk with residents"))))))));
        assertEquals(schema.toString(), 201, schema.status());
        Http.Answer tree = http.post("/api/v1/processes/" + process + "/schema", Map.of("schema", "nk-schema"), Http.AS, "nk-ana");
        assertEquals(tree.toString(), 201, tree.status());
        String task = Coproduction.find(tree.json(), "nk-task").path("id").asText();
        http.tokenOf("nk-leo");
        String workers = team(http, "nk-ana", "Harbour workers");
        addMember(http, "nk-ana", workers, "nk-leo");
        assertEquals(201, http.post("/api/v1/processes/" + process + "/permissions", Map.of("team", workers, "access", true), Http.AS, "nk-ana").status());
        String base = "/api/v1/contributions/" + process;
        Http.Answer assignment = http.post(base + "/assignments", Map.of("task", task, "kind", "development", "points", 12), Http.AS, "nk-ana");
        assertEquals(assignment.toString(), 201, assignment.status());
        Http.Answer claim = http.post(base + "/assignments/" + assignment.json().path("id").asText() + "/claims",
                Map.of("description", "Walked the harbour with residents"), Http.AS, "nk-leo");
        assertEquals(claim.toString(), 201, claim.status());

        JsonNode claimed = Await.until("nk-ana hears of the claim", Duration.ofSeconds(20),
                () -> http.get("/api/v1/me/notifications?lang=en", Http.AS, "nk-ana").json(),
                n -> n.path("items").findValuesAsText("type").contains("contribution.claimed"));
        assertTrue(claimed.toString(), claimed.toString().contains("nk-leo claims 12 points for a contribution to “Harbour walk”"));

        Http.Answer approved = http.post(base + "/claims/" + claim.json().path("id").asText() + "/approve", Map.of(), Http.AS, "nk-ana");
        assertEquals(approved.toString(), 200, approved.status());
        JsonNode decided = Await.until("nk-leo hears of the approval", Duration.ofSeconds(20),
                () -> http.get("/api/v1/me/notifications?lang=es", Http.AS, "nk-leo").json(),
                n -> n.path("items").findValuesAsText("type").contains("contribution.approved"));
        assertTrue(decided.toString(), decided.toString().contains("nk-ana aprobó tu contribución a «Harbour walk»: 12 puntos"));
        // The claimant acted on the claim: no notification of their own claim.
        assertFalse(http.get("/api/v1/me/notifications", Http.AS, "nk-leo").json().path("items").findValuesAsText("type").contains("contribution.claimed"));
    }

    @Test
    public void preferencesTurnedOffMeanNoEmail() {
        Http http = Platform.http();
        Platform.awaitReady(http);
        http.tokenOf("np-ada");
        http.tokenOf("np-quiet");
        http.tokenOf("np-loud");
        Http.Answer off = http.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("membership", Map.of("email", false))), Http.AS, "np-quiet");
        assertEquals(off.toString(), 200, off.status());
        assertFalse(off.json().path("channels").path("membership").path("email").asBoolean());
        assertTrue(off.json().path("channels").path("membership").path("inApp").asBoolean());
        assertTrue(off.json().path("channels").path("content").path("email").asBoolean());
        assertEquals("en", off.json().path("language").asText());
        assertFalse(http.get("/api/v1/me/notification-preferences", Http.AS, "np-quiet").json().path("channels").path("membership").path("email").asBoolean());

        String team = team(http, "np-ada", "Quiet ones");
        addMember(http, "np-ada", team, "np-quiet");
        addMember(http, "np-ada", team, "np-loud");
        // E-mails leave one at a time, in order: once the later one arrived, the earlier one would have too.
        Mail loud = awaitMail("np-loud@example.org");
        assertEquals("[Interlink Test] np-ada added you to the team “Quiet ones”", loud.subject());
        assertTrue(loud.text(), loud.text().startsWith("Hello np-loud,"));
        assertTrue(mails().stream().noneMatch(m -> m.to().equals("np-quiet@example.org")));
        // In the app it is there all the same.
        assertEquals("team.member-added", awaitNotifications(http, "np-quiet", 1).path("items").path(0).path("type").asText());

        // In-app off too: nothing is kept.
        http.tokenOf("np-none");
        assertEquals(200, http.put("/api/v1/me/notification-preferences", Map.of("channels",
                Map.of("membership", Map.of("email", false, "inApp", false))), Http.AS, "np-none").status());
        addMember(http, "np-ada", team, "np-none");
        addMember(http, "np-ada", team(http, "np-ada", "After"), "np-loud");
        awaitNotifications(http, "np-loud", 2);
        assertEquals(0, http.get("/api/v1/me/notifications", Http.AS, "np-none").json().path("total").asInt());
    }

    @Test
    public void readArchiveAndUnreadCounts() {
        Http http = Platform.http();
        Platform.awaitReady(http);
        http.tokenOf("nr-ada");
        http.tokenOf("nr-ben");
        for (int i = 0; i < 3; i++) addMember(http, "nr-ada", team(http, "nr-ada", "Team " + i), "nr-ben");
        JsonNode all = awaitNotifications(http, "nr-ben", 3);
        assertEquals(3, all.path("unread").asInt());
        String first = all.path("items").path(0).path("id").asText();
        String second = all.path("items").path(1).path("id").asText();

        Http.Answer read = http.patch("/api/v1/me/notifications/" + first, Map.of("state", "read"), Http.AS, "nr-ben");
        assertEquals(read.toString(), 200, read.status());
        assertEquals("read", read.json().path("state").asText());
        assertEquals(2, http.get("/api/v1/me/notifications/unread-count", Http.AS, "nr-ben").json().path("unread").asInt());
        assertEquals(1, http.get("/api/v1/me/notifications?state=read", Http.AS, "nr-ben").json().path("total").asInt());
        assertEquals(2, http.get("/api/v1/me/notifications?state=unread", Http.AS, "nr-ben").json().path("total").asInt());
        // Paging.
        JsonNode page = http.get("/api/v1/me/notifications?limit=1&offset=1", Http.AS, "nr-ben").json();
        assertEquals(1, page.path("items").size());
        assertEquals(3, page.path("total").asInt());
        assertEquals(second, page.path("items").path(0).path("id").asText());

        Http.Answer archived = http.patch("/api/v1/me/notifications/" + second, Map.of("state", "archived"), Http.AS, "nr-ben");
        assertEquals("archived", archived.json().path("state").asText());
        assertEquals(2, http.get("/api/v1/me/notifications", Http.AS, "nr-ben").json().path("total").asInt());
        assertEquals(second, http.get("/api/v1/me/notifications?state=archived", Http.AS, "nr-ben").json().path("items").path(0).path("id").asText());
        assertEquals(1, http.get("/api/v1/me/notifications/unread-count", Http.AS, "nr-ben").json().path("unread").asInt());

        Http.Answer allRead = http.post("/api/v1/me/notifications/mark-all", Map.of("state", "read"), Http.AS, "nr-ben");
        assertEquals(allRead.toString(), 200, allRead.status());
        assertEquals(0, allRead.json().path("unread").asInt());
        assertEquals(2, allRead.json().path("changed").asInt()); // the archived one stays archived
        assertEquals("archived", http.get("/api/v1/me/notifications?state=archived", Http.AS, "nr-ben").json().path("items").path(0).path("state").asText());
        assertEquals(200, http.patch("/api/v1/me/notifications/" + first, Map.of("state", "unread"), Http.AS, "nr-ben").status());
        assertEquals(1, http.get("/api/v1/me/notifications/unread-count", Http.AS, "nr-ben").json().path("unread").asInt());
        Http.Answer archiveAll = http.post("/api/v1/me/notifications/mark-all", Map.of("state", "archived"), Http.AS, "nr-ben");
        assertEquals(2, archiveAll.json().path("changed").asInt());
        assertEquals(0, http.get("/api/v1/me/notifications", Http.AS, "nr-ben").json().path("total").asInt());
        assertEquals(3, http.get("/api/v1/me/notifications?state=archived", Http.AS, "nr-ben").json().path("total").asInt());

        // The person's data export (GDPR) carries them.
        assertEquals(3, http.get("/api/v1/me/export", Http.AS, "nr-ben").json().path("notifications").size());
        // Someone else's notification does not exist for the caller.
        assertProblem(http.patch("/api/v1/me/notifications/" + first, Map.of("state", "read"), Http.AS, "nr-ada"), 404);
        assertProblem(http.patch("/api/v1/me/notifications/no-such-id", Map.of("state", "read"), Http.AS, "nr-ben"), 404);
    }

    @Test
    public void theStreamPushesNewNotificationsLive() throws Exception {
        Http http = Platform.http();
        Platform.awaitReady(http);
        http.tokenOf("ns-ada");
        http.tokenOf("ns-eve");
        try (Http.EventStream stream = http.stream("/api/v1/me/notifications/stream?lang=es", Http.AS, "ns-eve");
                Http.EventStream other = http.stream("/api/v1/me/notifications/stream", Http.AS, "ns-ada")) {
            assertEquals(stream.body(), 200, stream.status());
            assertTrue(stream.header("Content-Type"), stream.header("Content-Type").startsWith("text/event-stream"));
            assertNotNull("the stream says it is connected", stream.nextComment(Duration.ofSeconds(10)));
            assertNotNull(other.nextComment(Duration.ofSeconds(10)));
            String team = team(http, "ns-ada", "En directo");
            addMember(http, "ns-ada", team, "ns-eve");
            Map<String, String> event = stream.next(Duration.ofSeconds(20));
            assertNotNull("an event within 20 s", event);
            assertEquals("notification", event.get("event"));
            JsonNode data = Http.JSON.readTree(event.get("data"));
            assertEquals(event.get("id"), data.path("id").asText());
            assertEquals("team.member-added", data.path("type").asText());
            assertEquals("ns-ada te añadió al equipo «En directo»", data.path("title").asText());
            assertEquals("#/teams/" + team, data.path("link").asText());
            // The same notification is in the list; the actor's stream got nothing.
            assertEquals(data.path("id").asText(), http.get("/api/v1/me/notifications", Http.AS, "ns-eve").json().path("items").path(0).path("id").asText());
            assertEquals(null, other.next(Duration.ofSeconds(2)));
        }
    }

    /**
     * On PostgreSQL (issue #13): a notification that another node stored and announced (NOTIFY with its id, at
     * its commit) reaches the pages open on this node. The other node is played by a plain connection to the
     * same database.
     */
    @Test
    public void onPostgresANotificationMadeElsewhereReachesThisNodesPages() throws Exception {
        Assume.assumeTrue("the cluster transport is PostgreSQL's", "postgres".equals(System.getProperty(Platform.STORE)));
        Http http = Platform.http();
        Platform.awaitReady(http);
        http.tokenOf("nc-fay");
        try (Http.EventStream stream = http.stream("/api/v1/me/notifications/stream", Http.AS, "nc-fay")) {
            assertNotNull(stream.nextComment(Duration.ofSeconds(10)));
            String id = UUID.randomUUID().toString();
            try (java.sql.Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO notification (id, user_name, type, state, actor, process_id, subject_type,"
                        + " subject_id, parameters, created_at) VALUES (?, 'nc-fay', 'team.member-added', 'unread', 'nc-elsewhere', NULL, 'team', 't-elsewhere',"
                        + " '{\"team\":\"Elsewhere\"}', CURRENT_TIMESTAMP)")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT pg_notify('interlink_notification', ?)")) {
                    ps.setString(1, id);
                    ps.execute();
                }
                c.commit();
            }
            Map<String, String> event = stream.next(Duration.ofSeconds(20));
            assertNotNull("the announced notification within 20 s", event);
            assertEquals(id, event.get("id"));
            assertEquals("nc-elsewhere added you to the team “Elsewhere”", Http.JSON.readTree(event.get("data")).path("title").asText());
        }
    }

    /** Stopping the notifications bundle ends the open streams cleanly (the page sees the end and reconnects). */
    @Test
    public void stoppingTheBundleEndsTheStreams() throws Exception {
        Http http = Platform.http();
        Platform.awaitReady(http);
        http.tokenOf("nq-gil");
        Bundle notifications = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "eu.interlink.notifications".equals(b.getSymbolicName())).findFirst().orElseThrow();
        try (Http.EventStream stream = http.stream("/api/v1/me/notifications/stream", Http.AS, "nq-gil")) {
            assertNotNull(stream.nextComment(Duration.ofSeconds(10)));
            notifications.stop();
            try {
                assertTrue("the stream ends within 10 s", stream.ended(Duration.ofSeconds(10)));
            } finally {
                notifications.start();
            }
        }
        Platform.awaitReady(http);
        try (Http.EventStream again = http.stream("/api/v1/me/notifications/stream", Http.AS, "nq-gil")) {
            assertEquals(again.body(), 200, again.status());
            addMember(http, "nq-ada", team(http, "nq-ada", "Back"), "nq-gil");
            assertNotNull("an event after the restart", again.next(Duration.ofSeconds(20)));
        }
    }

    @Test
    public void anonymousCallersAndBadInputAreRefusedWithProblems() {
        Http anonymous = Platform.http();
        Platform.awaitReady(anonymous);
        assertProblem(anonymous.get("/api/v1/me/notifications"), 401);
        assertProblem(anonymous.get("/api/v1/me/notifications/unread-count"), 401);
        assertProblem(anonymous.get("/api/v1/me/notification-preferences"), 401);
        assertProblem(anonymous.put("/api/v1/me/notification-preferences", Map.of("language", "es")), 401);
        assertProblem(anonymous.post("/api/v1/me/notifications/mark-all", Map.of("state", "read")), 401);
        try (Http.EventStream s = anonymous.stream("/api/v1/me/notifications/stream")) {
            assertEquals(401, s.status());
            assertTrue(s.body(), s.body().contains("unauthenticated"));
        }

        Http http = Platform.http();
        http.tokenOf("nb-zed");
        assertEquals("state", assertProblem(http.get("/api/v1/me/notifications?state=bogus", Http.AS, "nb-zed"), 400).path("parameter").asText());
        assertEquals("limit", assertProblem(http.get("/api/v1/me/notifications?limit=0", Http.AS, "nb-zed"), 400).path("parameter").asText());
        assertEquals("lang", assertProblem(http.get("/api/v1/me/notifications?lang=fr", Http.AS, "nb-zed"), 400).path("parameter").asText());
        assertProblem(http.patch("/api/v1/me/notifications/x", Map.of("state", "gone"), Http.AS, "nb-zed"), 400);
        assertProblem(http.patch("/api/v1/me/notifications/x", Map.of("colour", "red"), Http.AS, "nb-zed"), 400);
        assertProblem(http.patch("/api/v1/me/notifications/x", Map.of(), Http.AS, "nb-zed"), 400);
        assertProblem(http.post("/api/v1/me/notifications/mark-all", Map.of(), Http.AS, "nb-zed"), 400);
        assertProblem(http.post("/api/v1/me/notifications/mark-all", Map.of("state", 3), Http.AS, "nb-zed"), 400);
        assertProblem(http.put("/api/v1/me/notification-preferences", Map.of("language", "fr"), Http.AS, "nb-zed"), 400);
        assertProblem(http.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("gossip", Map.of("email", true))), Http.AS, "nb-zed"), 400);
        assertProblem(http.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("content", Map.of("pigeon", true))), Http.AS, "nb-zed"), 400);
        assertProblem(http.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("content", Map.of("email", "yes"))), Http.AS, "nb-zed"), 400);
        assertProblem(http.put("/api/v1/me/notification-preferences", Map.of("theme", "dark"), Http.AS, "nb-zed"), 400);
        assertProblem(http.put("/api/v1/me/notification-preferences", "[]", Http.AS, "nb-zed"), 400);
        assertProblem(http.method("DELETE", "/api/v1/me/notification-preferences", Http.AS, "nb-zed"), 405);
        assertProblem(http.method("DELETE", "/api/v1/me/notifications", Http.AS, "nb-zed"), 405);
        assertProblem(http.get("/api/v1/me/notifications/a/b", Http.AS, "nb-zed"), 404);
        // Nothing of it changed the preferences.
        assertEquals("en", http.get("/api/v1/me/notification-preferences", Http.AS, "nb-zed").json().path("language").asText());
    }
}
