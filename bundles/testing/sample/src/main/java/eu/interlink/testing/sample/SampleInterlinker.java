package eu.interlink.testing.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.Document;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * Keeps the parameters it was instantiated with as one JSON document and gives them back as {@code sample.json}:
 * just enough to exercise every kernel call of the capabilities it declares.
 */
@Component(service = Interlinker.class)
public final class SampleInterlinker implements Interlinker {
    static final String ID = "sample";
    static final String KEY = "data";
    static final String DEFAULT_NAME = "Sample";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InterlinkerDescriptor descriptor;

    /** For DS: the version is the bundle's, as the kernel requires. */
    public SampleInterlinker() {
        this(InterlinkerDescriptor.versionOf(SampleInterlinker.class));
    }

    /** For tests outside a framework, where there is no bundle version. */
    SampleInterlinker(String version) {
        this.descriptor = InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD)
                .texts("en", "Sample", "A minimal Interlinker used by the platform's integration tests. "
                        + "It keeps what it is given and gives it back as JSON.")
                .texts("es", "Ejemplo", "Un Interlinker mínimo que usan las pruebas de integración de la plataforma. "
                        + "Guarda lo que recibe y lo devuelve en JSON.")
                .texts("it", "Esempio", "Un Interlinker minimo usato dai test di integrazione della piattaforma. "
                        + "Conserva ciò che riceve e lo restituisce in JSON.")
                .texts("lv", "Paraugs", "Minimāls Interlinker, ko izmanto platformas integrācijas testi. "
                        + "Tas saglabā saņemtos datus un atdod tos JSON formātā.")
                .tags("sample", "testing")
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /** Stores {@code params} as they are; the asset is named after {@code name} or {@code title} when given. */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Map<String, Object> data = params == null ? Map.of() : params;
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params must be plain JSON values: " + e.getOriginalMessage(), e);
        }
        context.store().put(KEY, json);
        return AssetInfo.named(name(data));
    }

    static String name(Map<String, Object> data) {
        for (String key : new String[] {"name", "title"}) {
            if (data.get(key) instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return DEFAULT_NAME;
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Document document = source.store().get(KEY)
                .orElseThrow(() -> new IllegalStateException("Asset " + source.asset() + " has no '" + KEY + "' document"));
        target.store().put(KEY, document.json());
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = JSON.readValue(document.json(), Map.class);
            return AssetInfo.named(name(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Asset " + source.asset() + " holds a document that is not JSON", e);
        }
    }

    /** Nothing beyond the store, which the kernel deletes. */
    @Override
    public void delete(AssetContext context) {
        // Nothing to do.
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        // Read now: the kernel may write the file after this call, when the context is no longer valid.
        return context.store().get(KEY).map(d -> new JsonExport(d.json()));
    }

    private record JsonExport(String json) implements AssetExport {
        @Override
        public String fileName() { return "sample.json"; }

        @Override
        public String contentType() { return "application/json"; }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
