package eu.interlink.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import eu.interlink.testkit.Check;
import eu.interlink.testkit.CheckResult;
import eu.interlink.testkit.ConformanceKit;
import eu.interlink.testkit.ConformanceReport;

/**
 * The conformance kit inside the booted platform, as an Interlinker author runs it: every shipped software
 * Interlinker (checklist, survey, editor, files, deliberation) passes every check through the real kernel (its
 * pages, a restart and an update of its bundle included), and each fixture of bundles/testing/conformance fails
 * exactly the check for its fault.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConformanceIT {
    private static final Map<String, Object> NOTE = Map.of("title", "Minutes", "text", "Agreed: meet monthly.");

    @Inject
    private BundleContext context;

    private Http http;

    @Configuration
    public Option[] config() {
        String kit = new File(System.getProperty(Platform.BUNDLES, "target/test-bundles"), "interlink-testkit.jar").getAbsoluteFile().toURI().toString();
        return Platform.options(bundle(kit));
    }

    @Before
    public void waitForTheApi() {
        http = Platform.http();
        Await.until("the checklist Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/checklist"), a -> a.status() == 200);
    }

    @Test
    public void theChecklistPassesEveryCheck() {
        ConformanceReport report = ConformanceKit.inPlatform(context, "checklist")
                .instantiateWith(Map.of("title", "Plan the workshop", "items", List.of("Book a room", "Invite residents")))
                .assertConforms();
        System.out.println(report);
        for (CheckResult r : report.results()) {
            assertTrue(report.toString(), r.passed());
        }
        // Its pages were requested and its bundle restarted and updated: nothing was left as a note.
        assertTrue(report.toString(), report.result(Check.DATA_IN_STORE).notes().isEmpty());
        assertTrue(report.toString(), report.result(Check.DECLARED_CAPABILITIES).notes().isEmpty());
        Fixtures.awaitServing(http, "checklist", report.interlinker().split(" ")[1]);
    }

    @Test
    public void theSurveyPassesEveryCheck() {
        assertShippedConforms("survey", Map.of("title", "Library opening hours", "questions", List.of(
                Map.of("kind", "single", "text", "Which branch do you use most?", "options", List.of("Central", "North")),
                Map.of("kind", "scale", "text", "How satisfied are you?", "min", 1, "max", 5))));
    }

    @Test
    public void theEditorPassesEveryCheck() {
        assertShippedConforms("editor", Map.of("title", "Minutes", "html", "<h2>Decisions</h2><p>Agreed: meet <b>monthly</b>.</p>"));
    }

    @Test
    public void theFileSpacePassesEveryCheck() {
        assertShippedConforms("files", Map.of("title", "Workshop material"));
    }

    @Test
    public void theDeliberationPassesEveryCheck() {
        assertShippedConforms("deliberation", Map.of("title", "Benches for the river park",
                "threads", List.of(Map.of("title", "Where first?", "text", "Near the playground?")),
                "proposals", List.of(Map.of("title", "Ten benches", "text", "Along the river path")),
                "polls", List.of(Map.of("kind", "single", "question", "Which park first?", "options", List.of("River", "Central")),
                        Map.of("kind", "consent", "question", "Adopt the ten benches?"))));
    }

    /**
     * A shipped software Interlinker passes every check through the real kernel, with nothing left as a note: its
     * pages were requested, its bundle restarted and updated, its undeclared capabilities refused.
     */
    private void assertShippedConforms(String id, Map<String, Object> params) {
        Await.until("the " + id + " Interlinker", Duration.ofSeconds(60), () -> http.get("/api/v1/interlinkers/" + id),
                a -> a.status() == 200 && a.json().path("status").asText().equals("active"));
        ConformanceReport report = ConformanceKit.inPlatform(context, id).instantiateWith(params).run();
        System.out.println(report);
        for (CheckResult r : report.results()) {
            assertTrue(report.toString(), r.passed());
        }
        assertTrue(report.toString(), report.result(Check.DATA_IN_STORE).notes().isEmpty());
        assertTrue(report.toString(), report.result(Check.DECLARED_CAPABILITIES).notes().isEmpty());
        // After its update the bundle serves again, at its own version, for the tests that follow.
        Fixtures.awaitServing(http, id, report.interlinker().split(" ")[1]);
    }

    @Test
    public void catchesEachBrokenInterlinkerInThePlatform() {
        Fixtures.deploy("conformance");
        Fixtures.awaitServing(http, "conformance-good", "0.1.0");

        ConformanceReport good = kit("conformance-good");
        assertTrue(good.toString(), good.passed());
        assertFailsOnly(kit("conformance-descriptor"), Check.DESCRIPTOR, "pages are declared (VIEW, EDIT or PREVIEW) but the bundle registers no servlet");
        assertFailsOnly(kit("conformance-declared"), Check.DECLARED_CAPABILITIES, "download is declared but exporting a new asset failed");
        assertFailsOnly(kit("conformance-undeclared"), Check.UNDECLARED_CAPABILITIES, "copy(source, target) works although CLONE is not declared");
        assertFailsOnly(kit("conformance-lifecycle"), Check.ASSET_LIFE_CYCLE, "a copy exports something else than its source");
        assertFailsOnly(kit("conformance-memory"), Check.DATA_IN_STORE, "after its bundle was stopped and started, the asset reads differently");
        assertFailsOnly(kit("conformance-slow"), Check.TIME_LIMIT, "delete took");
    }

    private ConformanceReport kit(String id) {
        return ConformanceKit.inPlatform(context, id).instantiateWith(NOTE).timeLimit(Duration.ofMillis(500)).run();
    }

    private static void assertFailsOnly(ConformanceReport report, Check failing, String says) {
        System.out.println(report);
        for (CheckResult r : report.results()) {
            if (r.check() == failing) {
                assertTrue(report.toString(), r.failed() && r.findings().stream().anyMatch(f -> f.contains(says)));
            } else {
                assertFalse(report.toString(), r.failed());
            }
        }
    }
}
