package eu.interlink.testing.faulty.duplicate;

// Test fixture, fault: a valid Interlinker in its own bundle (eu.interlink.testing.faulty.duplicate) that registers
// the id "sample", which belongs to the bundle eu.interlink.testing.sample.
// Why it exists: to prove that the kernel refuses an Interlinker whose id another bundle already holds, so that no
// bundle can take over another's assets, and keeps serving the rightful one.

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class DuplicateIdInterlinker implements Interlinker {
    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("sample", InterlinkerDescriptor.versionOf(DuplicateIdInterlinker.class))
            .capabilities(Capability.INSTANTIATE)
            .texts("en", "Faulty: duplicate id", "A test fixture that claims the id of another bundle's Interlinker; the kernel must refuse it.")
            .tags("testing")
            .build();

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        context.store().put("data", "{}");
        return AssetInfo.named("Faulty: duplicate id");
    }
}
