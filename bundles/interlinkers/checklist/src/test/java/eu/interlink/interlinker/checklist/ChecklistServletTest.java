package eu.interlink.interlinker.checklist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.testkit.InMemoryAssetAccess;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

public class ChecklistServletTest {
    private final InMemoryAssetAccess assets = new InMemoryAssetAccess(ChecklistInterlinker.ID);
    private final ChecklistServlet servlet = new ChecklistServlet(assets);
    private final InMemoryDocumentStore store = assets.store("a1");

    @Before
    public void aChecklist() {
        new ChecklistInterlinker("1.0.0").instantiate(InMemoryAssetContext.of("a1", ChecklistInterlinker.ID, store),
                Map.of("title", "Prepare <the> workshop", "items", List.of("Book the room", "Send invitations")));
    }

    private HttpExchange send(HttpExchange exchange) throws Exception {
        return exchange.sendTo(servlet);
    }

    private static HttpExchange request(String method, String path) {
        return HttpExchange.request(method, path);
    }

    private long version() {
        return store.get("checklist").orElseThrow().version();
    }

    private static void assertProblem(HttpExchange e, int status) throws Exception {
        assertEquals(e.text(), status, e.status);
        assertEquals("application/problem+json;charset=UTF-8", e.contentType());
        JsonNode p = e.jsonBody();
        assertEquals("about:blank", p.get("type").textValue());
        assertEquals(status, p.get("status").intValue());
        assertTrue(p.get("title").isTextual());
        assertTrue(p.get("detail").isTextual());
    }

    @Test
    public void listsItems() throws Exception {
        HttpExchange e = send(request("GET", "/assets/a1/items"));
        assertEquals(200, e.status);
        assertEquals("application/json;charset=UTF-8", e.contentType());
        JsonNode body = e.jsonBody();
        assertEquals("Prepare <the> workshop", body.get("title").textValue());
        assertEquals(1, body.get("version").longValue());
        assertEquals("\"1\"", e.headers.get("ETag"));
        assertEquals(2, body.get("items").size());
        JsonNode first = body.get("items").get(0);
        assertEquals("1", first.get("id").textValue());
        assertEquals("Book the room", first.get("text").textValue());
        assertFalse(first.get("done").booleanValue());
        assertFalse(first.has("assignee"));
    }

    @Test
    public void addsAnItem() throws Exception {
        HttpExchange e = send(request("POST", "/assets/a1/items").json("{\"text\":\" Print handouts \",\"assignee\":\"Anna\"}"));
        assertEquals(201, e.status);
        JsonNode item = e.jsonBody();
        assertEquals("3", item.get("id").textValue());
        assertEquals("Print handouts", item.get("text").textValue());
        assertEquals("Anna", item.get("assignee").textValue());
        assertFalse(item.get("done").booleanValue());
        assertEquals("/interlinkers/checklist/assets/a1/items/3", e.headers.get("Location"));
        assertEquals("\"2\"", e.headers.get("ETag"));
        assertEquals(2, version());
    }

    @Test
    public void refusesBadBodies() throws Exception {
        assertProblem(send(request("POST", "/assets/a1/items").json("{\"text\":")), 400);
        assertProblem(send(request("POST", "/assets/a1/items").json("{\"assignee\":\"Anna\"}")), 400);
        assertProblem(send(request("POST", "/assets/a1/items").json("{\"text\":\"  \"}")), 400);
        assertProblem(send(request("POST", "/assets/a1/items").json("")), 400);
        assertProblem(send(request("POST", "/assets/a1/items").json("{\"text\":\"" + "x".repeat(20_000) + "\"}")), 413);
        HttpExchange form = send(request("POST", "/assets/a1/items").body("application/x-www-form-urlencoded", "text=a"));
        assertProblem(form, 415);
        assertEquals("application/json", form.headers.get("Accept-Post"));
        assertEquals(1, version());
    }

    @Test
    public void aFullChecklistIsTheUsersProblem() throws Exception {
        for (int i = 2; i < Checklist.MAX_ITEMS; i++) {
            send(request("POST", "/assets/a1/items").json("{\"text\":\"x\"}"));
        }
        HttpExchange e = send(request("POST", "/assets/a1/items").json("{\"text\":\"one too many\"}"));
        assertProblem(e, 400);
        assertTrue(e.text(), e.jsonBody().get("detail").textValue().contains("at most " + Checklist.MAX_ITEMS));
    }

    @Test
    public void togglesAnItemAtTheVersionTheClientRead() throws Exception {
        HttpExchange e = send(request("PATCH", "/assets/a1/items/2").header("If-Match", "\"1\"").json("{\"done\":true}"));
        assertEquals(200, e.status);
        assertTrue(e.jsonBody().get("done").booleanValue());
        assertEquals("Send invitations", e.jsonBody().get("text").textValue());
        assertEquals("\"2\"", e.headers.get("ETag"));

        HttpExchange plain = send(request("PATCH", "/assets/a1/items/2").header("If-Match", "2").json("{\"done\":false,\"text\":\"Invite\"}"));
        assertEquals(200, plain.status);
        assertEquals("Invite", plain.jsonBody().get("text").textValue());
    }

    @Test
    public void aStaleVersionIsAPreconditionFailure() throws Exception {
        send(request("PATCH", "/assets/a1/items/1").json("{\"done\":true}"));
        HttpExchange e = send(request("PATCH", "/assets/a1/items/2").header("If-Match", "1").json("{\"done\":true}"));
        assertProblem(e, 412);
        assertFalse(Checklist.fromJson(store.get("checklist").orElseThrow().json()).item("2").orElseThrow().done());
        assertProblem(send(request("DELETE", "/assets/a1/items/2").header("If-Match", "\"1\"")), 412);
        assertProblem(send(request("PATCH", "/assets/a1/items/2").header("If-Match", "W/\"x\"").json("{\"done\":true}")), 400);
    }

    @Test
    public void patchOfAnUnknownItemIsNotFound() throws Exception {
        assertProblem(send(request("PATCH", "/assets/a1/items/99").json("{\"done\":true}")), 404);
        assertProblem(send(request("PATCH", "/assets/a1/items/1").json("{}")), 400);
        assertEquals(1, version());
    }

    @Test
    public void deletesAnItem() throws Exception {
        HttpExchange e = send(request("DELETE", "/assets/a1/items/1"));
        assertEquals(204, e.status);
        assertEquals("", e.text());
        assertEquals("\"2\"", e.headers.get("ETag"));
        assertProblem(send(request("DELETE", "/assets/a1/items/1")), 404);
        assertEquals(1, send(request("GET", "/assets/a1/items")).jsonBody().get("items").size());
    }

    @Test
    public void anUnknownAssetIsNotFound() throws Exception {
        assertProblem(send(request("GET", "/assets/nope/items")), 404);
        assertProblem(send(request("GET", "/assets/nope")), 404);
        assertProblem(send(request("POST", "/assets/nope/items").json("{\"text\":\"a\"}")), 404);
    }

    @Test
    public void unknownPathsAndMethods() throws Exception {
        assertProblem(send(request("GET", "/")), 404);
        assertProblem(send(request("GET", "/assets")), 404);
        assertProblem(send(request("GET", "/assets/a1/items/")), 404);
        assertProblem(send(request("GET", "/assets/a1/other")), 404);
        HttpExchange e = send(request("PUT", "/assets/a1/items"));
        assertProblem(e, 405);
        assertEquals("GET, POST, HEAD", e.headers.get("Allow"));
    }

    @Test
    public void anInternalErrorTellsNothingButAnIncidentId() throws Exception {
        assets.failWith(new IllegalStateException("database password is hunter2"));
        HttpExchange e = send(request("GET", "/assets/a1/items"));
        assertProblem(e, 500);
        assertFalse(e.text().contains("hunter2"));
        assertFalse(e.text().contains("IllegalStateException"));
        assertTrue(e.jsonBody().get("instance").textValue().startsWith("urn:uuid:"));
    }

    @Test
    public void thePageSpeaksTheAskedLanguage() throws Exception {
        HttpExchange lv = send(request("GET", "/assets/a1").query("lang=lv").acceptLanguages(Locale.forLanguageTag("es")));
        assertEquals(200, lv.status);
        assertEquals("text/html;charset=UTF-8", lv.contentType());
        assertTrue(lv.text().contains("<html lang=\"lv\">"));
        assertTrue(lv.text().contains("Izpildīti 0 no 2"));

        HttpExchange es = send(request("GET", "/assets/a1").acceptLanguages(Locale.forLanguageTag("de"), Locale.forLanguageTag("es-AR")));
        assertTrue(es.text().contains("<html lang=\"es\">"));
        assertEquals("es", es.headers.get("Content-Language"));

        HttpExchange fallback = send(request("GET", "/assets/a1").query("lang=fr").acceptLanguages(Locale.JAPANESE));
        assertTrue(fallback.text().contains("<html lang=\"en\">"));
    }

    @Test
    public void thePageIsSafeAndLabelled() throws Exception {
        HttpExchange e = send(request("GET", "/assets/a1"));
        String html = e.text();
        assertTrue(html.contains("<h1 id=\"title\">Prepare &lt;the&gt; workshop</h1>"));
        assertFalse(html.contains("<the>"));
        assertTrue(html.contains("<label for=\"item-1\">Book the room</label>"));
        assertTrue(html.contains("<label for=\"new-text\">"));
        assertTrue(html.contains("data-items-url=\"/interlinkers/checklist/assets/a1/items\""));
        assertTrue(html.contains("data-version=\"1\""));
        assertFalse(html.contains("src=\"http"));
        String policy = e.headers.get("Content-Security-Policy");
        assertTrue(policy, policy.contains("script-src '" + ChecklistPage.sha256(ChecklistPage.SCRIPT) + "'"));
        assertTrue(html.contains("<script>" + ChecklistPage.SCRIPT + "</script>"));
    }

    @Test
    public void previewShowsTheFirstItems() throws Exception {
        for (int i = 0; i < 6; i++) {
            send(request("POST", "/assets/a1/items").json("{\"text\":\"more " + i + "\"}"));
        }
        HttpExchange e = send(request("GET", "/assets/a1/preview").query("lang=it"));
        assertEquals(200, e.status);
        assertTrue(e.text().contains("0 su 8 completate"));
        assertTrue(e.text().contains("e altre 3"));
        assertFalse(e.text().contains("<script"));
    }
}
