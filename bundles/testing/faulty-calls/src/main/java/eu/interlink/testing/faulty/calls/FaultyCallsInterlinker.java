package eu.interlink.testing.faulty.calls;

// Test fixture, fault: a valid descriptor, but every operation (instantiate, copy, delete, export) throws.
// Why it exists: to prove that the kernel's guard catches, counts and reports an Interlinker's exceptions, rolls
// back what the call wrote and never shows a user a stack trace, while every other Interlinker keeps serving.

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class FaultyCallsInterlinker implements Interlinker {
    static final String MESSAGE = "deliberately fails every call";

    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("faulty-calls", InterlinkerDescriptor.versionOf(FaultyCallsInterlinker.class))
            .capabilities(Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD)
            .texts("en", "Faulty: calls", "A test fixture whose every operation throws an exception.")
            .tags("testing")
            .build();

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void delete(AssetContext context) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        throw new IllegalStateException(MESSAGE);
    }
}
