package eu.interlink.testing.faulty.apimajor;

// Test fixture, fault: built against this API (1.x), but the manifest imports eu.interlink.api;version="[2.0,3)"
// (see the bnd instructions in pom.xml), as an Interlinker built for the next major version of the platform would.
// Why it exists: to prove that such an Interlinker never resolves here and is reported as incompatible, instead of
// failing at run time.

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class ApiMajorInterlinker implements Interlinker {
    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("faulty-api-major", InterlinkerDescriptor.versionOf(ApiMajorInterlinker.class))
            .capabilities(Capability.INSTANTIATE)
            .texts("en", "Faulty: API major", "A test fixture that requires version 2 of the Interlinker API, so it never resolves on this platform.")
            .tags("testing")
            .build();

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        context.store().put("data", "{}");
        return AssetInfo.named("Faulty: API major");
    }
}
