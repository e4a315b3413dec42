package eu.interlink.testing.faulty.descriptor;

// Test fixture, fault: descriptor() throws, so the kernel cannot even learn who this Interlinker is (its id would
// have been faulty-descriptor).
// Why it exists: to prove that the kernel refuses such a service with a reason an operator can read, instead of
// failing while it registers Interlinkers.

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class BrokenDescriptorInterlinker implements Interlinker {

    @Override
    public InterlinkerDescriptor descriptor() {
        throw new IllegalStateException("deliberately broken descriptor");
    }

    /** Never called: without a descriptor there is no capability. */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        throw new IllegalStateException("deliberately broken descriptor");
    }
}
