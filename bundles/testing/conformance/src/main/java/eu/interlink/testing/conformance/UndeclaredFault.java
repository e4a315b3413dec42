package eu.interlink.testing.conformance;


import org.osgi.service.component.annotations.Component;

import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Copies assets (the method is inherited) but does not declare CLONE: the check of undeclared capabilities fails. */
@Component(service = Interlinker.class)
public final class UndeclaredFault extends Notes {
    public static final String ID = "conformance-undeclared";

    public UndeclaredFault() {
        this(InterlinkerDescriptor.versionOf(UndeclaredFault.class));
    }

    /** For tests outside a framework. */
    public UndeclaredFault(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.DELETE, Capability.DOWNLOAD);
    }
}
