package eu.interlink.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.bench.interlinker.GeneratedInterlinker;
import eu.interlink.kernel.internal.RegistryComponent;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.Page;

/**
 * The kernel's registry read paths, as every catalogue request runs them: {@code find(id)} and {@code search(query)}
 * over the published snapshot, with {@code n} Interlinkers registered.
 *
 * <p>The registry is a DS component whose registrations arrive through the framework; outside one, this builds it
 * with its own constructor and fills its registrations by reflection (as {@code arrive} would, all valid and
 * serving), then publishes its snapshot. Nothing of the kernel's code is copied: find and search run as shipped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegistryBenchmark {
    @Param({"10", "1000"})
    public int n;

    private RegistryComponent registry;
    private String[] ids;
    private int next;
    private InterlinkerQuery firstPage;
    private InterlinkerQuery byText;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        registry = new RegistryComponent();
        Class<?> registration = Class.forName(RegistryComponent.class.getName() + "$Registration");
        Constructor<?> make = registration.getDeclaredConstructor(RegistryComponent.class, long.class, Bundle.class, Interlinker.class,
                InterlinkerDescriptor.class, String.class);
        make.setAccessible(true);
        Map<Long, Object> registrations = field("registrations");
        Map<String, Object> serving = field("servingById");
        ids = new String[n];
        for (int i = 1; i <= n; i++) {
            String id = GeneratedBundles.id(i);
            ids[i - 1] = id;
            InterlinkerDescriptor descriptor = GeneratedInterlinker.descriptor(id, "0.1.0");
            Object r = make.newInstance(registry, 1000L + i, bundle(100L + i, "eu.interlink.bench.gen" + id.substring(4)), service(descriptor), descriptor, null);
            registrations.put(1000L + i, r);
            serving.put(id, r);
        }
        Method publish = RegistryComponent.class.getDeclaredMethod("publish");
        publish.setAccessible(true);
        synchronized (registry) {
            publish.invoke(registry);
        }
        firstPage = new InterlinkerQuery(Optional.empty(), Optional.empty(), "en", 0, 20);
        byText = new InterlinkerQuery(Optional.empty(), Optional.of(ids[n / 2]), "en", 0, 20);
        if (registry.search(firstPage).total() != n || registry.find(ids[0]).isEmpty()) throw new IllegalStateException("registry not filled");
    }

    /** {@code GET /api/v1/interlinkers/{id}}: one Interlinker by id (the ids in turn). */
    @Benchmark
    public Optional<InterlinkerEntry> find() {
        String id = ids[next++ % ids.length];
        return registry.find(id);
    }

    /** {@code GET /api/v1/interlinkers?limit=20}: the first page of the catalogue. */
    @Benchmark
    public Page<InterlinkerEntry> searchFirstPage() {
        return registry.search(firstPage);
    }

    /** {@code GET /api/v1/interlinkers?q=gen-0500}: a text search that matches one. */
    @Benchmark
    public Page<InterlinkerEntry> searchText() {
        return registry.search(byText);
    }

    /** {@code GET /api/v1/interlinkers/{id}} also lists the id's versions. */
    @Benchmark
    public List<InterlinkerEntry> versions() {
        String id = ids[next++ % ids.length];
        return registry.versions(id);
    }

    @SuppressWarnings("unchecked")
    private <T> T field(String name) throws ReflectiveOperationException {
        Field f = RegistryComponent.class.getDeclaredField(name);
        f.setAccessible(true);
        return (T) f.get(registry);
    }

    /** A bundle as the registry reads it: id, symbolic name, version. */
    private static Bundle bundle(long id, String symbolicName) {
        Version version = new Version(0, 1, 0, "SNAPSHOT");
        return (Bundle) Proxy.newProxyInstance(RegistryBenchmark.class.getClassLoader(), new Class<?>[] {Bundle.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getBundleId": return id;
                case "getSymbolicName": return symbolicName;
                case "getVersion": return version;
                case "hashCode": return Long.hashCode(id);
                case "equals": return proxy == args[0];
                case "toString": return symbolicName + " " + version;
                default: throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    private static Interlinker service(InterlinkerDescriptor descriptor) {
        return new Interlinker() {
            @Override
            public InterlinkerDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
