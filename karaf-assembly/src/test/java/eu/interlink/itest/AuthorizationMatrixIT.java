package eu.interlink.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every operation the platform's OpenAPI document describes, called by each role against resources the role owns
 * and does not own, with the exact status expected. Roles: someone anonymous, a signed-in stranger, a platform
 * operator (who runs the platform, and holds no right inside anyone's process), a member of a team with an
 * access-only grant on the private process, and the administrator of the process, its teams and organisation.
 *
 * <p>The test fails when the document describes an operation this table does not cover, so a new endpoint cannot
 * arrive without its rule. The Interlinkers' own endpoints on an asset of the private process are checked as a
 * family: a role without access gets exactly what it would get for an asset that does not exist (no leak), and a
 * role with access is not refused. Denials carry RFC 9457 problems that never name the private resource.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorizationMatrixIT {
    private enum Role { ANONYMOUS, STRANGER, OPERATOR, MEMBER, ADMIN }

    private static final String PRIVATE_NAME = "Matrix private process";
    private static final String ADMIN = "mx-ada";
    private static final String MEMBER = "mx-meg";
    private static final String STRANGER = "mx-sam";
    private static final String EXTRA = "mx-extra";

    private final Map<Role, Http> clients = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int calls;

    // Fixtures.
    private String p;
    private String task;
    private String phase;
    private String asset;
    private String loose;
    private String team;
    private String grant;
    private String q;
    private String teamQ;
    private String org;
    private String finished;
    private String story;
    private String publicTeam;
    private String strangerApplication;
    private String memberApplication;
    private String adminToken;
    private String memberNotification;
    private String claimable;
    private String toApprove;
    private String toReject;

    /** One operation: how each role calls it and what each must get (in the order of {@link Role}). */
    private record Case(String method, String template, Function<Role, String> path, Function<Role, Object> body, int[] expected) {
    }

    private final List<Case> cases = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    private Http as(Role role) {
        return clients.get(role);
    }

    private static int[] statuses(int anonymous, int stranger, int operator, int member, int admin) {
        return new int[] {anonymous, stranger, operator, member, admin};
    }

    private static int[] all(int status) {
        return statuses(status, status, status, status, status);
    }

    /** Reading something of the private process: only its administrator and the team member may. */
    private static int[] processRead(int ok) {
        return statuses(404, 404, 404, ok, ok);
    }

    /** Changing the private process: 401 without an account, 404 to whoever may not read it, 403 to the member. */
    private static int[] processAdmin(int ok) {
        return statuses(401, 404, 404, 403, ok);
    }

    private static int[] signedIn(int ok) {
        return statuses(401, ok, ok, ok, ok);
    }

    private static int[] operatorOnly(int ok) {
        return statuses(401, 403, ok, 403, 403);
    }

    private void add(String method, String template, String path, Object body, int[] expected) {
        cases.add(new Case(method, template, r -> path, r -> body, expected));
    }

    private void add(String method, String template, Function<Role, String> path, Object body, int[] expected) {
        cases.add(new Case(method, template, path, r -> body, expected));
    }

    /** The administrator's own call works on something made for it, so the fixtures the others use survive. */
    private static Function<Role, String> adminGets(Supplier<String> fresh, String others) {
        return r -> r == Role.ADMIN ? fresh.get() : others;
    }

    @Test
    public void everyEndpointAnswersEachRoleExactly() throws Exception {
        Http anonymous = Platform.http();
        Platform.awaitReady(anonymous);
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> anonymous.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
        clients.put(Role.ANONYMOUS, anonymous);
        clients.put(Role.STRANGER, Platform.signedIn(STRANGER));
        clients.put(Role.OPERATOR, Platform.operator());
        // The whole shared catalogue (schemas, problem profiles, knowledge Interlinkers), as an operator imports it.
        ok(as(Role.OPERATOR).post("/api/v1/admin/import", Map.of("folder", Platform.seedCatalogue().getAbsolutePath())), 200);
        clients.put(Role.MEMBER, Platform.signedIn(MEMBER));
        clients.put(Role.ADMIN, Platform.signedIn(ADMIN));
        Platform.signedIn(EXTRA);
        fixtures();
        table();
        coverage(anonymous);
        for (Case c : cases) run(c);
        lists();
        interlinkerPages();
        assertTrue(calls + " calls; " + failures.size() + " answers differ from the table:\n" + String.join("\n", failures), failures.isEmpty());
    }

    // ------------------------------------------------------------------ fixtures

    private JsonNode ok(Http.Answer a, int status) {
        assertEquals(a.toString(), status, a.status());
        return a.body().isEmpty() ? null : a.json();
    }

    private String id(Http.Answer a) {
        return ok(a, 201).path("id").asText();
    }

    private void fixtures() {
        Http admin = as(Role.ADMIN);
        p = id(admin.post("/api/v1/processes", Map.of("name", PRIVATE_NAME)));
        JsonNode tree = ok(admin.post("/api/v1/processes/" + p + "/schema", Map.of("schema", "default")), 201);
        task = Coproduction.find(tree, "task-understand_the_different_types_of_stakeholders").path("id").asText();
        phase = Coproduction.find(tree, "phase-engage").path("id").asText();
        team = id(admin.post("/api/v1/teams", Map.of("name", "Matrix team", "type", "citizen")));
        ok(admin.post("/api/v1/teams/" + team + "/members", Map.of("user", MEMBER)), 201);
        // Being added to the team is the member's notification (made a moment later, from the event).
        memberNotification = Await.until("the member's notification", Duration.ofSeconds(20), () -> as(Role.MEMBER).get("/api/v1/me/notifications"),
                a -> a.json().path("items").size() > 0).json().path("items").path(0).path("id").asText();
        grant = id(admin.post("/api/v1/processes/" + p + "/permissions", Map.of("team", team, "access", true)));
        asset = id(admin.post("/api/v1/processes/" + p + "/tasks/" + task + "/assets",
                Map.of("kind", "internal", "interlinker", "checklist", "params", Map.of("title", "Matrix checklist", "items", List.of("One")))));
        loose = id(admin.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", "Loose"))));
        q = id(admin.post("/api/v1/processes", Map.of("name", "Matrix public process", "public", true)));
        teamQ = id(admin.post("/api/v1/teams", Map.of("name", "Matrix helpers", "type", "citizen")));
        ok(admin.post("/api/v1/processes/" + q + "/permissions", Map.of("team", teamQ, "access", true)), 201);
        finished = id(admin.post("/api/v1/processes", Map.of("name", "Matrix finished process")));
        ok(admin.patch("/api/v1/processes/" + finished, Map.of("status", "finished")), 200);
        story = id(admin.post("/api/v1/stories", Map.of("process", finished, "title", "Matrix story", "summary", "Told")));
        ok(as(Role.STRANGER).post("/api/v1/processes/" + q + "/participation-requests", Map.of("message", "Let me help")), 201);
        org = id(admin.post("/api/v1/organisations", Map.of("name", Map.of("en", "Matrix organisation"), "public", false)));
        String publicOrg = id(admin.post("/api/v1/organisations", Map.of("name", Map.of("en", "Matrix open organisation"), "public", true)));
        publicTeam = id(admin.post("/api/v1/teams", Map.of("name", "Matrix open team", "organisation", publicOrg)));
        strangerApplication = id(as(Role.STRANGER).post("/api/v1/teams/" + publicTeam + "/applications", Map.of("message", "Me")));
        memberApplication = id(as(Role.MEMBER).post("/api/v1/teams/" + publicTeam + "/applications", Map.of("message", "Me too")));
        adminToken = id(admin.post("/api/v1/me/tokens", Map.of("name", "matrix")));
        // Contributions: an open assignment nobody claimed yet, two claims of the member's waiting for a decision.
        String cc = "/api/v1/contributions/" + p;
        claimable = freshAssignment();
        toApprove = id(as(Role.MEMBER).post(cc + "/assignments/" + freshAssignment() + "/claims", Map.of("description", "Matrix work")));
        toReject = id(as(Role.MEMBER).post(cc + "/assignments/" + freshAssignment() + "/claims", Map.of("description", "Matrix work")));
        ok(admin.put(cc + "/settings", Map.of("leaderboard", true)), 200);
    }

    private String freshAssignment() {
        return id(as(Role.ADMIN).post("/api/v1/contributions/" + p + "/assignments", Map.of("task", task, "kind", "development", "points", 5)));
    }

    private String freshProcess() {
        return id(as(Role.ADMIN).post("/api/v1/processes", Map.of("name", "Matrix fresh")));
    }

    private String freshProcessWithTree() {
        String id = freshProcess();
        ok(as(Role.ADMIN).post("/api/v1/processes/" + id + "/schema", Map.of("schema", "default")), 201);
        return id;
    }

    private String freshPhase() {
        return id(as(Role.ADMIN).post("/api/v1/processes/" + p + "/items", Map.of("type", "phase", "name", "Fresh phase")));
    }

    private String freshTeam() {
        return id(as(Role.ADMIN).post("/api/v1/teams", Map.of("name", "Fresh team", "type", "citizen")));
    }

    private String pendingRequestOf(String applicant) {
        for (JsonNode r : as(Role.ADMIN).get("/api/v1/processes/" + q + "/participation-requests?status=pending&limit=100").json().path("items")) {
            if (r.path("applicant").asText().equals(applicant)) return r.path("id").asText();
        }
        throw new AssertionError("No pending request of " + applicant);
    }

    // ------------------------------------------------------------------ the table

    private void table() {
        String pp = "/api/v1/processes/" + p;
        String profile = as(Role.ANONYMOUS).get("/api/v1/problemprofiles").json().path("items").path(0).path("id").asText();
        // The platform.
        add("GET", "/api/v1/health", "/api/v1/health", null, all(200));
        add("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", null, all(200));
        add("GET", "/api/v1/branding", "/api/v1/branding", null, all(200));
        add("GET", "/api/v1/branding/logo", "/api/v1/branding/logo", null, all(200));
        add("GET", "/api/v1/activity", "/api/v1/activity", null, operatorOnly(200));
        cases.add(new Case("GET", "/api/v1/activity", r -> "/api/v1/activity?process=" + p, r -> null, processRead(200)));
        // Assets outside processes are open to all; a process's assets follow its permissions.
        add("GET", "/api/v1/assets", "/api/v1/assets", null, all(200));
        add("POST", "/api/v1/assets", "/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", "Anyone's")), all(201));
        add("GET", "/api/v1/assets/{id}", "/api/v1/assets/" + asset, null, processRead(200));
        add("GET", "/api/v1/assets/{id}", "/api/v1/assets/" + loose, null, all(200));
        add("POST", "/api/v1/assets/{id}/copy", "/api/v1/assets/" + asset + "/copy", Map.of(), processRead(201));
        add("GET", "/api/v1/assets/{id}/download", "/api/v1/assets/" + asset + "/download", null, processRead(200));
        add("DELETE", "/api/v1/assets/{id}", adminGets(() -> "/api/v1/assets/" + id(as(Role.ADMIN).post("/api/v1/processes/" + p + "/tasks/" + task + "/assets",
                Map.of("kind", "external", "name", "Gone", "uri", "https://example.org"))), "/api/v1/assets/" + asset), null, statuses(404, 404, 404, 403, 204));
        // Operators run the platform.
        add("GET", "/api/v1/admin/interlinkers", "/api/v1/admin/interlinkers", null, operatorOnly(200));
        add("POST", "/api/v1/admin/interlinkers", "/api/v1/admin/interlinkers", Map.of(), operatorOnly(400));
        add("DELETE", "/api/v1/admin/interlinkers/{id}", "/api/v1/admin/interlinkers/mx-none", null, operatorOnly(404));
        add("GET", "/api/v1/admin/interlinkers/{id}/history", "/api/v1/admin/interlinkers/checklist/history", null, operatorOnly(200));
        // An upgrade names the new bundle: without one, the operator's call is a 400 before the id is looked up.
        add("POST", "/api/v1/admin/interlinkers/{id}/upgrade", "/api/v1/admin/interlinkers/mx-none/upgrade", Map.of(), operatorOnly(400));
        for (String action : List.of("rollback", "disable", "enable")) {
            add("POST", "/api/v1/admin/interlinkers/{id}/" + action, "/api/v1/admin/interlinkers/mx-none/" + action, Map.of(), operatorOnly(404));
        }
        add("POST", "/api/v1/admin/import", "/api/v1/admin/import", Map.of(), operatorOnly(400));
        add("GET", "/api/v1/admin/knowledge-packs", "/api/v1/admin/knowledge-packs", null, operatorOnly(200));
        add("GET", "/api/v1/admin/knowledge-packs/{symbolicName}", "/api/v1/admin/knowledge-packs/mx.none", null, operatorOnly(404));
        add("DELETE", "/api/v1/admin/knowledge-packs/{symbolicName}", "/api/v1/admin/knowledge-packs/mx.none", null, operatorOnly(404));
        add("GET", "/api/v1/admin/accounts", "/api/v1/admin/accounts", null, operatorOnly(200));
        add("PUT", "/api/v1/admin/accounts/{name}/roles", "/api/v1/admin/accounts/" + EXTRA + "/roles", Map.of("roles", List.of()), operatorOnly(200));
        add("GET", "/api/v1/admin/audit", "/api/v1/admin/audit", null, operatorOnly(200));
        add("GET", "/api/v1/admin/kpis/processes", "/api/v1/admin/kpis/processes", null, operatorOnly(200));
        add("GET", "/api/v1/admin/kpis/assets", "/api/v1/admin/kpis/assets?format=csv", null, operatorOnly(200));
        add("GET", "/api/v1/admin/kpis/active-users", "/api/v1/admin/kpis/active-users?period=week", null, operatorOnly(200));
        // The catalogue: everyone reads it, operators change it, accounts rate.
        add("GET", "/api/v1/interlinkers", "/api/v1/interlinkers", null, all(200));
        add("POST", "/api/v1/interlinkers", "/api/v1/interlinkers", external("mx-external"), operatorOnly(201));
        add("GET", "/api/v1/interlinkers/{id}", "/api/v1/interlinkers/mx-external", null, all(200));
        add("PUT", "/api/v1/interlinkers/{id}", "/api/v1/interlinkers/mx-external", external("mx-external"), operatorOnly(200));
        add("GET", "/api/v1/interlinkers/{id}/related", "/api/v1/interlinkers/checklist/related", null, all(200));
        add("GET", "/api/v1/interlinkers/{id}/ratings", "/api/v1/interlinkers/checklist/ratings", null, all(200));
        add("POST", "/api/v1/interlinkers/{id}/ratings", "/api/v1/interlinkers/checklist/ratings", Map.of("value", 4), signedIn(201));
        add("GET", "/api/v1/interlinkers/{id}/logo", "/api/v1/interlinkers/checklist/logo", null, all(404));
        add("GET", "/api/v1/interlinkers/{id}/snapshots/{n}", "/api/v1/interlinkers/checklist/snapshots/0", null, all(404));
        add("GET", "/api/v1/interlinkers/{id}/instructions", "/api/v1/interlinkers/checklist/instructions", null, all(404));
        add("GET", "/api/v1/interlinkers/{id}/resource", "/api/v1/interlinkers/checklist/resource", null, all(404));
        add("DELETE", "/api/v1/interlinkers/{id}", "/api/v1/interlinkers/mx-external", null, operatorOnly(204));
        add("GET", "/api/v1/problemprofiles", "/api/v1/problemprofiles", null, all(200));
        add("GET", "/api/v1/problemprofiles/{id}", "/api/v1/problemprofiles/" + profile, null, all(200));
        add("GET", "/api/v1/recommendations", "/api/v1/recommendations?problemProfiles=" + profile, null, all(200));
        // Schemas: everyone reads, operators change.
        add("GET", "/api/v1/schemas", "/api/v1/schemas", null, all(200));
        add("POST", "/api/v1/schemas", "/api/v1/schemas", schema("mx-schema"), operatorOnly(201));
        add("GET", "/api/v1/schemas/{id}", "/api/v1/schemas/mx-schema", null, all(200));
        add("PUT", "/api/v1/schemas/{id}", "/api/v1/schemas/mx-schema", schema("mx-schema"), operatorOnly(200));
        add("DELETE", "/api/v1/schemas/{id}", "/api/v1/schemas/mx-schema", null, operatorOnly(204));
        // Processes: lists hold what the caller may read (checked below); the private one is nobody else's business.
        add("GET", "/api/v1/processes", "/api/v1/processes", null, all(200));
        add("POST", "/api/v1/processes", "/api/v1/processes", Map.of("name", "Anyone's own"), signedIn(201));
        add("GET", "/api/v1/processes/{id}", pp, null, processRead(200));
        add("PATCH", "/api/v1/processes/{id}", pp, Map.of("aim", "Matrix"), processAdmin(200));
        add("PUT", "/api/v1/processes/{id}", pp, Map.of("name", PRIVATE_NAME), processAdmin(200));
        add("DELETE", "/api/v1/processes/{id}", adminGets(() -> "/api/v1/processes/" + freshProcess(), pp), null, processAdmin(204));
        add("GET", "/api/v1/processes/{id}/administrators", pp + "/administrators", null, processRead(200));
        add("POST", "/api/v1/processes/{id}/administrators", pp + "/administrators", Map.of("user", EXTRA), processAdmin(201));
        add("DELETE", "/api/v1/processes/{id}/administrators/{user}", pp + "/administrators/" + EXTRA, null, processAdmin(204));
        add("POST", "/api/v1/processes/{id}/schema", adminGets(() -> "/api/v1/processes/" + freshProcess() + "/schema", pp + "/schema"),
                Map.of("schema", "default"), processAdmin(201));
        add("DELETE", "/api/v1/processes/{id}/schema", adminGets(() -> "/api/v1/processes/" + freshProcessWithTree() + "/schema", pp + "/schema"),
                null, processAdmin(204));
        add("GET", "/api/v1/processes/{id}/tree", pp + "/tree", null, processRead(200));
        add("GET", "/api/v1/processes/{id}/rights", pp + "/rights", null, processRead(200));
        add("POST", "/api/v1/processes/{id}/items", pp + "/items", Map.of("type", "phase", "name", "Added"), processAdmin(201));
        add("GET", "/api/v1/processes/{id}/items/{itemId}", pp + "/items/" + task, null, processRead(200));
        add("GET", "/api/v1/processes/{id}/items/{itemId}/rights", pp + "/items/" + task + "/rights", null, processRead(200));
        add("PATCH", "/api/v1/processes/{id}/items/{itemId}", pp + "/items/" + task, Map.of("description", "Matrix"), processAdmin(200));
        add("DELETE", "/api/v1/processes/{id}/items/{itemId}", adminGets(() -> pp + "/items/" + freshPhase(), pp + "/items/" + phase), null, processAdmin(204));
        add("GET", "/api/v1/processes/{id}/tasks/{taskId}/assets", pp + "/tasks/" + task + "/assets", null, processRead(200));
        add("POST", "/api/v1/processes/{id}/tasks/{taskId}/assets", pp + "/tasks/" + task + "/assets",
                Map.of("kind", "external", "name", "Link", "uri", "https://example.org"), processAdmin(201));
        add("GET", "/api/v1/processes/{id}/tasks/{taskId}/recommendations", pp + "/tasks/" + task + "/recommendations", null, processRead(200));
        add("POST", "/api/v1/processes/{id}/items/{itemId}/disable", pp + "/items/" + task + "/disable", Map.of(), processAdmin(200));
        add("POST", "/api/v1/processes/{id}/items/{itemId}/enable", pp + "/items/" + task + "/enable", Map.of(), processAdmin(200));
        add("GET", "/api/v1/processes/{id}/permissions", pp + "/permissions", null, statuses(404, 404, 404, 403, 200));
        add("POST", "/api/v1/processes/{id}/permissions", pp + "/permissions", Map.of("team", team, "item", task, "access", true), processAdmin(201));
        add("PATCH", "/api/v1/processes/{id}/permissions/{permissionId}", pp + "/permissions/" + grant, Map.of("access", true), processAdmin(200));
        add("DELETE", "/api/v1/processes/{id}/permissions/{permissionId}", adminGets(() -> pp + "/permissions/" + id(as(Role.ADMIN).post(pp + "/permissions",
                Map.of("team", freshTeam(), "access", true))), pp + "/permissions/" + grant), null, processAdmin(204));
        // Clone and export: the process's administrators only (they carry every asset's data and the grants); import:
        // any account, and a JSON body is the wrong type (the happy path is ProcessTransferIT's).
        add("POST", "/api/v1/processes/{id}/clone", pp + "/clone", Map.of(), processAdmin(201));
        add("GET", "/api/v1/processes/{id}/export", pp + "/export", null, statuses(404, 404, 404, 403, 200));
        add("POST", "/api/v1/processes/import", "/api/v1/processes/import", Map.of(), statuses(401, 415, 415, 415, 415));
        // Participation: the private process takes none and says nothing; the public one takes requests from accounts.
        add("GET", "/api/v1/processes/{id}/participation-requests", pp + "/participation-requests", null, processRead(200));
        add("POST", "/api/v1/processes/{id}/participation-requests", pp + "/participation-requests", Map.of(), statuses(401, 404, 404, 409, 409));
        String qq = "/api/v1/processes/" + q + "/participation-requests";
        add("GET", "/api/v1/processes/{id}/participation-requests", qq, null, signedIn(200));
        add("POST", "/api/v1/processes/{id}/participation-requests", qq, Map.of(), statuses(401, 409, 201, 201, 409));
        add("POST", "/api/v1/processes/{id}/participation-requests/{requestId}/accept", r -> qq + "/" + pendingRequestOf(STRANGER) + "/accept",
                Map.of("team", teamQ), statuses(401, 403, 403, 403, 200));
        add("POST", "/api/v1/processes/{id}/participation-requests/{requestId}/decline", r -> qq + "/" + pendingRequestOf(MEMBER) + "/decline",
                Map.of(), statuses(401, 403, 403, 403, 200));
        // Contributions: the process's permissions; claims by whoever may work on the task, decisions by its administrators.
        String cc = "/api/v1/contributions/" + p;
        String ct = "/api/v1/contributions/{processId}";
        add("GET", ct + "/assignments", cc + "/assignments", null, processRead(200));
        add("POST", ct + "/assignments", cc + "/assignments", Map.of("task", task, "kind", "management", "points", 3), processAdmin(201));
        add("DELETE", ct + "/assignments/{assignmentId}", adminGets(() -> cc + "/assignments/" + freshAssignment(), cc + "/assignments/" + claimable), null,
                processAdmin(204));
        add("POST", ct + "/assignments/{assignmentId}/claims", cc + "/assignments/" + claimable + "/claims", Map.of("description", "Did it"),
                statuses(401, 404, 404, 201, 201));
        add("GET", ct + "/claims", cc + "/claims", null, processRead(200));
        add("POST", ct + "/claims/{claimId}/approve", cc + "/claims/" + toApprove + "/approve", Map.of(), processAdmin(200));
        add("POST", ct + "/claims/{claimId}/reject", cc + "/claims/" + toReject + "/reject", Map.of("reason", "Not this time"), processAdmin(200));
        add("GET", ct + "/settings", cc + "/settings", null, processRead(200));
        add("PUT", ct + "/settings", cc + "/settings", Map.of("leaderboard", true), processAdmin(200));
        add("GET", ct + "/leaderboard", cc + "/leaderboard", null, processRead(200));
        add("GET", ct + "/certificates/{user}", cc + "/certificates/" + MEMBER, null, processRead(200));
        // Accounts: about oneself.
        add("GET", "/api/v1/auth/sign-up", "/api/v1/auth/sign-up", null, all(200));
        add("POST", "/api/v1/auth/sign-in", "/api/v1/auth/sign-in", Map.of("name", ADMIN, "password", "not the password"), all(401));
        add("GET", "/api/v1/auth/oidc", "/api/v1/auth/oidc", null, all(409));
        add("GET", "/api/v1/auth/oidc/callback", "/api/v1/auth/oidc/callback", null, all(409));
        add("GET", "/api/v1/me", "/api/v1/me", null, signedIn(200));
        add("GET", "/api/v1/me/export", "/api/v1/me/export", null, signedIn(200));
        add("POST", "/api/v1/me/password", "/api/v1/me/password", Map.of("oldPassword", "not the password", "newPassword", "another long password"), signedIn(403));
        add("GET", "/api/v1/me/sessions", "/api/v1/me/sessions", null, signedIn(200));
        add("GET", "/api/v1/me/tokens", "/api/v1/me/tokens", null, signedIn(200));
        add("POST", "/api/v1/me/tokens", "/api/v1/me/tokens", Map.of("name", "matrix"), signedIn(201));
        add("DELETE", "/api/v1/me/tokens/{id}", "/api/v1/me/tokens/" + adminToken, null, statuses(401, 404, 404, 404, 204));
        add("GET", "/api/v1/me/teams", "/api/v1/me/teams", null, signedIn(200));
        add("GET", "/api/v1/me/applications", "/api/v1/me/applications", null, signedIn(200));
        // Notifications: only ever the caller's own; the member's (added to the team) is nobody else's to change.
        add("GET", "/api/v1/me/notifications", "/api/v1/me/notifications", null, signedIn(200));
        add("GET", "/api/v1/me/notifications/unread-count", "/api/v1/me/notifications/unread-count", null, signedIn(200));
        add("GET", "/api/v1/me/notifications/stream", "/api/v1/me/notifications/stream", null, signedIn(200));
        add("PATCH", "/api/v1/me/notifications/{id}", "/api/v1/me/notifications/" + memberNotification, Map.of("state", "read"), statuses(401, 404, 404, 200, 404));
        add("POST", "/api/v1/me/notifications/mark-all", "/api/v1/me/notifications/mark-all", Map.of("state", "read"), signedIn(200));
        add("GET", "/api/v1/me/notification-preferences", "/api/v1/me/notification-preferences", null, signedIn(200));
        add("PUT", "/api/v1/me/notification-preferences", "/api/v1/me/notification-preferences",
                Map.of("channels", Map.of("content", Map.of("email", true))), signedIn(200));
        // Teams: the private team is its members' and administrators' (and visible to operators, who may not change it).
        String tt = "/api/v1/teams/" + team;
        add("GET", "/api/v1/teams", "/api/v1/teams", null, all(200));
        add("POST", "/api/v1/teams", "/api/v1/teams", Map.of("name", "Anyone's team", "type", "citizen"), signedIn(201));
        add("GET", "/api/v1/teams/{id}", tt, null, statuses(404, 404, 200, 200, 200));
        add("PATCH", "/api/v1/teams/{id}", tt, Map.of("description", "Matrix"), statuses(401, 404, 403, 403, 200));
        add("GET", "/api/v1/teams/{id}/members", tt + "/members", null, statuses(404, 404, 200, 200, 200));
        add("POST", "/api/v1/teams/{id}/members", tt + "/members", Map.of("user", EXTRA), statuses(401, 404, 403, 403, 201));
        add("GET", "/api/v1/teams/{id}/administrators", tt + "/administrators", null, statuses(404, 404, 200, 200, 200));
        add("POST", "/api/v1/teams/{id}/administrators", tt + "/administrators", Map.of("user", EXTRA), statuses(401, 404, 403, 403, 201));
        add("DELETE", "/api/v1/teams/{id}/administrators/{user}", tt + "/administrators/" + EXTRA, null, statuses(401, 404, 403, 403, 204));
        add("DELETE", "/api/v1/teams/{id}/members/{user}", tt + "/members/" + EXTRA, null, statuses(401, 404, 403, 403, 204));
        add("GET", "/api/v1/teams/{id}/applications", tt + "/applications", null, statuses(401, 404, 200, 200, 200));
        add("POST", "/api/v1/teams/{id}/applications", tt + "/applications", Map.of(), statuses(401, 404, 201, 409, 409));
        String ta = "/api/v1/teams/" + publicTeam + "/applications/";
        // An application is its applicant's and the team's administrators'; to anyone else it does not exist.
        add("GET", "/api/v1/teams/{id}/applications/{appId}", ta + strangerApplication, null, statuses(401, 200, 404, 404, 200));
        add("POST", "/api/v1/teams/{id}/applications/{appId}/accept", ta + strangerApplication + "/accept", Map.of(), statuses(401, 403, 404, 404, 200));
        add("POST", "/api/v1/teams/{id}/applications/{appId}/decline", ta + memberApplication + "/decline", Map.of(), statuses(401, 404, 404, 403, 200));
        add("DELETE", "/api/v1/teams/{id}", adminGets(() -> "/api/v1/teams/" + freshTeam(), tt), null, statuses(401, 404, 403, 403, 204));
        // Organisations: the private one is its administrators' (and visible to operators).
        String oo = "/api/v1/organisations/" + org;
        add("GET", "/api/v1/organisations", "/api/v1/organisations", null, all(200));
        add("POST", "/api/v1/organisations", "/api/v1/organisations", Map.of("name", Map.of("en", "Anyone's")), signedIn(201));
        add("GET", "/api/v1/organisations/{id}", oo, null, statuses(404, 404, 200, 404, 200));
        add("PATCH", "/api/v1/organisations/{id}", oo, Map.of("public", false), statuses(401, 404, 403, 404, 200));
        add("GET", "/api/v1/organisations/{id}/administrators", oo + "/administrators", null, statuses(404, 404, 200, 404, 200));
        add("POST", "/api/v1/organisations/{id}/administrators", oo + "/administrators", Map.of("user", EXTRA), statuses(401, 404, 403, 404, 201));
        add("DELETE", "/api/v1/organisations/{id}/administrators/{user}", oo + "/administrators/" + EXTRA, null, statuses(401, 404, 403, 404, 204));
        add("DELETE", "/api/v1/organisations/{id}", adminGets(() -> "/api/v1/organisations/" + id(as(Role.ADMIN).post("/api/v1/organisations",
                Map.of("name", Map.of("en", "Fresh"))))  , oo), null, statuses(401, 404, 403, 404, 204));
        String ss = "/api/v1/stories/" + story;
        add("GET", "/api/v1/stories", "/api/v1/stories", null, all(200));
        add("POST", "/api/v1/stories", "/api/v1/stories", Map.of("process", finished, "title", "Again", "summary", "Told again"),
                statuses(401, 404, 404, 404, 201));
        add("GET", "/api/v1/stories/{id}", ss, null, all(200));
        add("PATCH", "/api/v1/stories/{id}", ss, Map.of("summary", "Retold"), statuses(401, 403, 403, 403, 200));
        add("GET", "/api/v1/stories/{id}/ratings", ss + "/ratings", null, all(200));
        add("PUT", "/api/v1/stories/{id}/rating", ss + "/rating", Map.of("stars", 4), signedIn(200));
        add("DELETE", "/api/v1/stories/{id}", adminGets(() -> "/api/v1/stories/" + id(as(Role.ADMIN).post("/api/v1/stories",
                Map.of("process", finished, "title", "Fresh", "summary", "To go"))), ss), null, statuses(401, 403, 403, 403, 204));
        // Last, what changes the callers' own sessions: each role with a session of its own for the purpose.
        add("POST", "/api/v1/auth/sign-up", "/api/v1/auth/sign-up", null, all(201));
        add("POST", "/api/v1/auth/sign-out", "/api/v1/auth/sign-out", Map.of(), signedIn(204));
        add("DELETE", "/api/v1/me", "/api/v1/me", null, signedIn(200));
    }

    private static Map<String, Object> external(String id) {
        return Map.of("id", id, "nature", "external-software", "name", Map.of("en", "Matrix external"), "uri", Map.of("en", "https://example.org/tool"));
    }

    private static Map<String, Object> schema(String id) {
        return Map.of("id", id, "name", "Matrix schema", "phases", List.of(Map.of("id", "mx-phase", "name", "Phase",
                "children", List.of(Map.of("id", "mx-objective", "name", "Objective", "children", List.of(Map.of("id", "mx-task", "name", "Task")))))));
    }

    // ------------------------------------------------------------------ running it

    /** Every operation the document describes under /api/v1 has a row; every row is an operation the document describes. */
    private void coverage(Http http) {
        JsonNode doc = http.get("/api/v1/openapi.json").json();
        Set<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1/")) continue;
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String m = methods.next().toUpperCase();
                if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) described.add(m + " " + path.getKey());
            }
        }
        Set<String> covered = new TreeSet<>();
        for (Case c : cases) covered.add(c.method() + " " + c.template());
        Set<String> missing = new TreeSet<>(described);
        missing.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(described);
        assertTrue("Operations without a row in the matrix: " + missing, missing.isEmpty());
        assertTrue("Rows for operations the document does not describe: " + stale, stale.isEmpty());
    }

    private Http.Answer send(Http http, String method, String path, Object body) {
        calls++;
        if (method.equals("GET") && path.endsWith("/notifications/stream")) {
            // A stream stays open: what counts is how it starts (its status, or the refusal's body).
            try (Http.EventStream stream = http.stream(path)) {
                java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(Map.of("Content-Type",
                        List.of(String.valueOf(stream.header("Content-Type")))), (x, y) -> true);
                return new Http.Answer(stream.status(), headers, stream.body());
            }
        }
        return switch (method) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            case "POST" -> http.post(path, body == null ? Map.of() : body);
            case "PUT" -> http.put(path, body == null ? Map.of() : body);
            case "PATCH" -> http.patch(path, body == null ? Map.of() : body);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** Who calls: the role's client, or for the calls that end or create sessions, a fresh session of the same kind. */
    private Http caller(Case c, Role role) {
        boolean ownSession = c.template().equals("/api/v1/auth/sign-out") || c.template().equals("/api/v1/me") && c.method().equals("DELETE");
        if (c.template().equals("/api/v1/auth/sign-up")) return Platform.http();
        if (!ownSession || role == Role.ANONYMOUS) return as(role);
        if (role == Role.OPERATOR && c.method().equals("POST")) return Platform.operator();
        // Erasing an account: a new account each time, so the fixtures' owners stay.
        return Platform.signedIn("mx-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6));
    }

    private void run(Case c) {
        for (Role role : Role.values()) {
            Object body = c.template().equals("/api/v1/auth/sign-up") && c.method().equals("POST")
                    ? Map.of("name", "mx-new-" + UUID.randomUUID().toString().substring(0, 8), "email", UUID.randomUUID() + "@example.org",
                            "password", Http.PASSWORD, "acceptTerms", "1")
                    : c.body().apply(role);
            String path = c.path().apply(role);
            Http.Answer a = send(caller(c, role), c.method(), path, body);
            int want = c.expected()[role.ordinal()];
            if (a.status() != want) {
                failures.add(c.method() + " " + path + " as " + role + ": " + a.status() + " (want " + want + ") " + clip(a.body()));
            } else if (a.status() >= 400) {
                checkProblem(c.method() + " " + path + " as " + role, a);
            }
        }
    }

    private void checkProblem(String what, Http.Answer a) {
        String type = a.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) failures.add(what + ": not a problem body: " + type);
        if (a.body().contains(PRIVATE_NAME)) failures.add(what + ": the refusal names the private process");
        if (a.body().contains("Exception") || a.body().contains("\tat ")) failures.add(what + ": a stack trace");
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /**
     * The Interlinkers' endpoints on an asset of the private process: without access, the same answer as for an
     * asset that does not exist; with access (the member's grant, the administrator), never 401, 403 or 404 on
     * a read of the asset itself.
     */
    private void interlinkerPages() {
        JsonNode doc = as(Role.ANONYMOUS).get("/api/v1/openapi.json").json();
        Map<String, String> assets = new LinkedHashMap<>();
        Set<String> interlinkers = new LinkedHashSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            if (path.startsWith("/interlinkers/")) interlinkers.add(path.split("/")[2]);
        }
        assertTrue(interlinkers.toString(), interlinkers.size() >= 4);
        for (String interlinker : interlinkers) {
            Http.Answer made = as(Role.ADMIN).post("/api/v1/processes/" + p + "/tasks/" + task + "/assets",
                    Map.of("kind", "internal", "interlinker", interlinker, "params", Map.of("title", "Matrix " + interlinker)));
            assertEquals(interlinker + ": " + made, 201, made.status());
            assets.put(interlinker, made.json().path("id").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            if (!template.startsWith("/interlinkers/")) continue;
            String interlinker = template.split("/")[2];
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                String real = concrete(template, assets.get(interlinker));
                String absent = concrete(template, UUID.randomUUID().toString());
                Object body = Map.of();
                for (Role role : List.of(Role.ANONYMOUS, Role.STRANGER, Role.OPERATOR)) {
                    Http.Answer there = send(as(role), method, real, body);
                    Http.Answer none = send(as(role), method, absent, body);
                    if (there.status() != none.status() || there.status() < 400) {
                        failures.add(method + " " + template + " as " + role + ": " + there.status() + " for the private asset, " + none.status()
                                + " for none " + clip(there.body()));
                    }
                    if (there.body().contains("Matrix " + interlinker)) failures.add(method + " " + template + " as " + role + ": names the asset");
                }
                boolean readOfTheAsset = method.equals("GET") && template.chars().filter(ch -> ch == '{').count() == 1;
                if (!readOfTheAsset) continue;
                for (Role role : List.of(Role.MEMBER, Role.ADMIN)) {
                    Http.Answer a = send(as(role), method, real, null);
                    // A 404 of the Interlinker's own ("not answered yet") is fine; the one it gives for no asset is not.
                    boolean asIfAbsent = a.status() == 404 && a.body().equals(send(as(role), method, absent, null).body().replace(absent, real));
                    if (a.status() == 401 || a.status() == 403 || asIfAbsent || a.status() >= 500) {
                        failures.add(method + " " + template + " as " + role + " (with access): " + a.status() + " " + clip(a.body()));
                    }
                }
            }
        }
    }

    /** The private process is listed for its administrator and member, and for nobody else. */
    private void lists() {
        for (Role role : Role.values()) {
            boolean listed = false;
            for (JsonNode item : as(role).get("/api/v1/processes?limit=100").json().path("items")) listed |= item.path("id").asText().equals(p);
            boolean expected = role == Role.MEMBER || role == Role.ADMIN;
            if (listed != expected) failures.add("GET /api/v1/processes as " + role + ": the private process is " + (listed ? "" : "not ") + "listed");
        }
    }

    private static String concrete(String template, String assetId) {
        return template.replace("{assetId}", assetId).replaceAll("\\{[A-Za-z]+\\}", "1");
    }
}
