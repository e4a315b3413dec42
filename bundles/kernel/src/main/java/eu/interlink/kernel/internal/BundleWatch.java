package eu.interlink.kernel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.BundleTracker;

import eu.interlink.api.Interlinker;

/**
 * Finds out why a bundle that imports the Interlinker SPI registered no Interlinker: it cannot be resolved (a
 * missing package, an API major version this platform does not serve), or its component failed to activate.
 * The registry shows such bundles as {@code rejected}, with a reason that says what to fix.
 */
@Component(service = BundleWatch.class, immediate = true)
public class BundleWatch {
    /** The platform's own bundles import the SPI too, as its providers: never Interlinkers. */
    private static final Set<String> PLATFORM = Set.of("eu.interlink.api", "eu.interlink.store", "eu.interlink.kernel", "eu.interlink.web",
            "eu.interlink.shell", "eu.interlink.webapp", "eu.interlink.knowledge", "eu.interlink.testkit");
    private static final Pattern IMPORTS_API = Pattern.compile("(^|,)\\s*eu\\.interlink\\.api\\s*(;|,|$)");
    private static final Pattern PACKAGE_FILTER = Pattern.compile("osgi\\.wiring\\.package=([^)]+)\\)");
    private static final Pattern MIN_VERSION = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern MAX_VERSION = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    /** When to look at a bundle after it changed: resolution and activation take a moment. */
    private static final long[] CHECKS_MS = {300, 1500, 5000};

    @Reference
    private RegistryComponent registry;

    @Reference
    private ServiceComponentRuntime scr;

    private BundleContext context;
    private BundleTracker<Bundle> tracker;
    private ScheduledExecutorService timer;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "interlink-bundle-watch");
            t.setDaemon(true);
            return t;
        });
        tracker = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                if (!candidate(bundle)) return null;
                schedule(bundle);
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                schedule(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                registry.forget(bundle.getBundleId());
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        timer.shutdownNow();
    }

    static boolean candidate(Bundle b) {
        if (b.getSymbolicName() == null || PLATFORM.contains(b.getSymbolicName())) return false;
        String imports = b.getHeaders("").get("Import-Package");
        return imports != null && IMPORTS_API.matcher(imports).find();
    }

    private void schedule(Bundle b) {
        for (long delay : CHECKS_MS) {
            try {
                timer.schedule(() -> check(b), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                return;
            }
        }
    }

    /** Looks at {@code b} now and tells the registry what is wrong with it, if anything. */
    void check(Bundle b) {
        if (!candidate(b)) return;
        try {
            int state = b.getState();
            if (state == Bundle.UNINSTALLED) return;
            if (registry.hasRegistration(b.getBundleId())) {
                registry.forget(b.getBundleId());
                return;
            }
            String reason = switch (state) {
                case Bundle.INSTALLED -> unresolved(b);
                case Bundle.ACTIVE -> failedComponents(b);
                default -> null; // resolved and stopped: an older version kept for a rollback, say
            };
            if (reason != null) registry.diagnose(b, reason);
            else registry.forget(b.getBundleId());
        } catch (RuntimeException e) {
            // A bundle uninstalled while we looked at it, most likely.
        }
    }

    /** Why the framework cannot resolve {@code b}, in the operator's words. */
    String unresolved(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision == null) return null;
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        List<String> missing = new ArrayList<>();
        for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
            if (Namespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) continue;
            if (!wiring.findProviders(req).isEmpty()) continue;
            missing.add(describe(req));
        }
        // Every requirement has a provider: it is only not resolved yet (installed, not started; a bulk copy into
        // deploy/ is installed first and started after). Nothing to report.
        if (missing.isEmpty()) return null;
        return "it cannot be resolved: " + String.join("; ", missing);
    }

    private static String describe(BundleRequirement req) {
        String filter = req.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        if (!PackageNamespace.PACKAGE_NAMESPACE.equals(req.getNamespace())) {
            return "it requires " + req.getNamespace() + " " + filter + ", which nothing here provides";
        }
        Matcher p = PACKAGE_FILTER.matcher(filter);
        String pkg = p.find() ? p.group(1) : filter;
        Matcher min = MIN_VERSION.matcher(filter);
        Matcher max = MAX_VERSION.matcher(filter);
        String range = (min.find() ? "[" + min.group(1) : "[0") + "," + (max.find() ? max.group(1) + ")" : "∞)");
        if ("eu.interlink.api".equals(pkg)) {
            return "it is built for the Interlinker API " + range + " but this platform serves " + apiVersion()
                    + ": rebuild it against eu.interlink.api " + majorOf(apiVersion()) + ".x";
        }
        return "it needs package " + pkg + " " + range + ", which no installed bundle exports: install a bundle that exports it, or embed the library in the Interlinker";
    }

    /** The version of {@code eu.interlink.api} this platform exports. */
    static String apiVersion() {
        BundleRevision api = FrameworkUtil.getBundle(Interlinker.class).adapt(BundleRevision.class);
        for (BundleCapability c : api.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            if ("eu.interlink.api".equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return String.valueOf(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE));
            }
        }
        return "unknown";
    }

    private static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** Whether {@code b} declares a component that provides an {@link Interlinker} (once SCR has read it). */
    boolean declaresInterlinker(Bundle b) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            if (d.serviceInterfaces != null && List.of(d.serviceInterfaces).contains(Interlinker.class.getName())) return true;
        }
        return false;
    }

    /** Why the Interlinker component of an active bundle registered nothing; null when nothing is wrong. */
    String failedComponents(Bundle b) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            if (d.serviceInterfaces == null || !List.of(d.serviceInterfaces).contains(Interlinker.class.getName())) continue;
            if (!scr.isComponentEnabled(d)) return "its component " + d.name + " is disabled";
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                switch (c.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION:
                        return "its component " + d.name + " failed to activate: " + firstLine(c.failure) + ". Fix its @Activate method";
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                        List<String> waits = new ArrayList<>();
                        for (var u : c.unsatisfiedReferences) waits.add(u.name + (u.target == null ? "" : " " + u.target));
                        return "its component " + d.name + " waits for services it references: " + String.join(", ", waits);
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                        return "its component " + d.name + " waits for its configuration (" + String.join(", ", d.configurationPid) + ")";
                    default:
                        break;
                }
            }
        }
        return null;
    }

    private static String firstLine(String failure) {
        if (failure == null) return "no reason given";
        String line = failure.lines().findFirst().orElse(failure).trim();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
