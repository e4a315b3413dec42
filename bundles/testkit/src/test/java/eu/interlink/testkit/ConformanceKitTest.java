package eu.interlink.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.Test;

import eu.interlink.api.Interlinker;
import eu.interlink.testing.conformance.DeclaredFault;
import eu.interlink.testing.conformance.DescriptorFault;
import eu.interlink.testing.conformance.GoodNotes;
import eu.interlink.testing.conformance.LifeCycleFault;
import eu.interlink.testing.conformance.MemoryFault;
import eu.interlink.testing.conformance.SlowFault;
import eu.interlink.testing.conformance.UndeclaredFault;

/**
 * The kit passes a well-behaved Interlinker and catches each deliberately broken one (bundles/testing/conformance)
 * with exactly the check for its fault, saying what to fix. ConformanceIT does the same inside the platform.
 */
public class ConformanceKitTest {
    private static final Map<String, Object> NOTE = Map.of("title", "Minutes of the first workshop", "text", "Agreed: meet monthly.");

    /** A limit well above what a busy build machine takes for a quick call, and below SlowFault's delete. */
    private static ConformanceReport check(Supplier<Interlinker> factory) {
        return ConformanceKit.forInterlinker(factory).instantiateWith(NOTE).timeLimit(Duration.ofMillis(1500)).run();
    }

    /** Asserts that exactly {@code failing} failed, and that each of its findings contains {@code says}. */
    private static void assertFailsOnly(ConformanceReport report, Check failing, String says) {
        for (CheckResult r : report.results()) {
            if (r.check() == failing) {
                assertTrue(report.toString(), r.failed());
                assertTrue(report.toString(), r.findings().stream().anyMatch(f -> f.contains(says)));
            } else {
                assertFalse(report.toString(), r.failed());
            }
        }
        assertFalse(report.passed());
    }

    @Test
    public void aWellBehavedInterlinkerPassesEveryCheck() {
        ConformanceReport report = check(() -> new GoodNotes("1.2.3"));
        assertTrue(report.toString(), report.passed());
        assertEquals(Check.values().length, report.results().size());
        Set<Check> passed = EnumSet.noneOf(Check.class);
        report.results().stream().filter(CheckResult::passed).forEach(r -> passed.add(r.check()));
        assertEquals(report.toString(), EnumSet.allOf(Check.class), passed);
        assertTrue(report.toString(), report.toString().startsWith("Conformance of 'conformance-good' 1.2.3 (unit test"));
    }

    @Test
    public void catchesABrokenDescriptor() {
        ConformanceReport report = check(() -> new DescriptorFault("1.0.0"));
        assertFailsOnly(report, Check.DESCRIPTOR, "VIEW is declared but there is no asset page");
        assertTrue(report.toString(), report.result(Check.DESCRIPTOR).findings().stream().anyMatch(f -> f.contains("the description in 'es' is empty")));
    }

    @Test
    public void catchesADeclaredCapabilityThatDoesNotWork() {
        assertFailsOnly(check(() -> new DeclaredFault("1.0.0")), Check.DECLARED_CAPABILITIES,
                "download is declared but exporting a new asset failed with 502");
    }

    @Test
    public void catchesAnUndeclaredCapabilityThatWorks() {
        assertFailsOnly(check(() -> new UndeclaredFault("1.0.0")), Check.UNDECLARED_CAPABILITIES,
                "copy(source, target) works although CLONE is not declared");
    }

    @Test
    public void catchesACopyThatDiffersFromItsSource() {
        assertFailsOnly(check(() -> new LifeCycleFault("1.0.0")), Check.ASSET_LIFE_CYCLE, "a copy exports something else than its source");
    }

    @Test
    public void catchesDataKeptOutsideTheStore() {
        assertFailsOnly(check(() -> new MemoryFault("1.0.0")), Check.DATA_IN_STORE,
                "after a new instance of the Interlinker was made, the asset reads differently");
    }

    @Test
    public void catchesACallOverTheTimeLimit() {
        assertFailsOnly(check(() -> new SlowFault("1.0.0")), Check.TIME_LIMIT, "delete took");
    }

    @Test
    public void saysWhatToDoWhenInstantiateRefusesTheParameters() {
        ConformanceReport report = ConformanceKit.forInterlinker(() -> new GoodNotes("1.0.0")).run();
        CheckResult declared = report.result(Check.DECLARED_CAPABILITIES);
        assertTrue(report.toString(), declared.failed());
        assertTrue(report.toString(), declared.findings().get(0).contains("give the kit valid ones with instantiateWith(...)"));
        assertEquals(report.toString(), CheckResult.Outcome.SKIPPED, report.result(Check.DATA_IN_STORE).outcome());
    }

    @Test
    public void catchesAFactoryThatCannotMakeTheInterlinker() {
        ConformanceReport report = ConformanceKit.forInterlinker(() -> {
            throw new IllegalStateException("not in OSGi");
        }).run();
        assertTrue(report.toString(), report.result(Check.DESCRIPTOR).failed());
        assertTrue(report.toString(), report.results().stream().skip(1).allMatch(r -> r.outcome() == CheckResult.Outcome.SKIPPED));
    }

    @Test
    public void assertConformsThrowsTheWholeReport() {
        try {
            ConformanceKit.forInterlinker(() -> new LifeCycleFault("1.0.0")).instantiateWith(NOTE).assertConforms();
            fail("a broken Interlinker conformed");
        } catch (AssertionError e) {
            assertTrue(e.getMessage(), e.getMessage().contains("failed: instantiate, copy, delete and export agree"));
        }
        ConformanceKit.forInterlinker(() -> new GoodNotes("1.0.0")).instantiateWith(NOTE).assertConforms();
    }
}
