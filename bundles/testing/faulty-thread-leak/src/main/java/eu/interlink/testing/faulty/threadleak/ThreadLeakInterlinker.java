package eu.interlink.testing.faulty.threadleak;

// Test fixture, fault: starts a thread named faulty-thread-leak-N that sleeps forever, once on activation and once
// on every instantiate, and never stops any of them, not even when deactivated or uninstalled.
// Why it exists: to prove that the platform survives, and can report, an Interlinker that leaks threads (and with
// them its class loader) across calls, upgrades and removal. Otherwise it works: instantiate stores a document.

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class ThreadLeakInterlinker implements Interlinker {
    static final String THREAD_PREFIX = "faulty-thread-leak-";
    /** N in the thread names: 1, 2, 3… for as long as this bundle's classes stay loaded. */
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("faulty-thread-leak", InterlinkerDescriptor.versionOf(ThreadLeakInterlinker.class))
            .capabilities(Capability.INSTANTIATE)
            .texts("en", "Faulty: thread leak", "A test fixture that starts a thread on every instantiation and never stops it.")
            .tags("testing")
            .build();

    @Activate
    void activate() {
        leak();
    }

    /** Starts a daemon thread that sleeps until interrupted; nothing here ever interrupts it. */
    private static String leak() {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // Only someone else (a test cleaning up) can end it.
            }
        }, THREAD_PREFIX + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return thread.getName();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        String thread = leak();
        context.store().put("data", "{\"thread\":\"" + thread + "\"}");
        return AssetInfo.named("leaky");
    }
}
