package eu.interlink.testing.conformance;


import org.osgi.service.component.annotations.Component;

import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Keeps every rule: the kit must pass it. */
@Component(service = Interlinker.class)
public final class GoodNotes extends Notes {
    public static final String ID = "conformance-good";

    public GoodNotes() {
        this(InterlinkerDescriptor.versionOf(GoodNotes.class));
    }

    /** For tests outside a framework. */
    public GoodNotes(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD);
    }
}
