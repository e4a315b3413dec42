package eu.interlink.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.InterlinkerPages;
import eu.interlink.kernel.service.AssetService;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.KernelException;

/**
 * Inside a booted platform: the Interlinker as the kernel serves it. Asset operations go through the kernel's
 * {@link AssetService} (capability checks, guard, transactions, the real store), pages through HTTP, restarts
 * and updates through the Interlinker's bundle.
 */
public final class PlatformSubject implements Subject {
    /** The kernel's default for {@code call.timeout.ms} in {@code etc/eu.interlink.kernel.cfg}. */
    public static final Duration KERNEL_DEFAULT_LIMIT = Duration.ofMillis(10_000);
    private static final String TIMEOUT_PROPERTY = "call.timeout.ms";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final BundleContext context;
    private final String id;
    private final Calls calls;
    private final ServiceTracker<AssetService, AssetService> assetTracker;
    private final ServiceTracker<InterlinkerRegistry, InterlinkerRegistry> registryTracker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AssetService assets;
    private InterlinkerRegistry registry;
    private Bundle bundle;
    private Interlinker service;

    public PlatformSubject(BundleContext context, String id, Calls calls) {
        this.context = context;
        this.id = id;
        this.calls = calls;
        this.assetTracker = new ServiceTracker<>(context, AssetService.class, null);
        this.registryTracker = new ServiceTracker<>(context, InterlinkerRegistry.class, null);
        assetTracker.open();
        registryTracker.open();
    }

    /** The kernel's time limit for one call, as configured now. */
    public static Duration kernelLimit(BundleContext context) {
        try {
            // The guard is configured from etc/eu.interlink.kernel.cfg; DS publishes its configuration as service properties.
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + TIMEOUT_PROPERTY + "=*)");
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    Object v = r.getProperty(TIMEOUT_PROPERTY);
                    if (v != null) return Duration.ofMillis(Long.parseLong(v.toString().trim()));
                }
            }
        } catch (InvalidSyntaxException | NumberFormatException e) {
            // fall through to the default
        }
        return KERNEL_DEFAULT_LIMIT;
    }

    @Override public String where() { return "in the platform, through the kernel"; }

    @Override public boolean inPlatform() { return true; }

    @Override public Calls calls() { return calls; }

    @Override
    public Optional<String> ready() {
        try {
            assets = assetTracker.waitForService(WAIT.toMillis());
            registry = registryTracker.waitForService(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for the kernel");
        }
        if (assets == null || registry == null) {
            return Optional.of("the kernel's services did not appear within " + WAIT.toSeconds() + " s: run the kit in a booted Interlink distribution");
        }
        InterlinkerEntry entry = await("'" + id + "' to serve or be refused", e -> e.serving() || e.status() == InterlinkerStatus.REJECTED);
        if (entry == null) {
            return Optional.of("no bundle registers an Interlinker with id '" + id + "' within " + WAIT.toSeconds()
                    + " s: install and start its bundle before running the kit, and check the id");
        }
        if (entry.status() == InterlinkerStatus.REJECTED) {
            return Optional.of("the kernel refused '" + id + "' " + entry.version() + ": " + entry.reason());
        }
        if (!entry.serving() || entry.status() != InterlinkerStatus.ACTIVE) {
            return Optional.of("'" + id + "' is " + entry.status().label() + (entry.reason().isBlank() ? "" : ": " + entry.reason()));
        }
        return attach(entry);
    }

    /** Polls the registry until {@code done} holds for the entry of the id; null at the deadline. */
    private InterlinkerEntry await(String what, Predicate<InterlinkerEntry> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<InterlinkerEntry> e = registry.find(id);
            if (e.isPresent() && done.test(e.get())) return e.get();
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Finds the service object that the entry's bundle registers for the id. */
    private Optional<String> attach(InterlinkerEntry entry) {
        bundle = context.getBundle(entry.bundle().id());
        if (bundle == null) return Optional.of("the bundle " + entry.bundle().id() + " that registers '" + id + "' is gone");
        try {
            for (ServiceReference<Interlinker> r : context.getServiceReferences(Interlinker.class, null)) {
                if (r.getBundle() == null || r.getBundle().getBundleId() != bundle.getBundleId()) continue;
                Interlinker candidate = context.getService(r);
                if (candidate == null) continue;
                InterlinkerDescriptor d = calls.direct("answer descriptor()", id, candidate::descriptor);
                if (d != null && id.equals(d.id())) {
                    service = candidate;
                    return Optional.empty();
                }
            }
        } catch (InvalidSyntaxException | Refusal e) {
            return Optional.of("could not reach the service of '" + id + "': " + e.getMessage());
        }
        return Optional.of("the bundle " + bundle.getSymbolicName() + " serves '" + id + "' but its Interlinker service is not visible to the kit");
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return direct("answer descriptor()", service::descriptor);
    }

    @Override public Interlinker service() { return service; }

    @Override
    public Optional<String> bundleVersion() {
        org.osgi.framework.Version v = bundle.getVersion();
        return Optional.of(v.getMajor() + "." + v.getMinor() + "." + v.getMicro());
    }

    @Override
    public <T> T direct(String operation, Callable<T> work) {
        return calls.direct(operation, id, work);
    }

    private <T> T kernel(String operation, Callable<T> work) {
        return calls.timed(operation, work, KERNEL_FAILURE);
    }

    private static final Function<Exception, RuntimeException> KERNEL_FAILURE = e -> {
        if (e instanceof KernelException k) return new Refusal(k.status(), k.detail());
        if (e instanceof RuntimeException r) return new Refusal(500, "the kernel failed: " + r);
        return new Refusal(500, "the kernel failed: " + e);
    };

    @Override
    public String create(Map<String, Object> params) {
        return kernel("instantiate", () -> assets.create(id, params, Locale.ENGLISH, null).id());
    }

    @Override
    public String copy(String assetId) {
        return kernel("copy", () -> assets.copy(assetId, Locale.ENGLISH, null).id());
    }

    @Override
    public void delete(String assetId) {
        kernel("delete", () -> {
            assets.delete(assetId, Locale.ENGLISH, null);
            return null;
        });
    }

    @Override
    public Optional<Exported> export(String assetId) {
        try {
            return kernel("export", () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String[] file = new String[2];
                assets.export(assetId, Locale.ENGLISH, null, (name, type) -> {
                    file[0] = name;
                    file[1] = type;
                    return out;
                });
                return Optional.of(new Exported(file[0], file[1], out.toByteArray()));
            });
        } catch (Refusal r) {
            if (r.status() == 404 && exists(assetId)) return Optional.empty(); // nothing to export yet
            throw r;
        }
    }

    @Override
    public boolean exists(String assetId) {
        return assets.get(assetId).isPresent();
    }

    @Override
    public Optional<Boolean> hasPages() {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + InterlinkerPages.PROPERTY + "=" + id + ")");
            if (refs == null) return Optional.of(false);
            for (ServiceReference<?> r : refs) {
                if (r.getBundle() != null && r.getBundle().getBundleId() == bundle.getBundleId()) return Optional.of(true);
            }
            return Optional.of(false);
        } catch (InvalidSyntaxException e) {
            return Optional.of(false);
        }
    }

    @Override
    public Optional<PageAnswer> get(String path) {
        String base = endpoint();
        if (base == null) return Optional.empty();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Optional.of(new PageAnswer(r.statusCode(), r.body()));
        } catch (IOException e) {
            return Optional.of(new PageAnswer(-1, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Where the platform's HTTP server listens, from the HTTP runtime's endpoint property; null when not known. */
    private String endpoint() {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences("org.osgi.service.http.runtime.HttpServiceRuntime", null);
            if (refs != null) {
                for (ServiceReference<?> r : refs) {
                    Object v = r.getProperty("osgi.http.endpoint");
                    Iterable<?> values = v instanceof String[] a ? java.util.List.of(a) : v instanceof Collection<?> c ? c : v == null ? java.util.List.of() : java.util.List.of(v);
                    for (Object e : values) {
                        String s = e.toString();
                        if (s.startsWith("http://")) {
                            s = s.replace("://0.0.0.0:", "://127.0.0.1:");
                            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
                        }
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            // no endpoint known
        }
        return null;
    }

    @Override
    public Optional<Boolean> storeEmpty(String assetId) { return Optional.empty(); }

    @Override public String restartDescription() { return "its bundle was stopped and started"; }

    @Override
    public void restart() {
        try {
            bundle.stop();
            awaitGone();
            bundle.start();
        } catch (BundleException e) {
            throw new Refusal(500, "could not stop and start " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
        awaitBack("after a restart");
    }

    @Override public Optional<String> updateDescription() { return Optional.of("its bundle was updated"); }

    @Override
    public void update() {
        try {
            bundle.update();
        } catch (BundleException e) {
            throw new Refusal(500, "could not update " + bundle.getSymbolicName() + " from " + bundle.getLocation() + ": " + e.getMessage());
        }
        awaitBack("after an update");
    }

    private void awaitGone() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<InterlinkerEntry> e = registry.find(id);
            if (e.isEmpty() || !e.get().serving() || e.get().bundle().id() != bundle.getBundleId()) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitBack(String when) {
        InterlinkerEntry entry = await("'" + id + "' to serve again",
                e -> (e.serving() && e.status() == InterlinkerStatus.ACTIVE && e.bundle().id() == bundle.getBundleId())
                        || (e.status() == InterlinkerStatus.REJECTED && e.bundle().id() == bundle.getBundleId()));
        if (entry == null) throw new Refusal(503, "'" + id + "' did not serve again within " + WAIT.toSeconds() + " s " + when);
        if (entry.status() == InterlinkerStatus.REJECTED) throw new Refusal(503, "the kernel refused '" + id + "' " + when + ": " + entry.reason());
        Optional<String> problem = attach(entry);
        if (problem.isPresent()) throw new Refusal(503, problem.get());
    }

    @Override
    public void close() {
        assetTracker.close();
        registryTracker.close();
        calls.close();
    }
}
