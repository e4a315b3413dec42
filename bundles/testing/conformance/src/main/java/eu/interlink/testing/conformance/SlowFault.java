package eu.interlink.testing.conformance;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Takes 600 ms to delete an asset: over a limit of 500 ms the time-limit check fails. */
@Component(service = Interlinker.class)
public final class SlowFault extends Notes {
    public static final String ID = "conformance-slow";

    public SlowFault() {
        this(InterlinkerDescriptor.versionOf(SlowFault.class));
    }

    /** For tests outside a framework. */
    public SlowFault(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD);
    }

    /** Long enough to be over the limit the kit's tests set, short enough to keep them quick. */
    public static final long DELETE_MILLIS = 2500;

    @Override
    public void delete(AssetContext context) {
        try {
            Thread.sleep(DELETE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
