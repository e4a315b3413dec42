package eu.interlink.testing.faulty.activation;

// Test fixture, fault: the component's @Activate throws, so DS never hands out an instance.
// Why it exists: to prove that an Interlinker failing in its own start-up is kept out of the catalogue without
// harming the kernel or other Interlinkers. It is a delayed component (the DS default): its service is registered
// and activation, so the failure, happens when the kernel first gets the service.

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class FaultyActivationInterlinker implements Interlinker {
    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("faulty-activation", InterlinkerDescriptor.versionOf(FaultyActivationInterlinker.class))
            .capabilities(Capability.INSTANTIATE)
            .texts("en", "Faulty: activation", "A test fixture whose component always fails to activate.")
            .tags("testing")
            .build();

    @Activate
    void activate() {
        throw new IllegalStateException("deliberately fails to activate");
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        context.store().put("data", "{}");
        return AssetInfo.named("Never made");
    }
}
