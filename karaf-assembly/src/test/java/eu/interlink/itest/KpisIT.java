package eu.interlink.itest;

import static eu.interlink.itest.Problems.assertProblem;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform's key figures for operators, as JSON and CSV, counted from what people did over HTTP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KpisIT {

    @Configuration
    public Option[] config() {
        return Platform.options();
    }

    @Test
    public void countsProcessesAssetsAndActiveUsers() {
        Http operator = Platform.operator();
        JsonNode before = operator.get("/api/v1/admin/kpis/processes").json().path("byStatus");
        int checklistsBefore = assets(operator.get("/api/v1/admin/kpis/assets").json(), "checklist");

        Http kim = Platform.signedIn("kim");
        Http lou = Platform.signedIn("lou");
        String a = Coproduction.createProcess(kim, "Figures one");
        Coproduction.createProcess(kim, "Figures two");
        String b = Coproduction.createProcess(lou, "Figures three");
        assertEquals(200, kim.patch("/api/v1/processes/" + a, Map.of("status", "in_progress")).status());
        assertEquals(200, lou.patch("/api/v1/processes/" + b, Map.of("status", "finished")).status());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, kim.post("/api/v1/assets", Map.of("interlinker", "checklist", "params", Map.of("title", "Count " + i))).status());
        }

        JsonNode after = operator.get("/api/v1/admin/kpis/processes").json().path("byStatus");
        assertEquals(before.path("awaiting").asInt() + 1, after.path("awaiting").asInt());
        assertEquals(before.path("in_progress").asInt() + 1, after.path("in_progress").asInt());
        assertEquals(before.path("finished").asInt() + 1, after.path("finished").asInt());
        assertEquals(checklistsBefore + 3, assets(operator.get("/api/v1/admin/kpis/assets").json(), "checklist"));

        // Active users come from the activity log, which Event Admin fills a moment after each change.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode day = Await.until("kim and lou among today's active users", java.time.Duration.ofSeconds(20),
                () -> operator.get("/api/v1/admin/kpis/active-users?from=" + today + "&to=" + today), r -> r.json().path("items").path(0).path("activeUsers").asInt() >= 2)
                .json();
        assertEquals("day", day.path("period").asText());
        assertEquals(1, day.path("items").size());
        assertEquals(today, day.path("items").path(0).path("periodStart").asText());
        JsonNode months = operator.get("/api/v1/admin/kpis/active-users?period=month&from=2026-01-15&to=2026-12-31").json();
        assertEquals(12, months.path("items").size());
        assertEquals("2026-01-01", months.path("items").path(0).path("periodStart").asText());

        Http.Answer csv = operator.get("/api/v1/admin/kpis/processes?format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type"), csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body(), csv.body().startsWith("status,processes\r\nawaiting," + after.path("awaiting").asInt() + "\r\n"));
        assertTrue(operator.get("/api/v1/admin/kpis/active-users", "Accept", "text/csv").body().startsWith("periodStart,activeUsers\r\n"));

        // Figures are for operators; bad parameters are named.
        assertProblem(Platform.http().get("/api/v1/admin/kpis/processes"), 401);
        assertProblem(kim.get("/api/v1/admin/kpis/processes"), 403);
        assertEquals("period", assertProblem(operator.get("/api/v1/admin/kpis/active-users?period=year"), 400).path("parameter").asText());
        assertEquals("from", assertProblem(operator.get("/api/v1/admin/kpis/active-users?from=yesterday"), 400).path("parameter").asText());
        assertEquals("to", assertProblem(operator.get("/api/v1/admin/kpis/active-users?from=2026-02-01&to=2026-01-01"), 400).path("parameter").asText());
        assertEquals("format", assertProblem(operator.get("/api/v1/admin/kpis/assets?format=xml"), 400).path("parameter").asText());
        assertProblem(operator.get("/api/v1/admin/kpis/period-x"), 404);
        assertProblem(operator.get("/api/v1/admin/kpis/active-users?from=2000-01-01&to=2026-01-01"), 400);
    }

    private static int assets(JsonNode figures, String interlinker) {
        for (JsonNode item : figures.path("items")) if (item.path("interlinker").asText().equals(interlinker)) return item.path("assets").asInt();
        return 0;
    }
}
