package eu.interlink.testing.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;

/** Keeps the text of its notes in a field, lost when the bundle restarts: the data-in-store check fails. */
@Component(service = Interlinker.class)
public final class MemoryFault extends Notes {
    public static final String ID = "conformance-memory";

    public MemoryFault() {
        this(InterlinkerDescriptor.versionOf(MemoryFault.class));
    }

    /** For tests outside a framework. */
    public MemoryFault(String version) {
        super(ID, version, Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD);
    }

    private final Map<String, String> texts = new ConcurrentHashMap<>();

    @Override
    protected void write(AssetContext context, String title, String text) {
        super.write(context, title, "");
        texts.put(context.asset().id(), text);
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        AssetInfo info = super.copy(source, target);
        texts.put(target.asset().id(), texts.getOrDefault(source.asset().id(), ""));
        return info;
    }

    @Override
    public void delete(AssetContext context) {
        texts.remove(context.asset().id());
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        return context.store().get(KEY).map(d -> markdown(field(d.json(), "title"), texts.getOrDefault(context.asset().id(), "")));
    }
}
