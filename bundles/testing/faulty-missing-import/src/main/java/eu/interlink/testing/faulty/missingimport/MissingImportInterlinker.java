package eu.interlink.testing.faulty.missingimport;

// Test fixture, fault: the code is a plain valid Interlinker, but the manifest also imports
// org.example.nowhere;version="[1,2)" (see the bnd instructions in pom.xml), which no bundle exports.
// Why it exists: to prove that a bundle that never resolves is reported to operators with the missing
// requirement, and that nothing else is affected.

import java.util.Map;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

@Component(service = Interlinker.class)
public final class MissingImportInterlinker implements Interlinker {
    private final InterlinkerDescriptor descriptor = InterlinkerDescriptor
            .builder("faulty-missing-import", InterlinkerDescriptor.versionOf(MissingImportInterlinker.class))
            .capabilities(Capability.INSTANTIATE)
            .texts("en", "Faulty: missing import", "A test fixture that imports a package no bundle exports, so it never resolves.")
            .tags("testing")
            .build();

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        context.store().put("data", "{}");
        return AssetInfo.named("Faulty: missing import");
    }
}
