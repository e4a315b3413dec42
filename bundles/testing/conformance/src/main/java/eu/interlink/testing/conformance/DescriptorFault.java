package eu.interlink.testing.conformance;


import org.osgi.service.component.annotations.Component;

import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Declares VIEW without pages or an asset page, and has an empty Spanish description: the descriptor check fails. */
@Component(service = Interlinker.class)
public final class DescriptorFault extends Notes {
    public static final String ID = "conformance-descriptor";

    public DescriptorFault() {
        this(InterlinkerDescriptor.versionOf(DescriptorFault.class));
    }

    /** For tests outside a framework. */
    public DescriptorFault(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD, Capability.VIEW);
    }

    @Override
    protected InterlinkerDescriptor.Builder describe(InterlinkerDescriptor.Builder b) {
        return b.texts("en", "Notes with a broken descriptor", "Declares a page it does not have.").texts("es", "Notas", "");
    }
}
