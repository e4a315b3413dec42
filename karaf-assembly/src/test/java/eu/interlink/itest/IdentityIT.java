package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accounts over real HTTP: sign-up with the terms, sign-in and its rate limit, sign-out, password change ending
 * other sessions, CSRF, API tokens, the first operator, operators-only admin endpoints, the audit log, and the GDPR
 * export and erasure.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdentityIT {

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Test
    public void signUpSignInAndOut() {
        Http http = Platform.http();
        Platform.awaitReady(http);
        // The terms must be accepted, in their current version; the password follows the policy.
        Map<String, Object> form = new java.util.HashMap<>(Map.of("name", "lena", "email", "lena@example.org", "password", Http.PASSWORD));
        assertEquals("acceptTerms", assertProblem(http.post("/api/v1/auth/sign-up", form), 400).path("field").asText());
        form.put("acceptTerms", "1");
        assertEquals("password", assertProblem(http.post("/api/v1/auth/sign-up", Map.of("name", "lena", "email", "lena@example.org",
                "password", "short", "acceptTerms", "1")), 400).path("field").asText());
        assertEquals("name", assertProblem(http.post("/api/v1/auth/sign-up", Map.of("name", "Anonymous", "email", "a@example.org",
                "password", Http.PASSWORD, "acceptTerms", "1")), 400).path("field").asText());
        Http.Answer up = http.post("/api/v1/auth/sign-up", form);
        assertEquals(up.toString(), 201, up.status());
        assertEquals("1", up.json().path("termsVersion").asText());
        assertFalse(up.json().path("termsAcceptedAt").asText().isEmpty());
        assertProblem(http.post("/api/v1/auth/sign-up", form), 409);

        assertProblem(http.get("/api/v1/me"), 401);
        assertProblem(http.signIn("lena", "wrong password!"), 401);
        Http.Answer in = http.signIn("lena", Http.PASSWORD);
        assertEquals(in.toString(), 200, in.status());
        String cookies = String.join(" | ", in.headers().allValues("Set-Cookie"));
        assertTrue(cookies, cookies.matches("(?s).*interlink_session=[^;]+; Path=/; Max-Age=\\d+; SameSite=Lax; HttpOnly.*"));
        assertTrue(cookies, cookies.matches("(?s).*interlink_csrf=[^;]+; Path=/; Max-Age=\\d+; SameSite=Lax(?!; HttpOnly).*"));
        assertEquals(http.cookie("interlink_csrf"), in.json().path("csrfToken").asText());
        assertEquals("lena", http.get("/api/v1/me").json().path("name").asText());

        assertEquals(204, http.post("/api/v1/auth/sign-out", Map.of()).status());
        assertProblem(http.get("/api/v1/me"), 401);
    }

    @Test
    public void signInIsRateLimitedPerAccount() {
        Http http = Platform.signedIn("rita").clearCookies();
        for (int i = 0; i < 5; i++) assertProblem(http.signIn("rita", "not the password " + i), 401);
        Http.Answer limited = http.signIn("rita", Http.PASSWORD);
        assertProblem(limited, 429);
        long retry = Long.parseLong(limited.header("Retry-After"));
        assertTrue("Retry-After " + retry, retry > 0 && retry <= 15 * 60 + 1);
        // Another account from the same address is not locked out by rita's failures (the per-address limit is higher).
        assertEquals(200, Platform.http().signUp("rolf").get("/api/v1/me").status());
    }

    @Test
    public void csrfIsCheckedForCookieRequests() {
        Http http = Platform.signedIn("carl");
        Map<String, Object> token = Map.of("name", "script");
        http.echoCsrf(false);
        assertEquals("urn:interlink:problem:csrf", assertProblem(http.post("/api/v1/me/tokens", token), 403).path("type").asText());
        assertProblem(http.post("/api/v1/me/tokens", token, "X-CSRF-Token", "not-the-token"), 403);
        assertEquals(201, http.post("/api/v1/me/tokens", token, "X-CSRF-Token", http.cookie("interlink_csrf")).status());
        // Reads need no token.
        assertEquals(200, http.get("/api/v1/me/tokens").status());
    }

    @Test
    public void passwordChangeEndsOtherSessions() {
        Http one = Platform.signedIn("pia");
        Http two = Platform.http();
        assertEquals(200, two.signIn("pia", Http.PASSWORD).status());
        assertEquals(200, two.get("/api/v1/me").status());
        assertEquals("oldPassword", assertProblem(one.post("/api/v1/me/password", Map.of("oldPassword", "wrong one!", "newPassword", "a new passphrase")), 403)
                .path("field").asText());
        assertEquals(204, one.post("/api/v1/me/password", Map.of("oldPassword", Http.PASSWORD, "newPassword", "a new passphrase")).status());
        assertEquals(200, one.get("/api/v1/me").status());
        assertProblem(two.get("/api/v1/me"), 401);
        assertProblem(Platform.http().signIn("pia", Http.PASSWORD), 401);
        assertEquals(200, Platform.http().signIn("pia", "a new passphrase").status());
    }

    @Test
    public void apiTokensWorkUntilRevoked() {
        Http owner = Platform.signedIn("tom");
        Http.Answer made = owner.post("/api/v1/me/tokens", Map.of("name", "nightly import"));
        assertEquals(made.toString(), 201, made.status());
        String secret = made.json().path("token").asText();
        assertTrue(secret, secret.startsWith("ilt_"));
        JsonNode listed = owner.get("/api/v1/me/tokens").json().path("items");
        assertEquals(1, listed.size());
        assertTrue(listed.get(0).path("token").isMissingNode());
        assertEquals(secret.substring(0, 10), listed.get(0).path("prefix").asText());

        Http script = Platform.http().bearer(secret);
        assertEquals("tom", script.get("/api/v1/me").json().path("name").asText());
        // A token needs no CSRF header: no browser sends it on its own.
        assertEquals(201, script.post("/api/v1/processes", Map.of("name", "Scripted")).status());

        assertEquals(204, owner.delete("/api/v1/me/tokens/" + made.json().path("id").asText()).status());
        assertProblem(script.get("/api/v1/me"), 401);
        assertProblem(Platform.http().bearer("ilt_forged").get("/api/v1/interlinkers"), 401);
        assertProblem(Platform.http().get("/api/v1/me", "Authorization", "Basic dG9tOnB3"), 401);
    }

    @Test
    public void adminEndpointsAreForOperatorsOnly() {
        Http operator = Platform.operator();
        JsonNode me = operator.get("/api/v1/me").json();
        assertEquals(Platform.OPERATOR, me.path("name").asText());
        assertEquals("operator", me.path("roles").path(0).asText());
        Http user = Platform.signedIn("uma");
        Http nobody = Platform.http();
        for (String path : List.of("/api/v1/admin/interlinkers", "/api/v1/admin/knowledge-packs", "/api/v1/admin/accounts", "/api/v1/admin/audit")) {
            assertProblem(nobody.get(path), 401);
            assertProblem(user.get(path), 403);
            assertEquals(path, 200, operator.get(path).status());
        }
        assertProblem(nobody.post("/api/v1/admin/import", Map.of("folder", "/tmp")), 401);
        assertProblem(user.post("/api/v1/admin/import", Map.of("folder", "/tmp")), 403);
        assertProblem(nobody.post("/api/v1/processes", Map.of("name", "x")), 401);

        // An operator makes another one; the change is audited.
        assertProblem(user.put("/api/v1/admin/accounts/uma/roles", Map.of("roles", List.of("operator"))), 403);
        Http.Answer granted = operator.put("/api/v1/admin/accounts/uma/roles", Map.of("roles", List.of("operator")));
        assertEquals(granted.toString(), 200, granted.status());
        assertEquals(200, user.get("/api/v1/admin/accounts").status());
        JsonNode audit = operator.get("/api/v1/admin/audit?account=uma").json().path("items");
        assertEquals("roles-changed", audit.get(0).path("event").asText());
        assertEquals(Platform.OPERATOR, audit.get(0).path("actor").asText());
        // The first operator came from the configuration.
        JsonNode all = operator.get("/api/v1/admin/audit?account=" + Platform.OPERATOR + "&limit=1000").json().path("items");
        boolean created = false;
        for (JsonNode e : all) created |= e.path("event").asText().equals("account-created") && e.path("actor").asText().equals("configuration");
        assertTrue(all.toString(), created);
    }

    @Test
    public void exportHoldsTheCallersDataAndErasurePseudonymises() {
        Http ida = Platform.signedIn("ida");
        Http other = Platform.signedIn("otto");
        // Public, so that anyone can see afterwards what is left of it once ida has gone.
        String mine = ida.post("/api/v1/processes", Map.of("name", "Ida's process", "public", true)).json().path("id").asText();
        Coproduction.createProcess(other, "Otto's process");
        ida.post("/api/v1/me/tokens", Map.of("name", "ida's script"));

        Http.Answer export = ida.get("/api/v1/me/export");
        assertEquals(export.toString(), 200, export.status());
        JsonNode data = export.json();
        assertEquals("ida", data.path("account").path("name").asText());
        assertEquals(1, data.path("tokens").size());
        assertTrue(data.path("sessions").size() >= 1);
        assertEquals(1, data.path("administeredProcesses").size());
        assertEquals(mine, data.path("administeredProcesses").get(0).path("id").asText());
        assertTrue(data.path("audit").size() >= 2);
        assertFalse(export.body(), export.body().contains("otto"));

        // A revision of a shared document, in an Interlinker's own data, names its author.
        Await.until("the editor Interlinker", Duration.ofSeconds(60), () -> ida.get("/api/v1/interlinkers/editor"), a -> a.status() == 200);
        Http.Answer doc = ida.post("/api/v1/assets", Map.of("interlinker", "editor", "params", Map.of("title", "Ida's notes")));
        assertEquals(doc.toString(), 201, doc.status());
        String pages = "/interlinkers/editor/assets/" + doc.json().path("id").asText();
        long revision = ida.get(pages + "/document").json().path("revision").asLong();
        Http.Answer saved = ida.put(pages + "/document", Map.of("html", "<p>Written by Ida</p>"), "If-Match", "\"" + revision + "\"");
        assertEquals(saved.toString(), 200, saved.status());
        assertTrue(ida.get(pages + "/revisions").body().contains("\"ida\""));

        Http.Answer erased = ida.delete("/api/v1/me");
        assertEquals(erased.toString(), 200, erased.status());
        String pseudonym = erased.json().path("pseudonym").asText();
        assertTrue(pseudonym, pseudonym.startsWith("erased-"));
        assertProblem(ida.get("/api/v1/me"), 401);
        assertProblem(Platform.http().signIn("ida", Http.PASSWORD), 401);
        JsonNode process = Platform.http().get("/api/v1/processes/" + mine).json();
        assertEquals(pseudonym, process.path("createdBy").asText());
        assertFalse(process.toString(), process.toString().contains("\"ida\""));
        String revisions = Platform.http().get(pages + "/revisions").body();
        assertFalse(revisions, revisions.contains("\"ida\""));
        assertTrue(revisions, revisions.contains("\"" + pseudonym + "\""));
        assertEquals("<p>Written by Ida</p>", Platform.http().get(pages + "/document").json().path("html").asText());
        JsonNode audit = Platform.operator().get("/api/v1/admin/audit?account=" + pseudonym).json().path("items");
        assertEquals("account-erased", audit.get(0).path("event").asText());
        assertNotNull(pseudonym);
        assertNotEquals("ida", pseudonym);
    }
}
