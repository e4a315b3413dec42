package eu.interlink.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;

import eu.interlink.api.Interlinker;
import eu.interlink.testkit.internal.Calls;
import eu.interlink.testkit.internal.Checks;
import eu.interlink.testkit.internal.PlatformSubject;
import eu.interlink.testkit.internal.Subject;
import eu.interlink.testkit.internal.UnitSubject;

/**
 * Checks an Interlinker against the rules of the SPI. Two ways to run it:
 *
 * <pre>
 * // In a plain unit test: the kit plays the kernel, with in-memory stores.
 * ConformanceKit.forInterlinker(() -&gt; new NotesInterlinker("1.0.0"))
 *         .instantiateWith(Map.of("title", "Minutes"))
 *         .assertConforms();
 *
 * // In a Pax Exam test inside a booted distribution: the real kernel, pages, bundle restart and update.
 * ConformanceKit.inPlatform(bundleContext, "notes")
 *         .instantiateWith(Map.of("title", "Minutes"))
 *         .assertConforms();
 * </pre>
 *
 * Each run makes its own assets (and deletes them afterwards when the Interlinker declares delete), so give it
 * parameters that instantiate accepts. In the platform the kit stops, starts and updates the Interlinker's
 * bundle: run it where nothing else depends on that bundle at the same moment.
 */
public final class ConformanceKit {
    private final Supplier<? extends Interlinker> factory;
    private final BundleContext context;
    private final String interlinkerId;
    private Map<String, Object> params = Map.of();
    private Duration timeLimit;

    private ConformanceKit(Supplier<? extends Interlinker> factory, BundleContext context, String interlinkerId) {
        this.factory = factory;
        this.context = context;
        this.interlinkerId = interlinkerId;
    }

    /**
     * For a unit test. The factory must make a new instance each time it is called (the kit calls it again to see
     * that no data lives in the instance), constructed outside OSGi: give it an explicit version.
     */
    public static ConformanceKit forInterlinker(Supplier<? extends Interlinker> factory) {
        return new ConformanceKit(Objects.requireNonNull(factory, "factory"), null, null);
    }

    /**
     * For a test inside a booted platform: the Interlinker the kernel serves under {@code interlinkerId}, waited
     * for up to a minute.
     */
    public static ConformanceKit inPlatform(BundleContext context, String interlinkerId) {
        return new ConformanceKit(null, Objects.requireNonNull(context, "context"), Objects.requireNonNull(interlinkerId, "interlinkerId"));
    }

    /** What the kit passes to instantiate, as a user would from the API ({@code params} of {@code POST /api/v1/assets}). */
    public ConformanceKit instantiateWith(Map<String, ?> params) {
        this.params = new LinkedHashMap<>(Objects.requireNonNull(params, "params"));
        return this;
    }

    /**
     * A stricter time limit than the kernel's for every call; by default the kernel's own ({@code call.timeout.ms},
     * 10 s unless configured).
     */
    public ConformanceKit timeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("timeLimit must be positive, not " + limit);
        this.timeLimit = limit;
        return this;
    }

    /** Runs every check and reports; never throws for a fault of the Interlinker. */
    public ConformanceReport run() {
        Duration kernel = context == null ? PlatformSubject.KERNEL_DEFAULT_LIMIT : PlatformSubject.kernelLimit(context);
        Duration limit = timeLimit == null || timeLimit.compareTo(kernel) > 0 ? kernel : timeLimit;
        Calls calls = new Calls(limit);
        try (Subject subject = context == null ? new UnitSubject(factory, calls) : new PlatformSubject(context, interlinkerId, calls)) {
            Checks checks = new Checks(subject, params);
            var results = checks.run();
            return new ConformanceReport(checks.name(interlinkerId == null ? "?" : interlinkerId), subject.where(), results);
        }
    }

    /** Runs every check and throws an {@link AssertionError} with the whole report when one fails. */
    public ConformanceReport assertConforms() {
        ConformanceReport report = run();
        if (!report.passed()) {
            throw new AssertionError(report.toString());
        }
        return report;
    }
}
