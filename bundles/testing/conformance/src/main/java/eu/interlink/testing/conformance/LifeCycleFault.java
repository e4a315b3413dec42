package eu.interlink.testing.conformance;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Marks every copy as a copy, so a copy exports something else than its source: the life-cycle check fails. */
@Component(service = Interlinker.class)
public final class LifeCycleFault extends Notes {
    public static final String ID = "conformance-lifecycle";

    public LifeCycleFault() {
        this(InterlinkerDescriptor.versionOf(LifeCycleFault.class));
    }

    /** For tests outside a framework. */
    public LifeCycleFault(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD);
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        String json = read(source).json();
        String title = field(json, "title") + " (copy)";
        write(target, title, field(json, "text"));
        return AssetInfo.named(title);
    }
}
