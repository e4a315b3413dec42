package eu.interlink.testing.faulty.blocking;

// Test fixture, fault: every operation (instantiate, copy, delete, export) blocks forever and swallows
// InterruptedException, so not even interrupting the calling thread frees it; descriptor() answers normally.
// Why it exists: to prove that the kernel's time limit answers the user and keeps the platform serving even when
// the Interlinker's thread can never be got back.

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class BlockingInterlinker implements Interlinker {
    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("faulty-blocking", InterlinkerDescriptor.versionOf(BlockingInterlinker.class))
            .capabilities(Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD)
            .texts("en", "Faulty: blocking", "A test fixture whose every operation blocks forever.")
            .tags("testing")
            .build();

    /** Never returns: the latch is never counted down and an interruption is ignored (that is the point). */
    private static <T> T blockForever() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException deliberatelySwallowed) {
                // Ignored on purpose, interrupt status included: wait again.
            }
        }
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        return blockForever();
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        return blockForever();
    }

    @Override
    public void delete(AssetContext context) {
        blockForever();
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        return blockForever();
    }
}
