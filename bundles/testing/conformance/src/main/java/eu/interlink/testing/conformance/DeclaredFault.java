package eu.interlink.testing.conformance;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Declares DOWNLOAD but its export is not written yet: the check of declared capabilities fails. */
@Component(service = Interlinker.class)
public final class DeclaredFault extends Notes {
    public static final String ID = "conformance-declared";

    public DeclaredFault() {
        this(InterlinkerDescriptor.versionOf(DeclaredFault.class));
    }

    /** For tests outside a framework. */
    public DeclaredFault(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD);
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        throw new UnsupportedOperationException("export is not written yet");
    }
}
