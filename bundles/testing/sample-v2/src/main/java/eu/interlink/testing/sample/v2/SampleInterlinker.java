package eu.interlink.testing.sample.v2;

// Test fixture: version 0.2.0 of the sample Interlinker (same Bundle-SymbolicName, eu.interlink.testing.sample).
// Why it exists: the integration tests upgrade 0.1.0 to it and roll it back to prove hot swap and a reversible
// data migration (shape 1 -> 2) with nothing lost: its export is byte for byte the one 0.1.0 makes from the
// same params, so a test can compare downloads across versions, and the revert restores 0.1.0's document exactly.

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.DataMigration;
import eu.interlink.api.Document;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * Keeps the parameters it was instantiated with inside a shape 2 document ({@link Shape2}) and gives them back
 * as {@code sample.json}, exactly as version 0.1.0 does.
 */
@Component(service = Interlinker.class)
public final class SampleInterlinker implements Interlinker {
    static final String ID = "sample";
    static final String DEFAULT_NAME = "Sample";

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
                .dataVersion(Shape2.SHAPE)
                .texts("en", "Sample", "A minimal Interlinker used by the platform's integration tests (v2). "
                        + "It keeps what it is given and gives it back as JSON.")
                .texts("es", "Ejemplo", "Un Interlinker mínimo que usan las pruebas de integración de la plataforma (v2). "
                        + "Guarda lo que recibe y lo devuelve en JSON.")
                .texts("it", "Esempio", "Un Interlinker minimo usato dai test di integrazione della piattaforma (v2). "
                        + "Conserva ciò che riceve e lo restituisce in JSON.")
                .texts("lv", "Paraugs", "Minimāls Interlinker, ko izmanto platformas integrācijas testi (v2). "
                        + "Tas saglabā saņemtos datus un atdod tos JSON formātā.")
                .tags("sample", "testing")
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /** Stores {@code params} as 0.1.0 does, wrapped; the asset is named after {@code name} or {@code title}. */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Map<String, Object> data = params == null ? Map.of() : params;
        String json;
        try {
            json = Shape2.JSON.writeValueAsString(data); // the very text 0.1.0 would store
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params must be plain JSON values: " + e.getOriginalMessage(), e);
        }
        context.store().put(Shape2.KEY, Shape2.wrap(json));
        return AssetInfo.named(name(json));
    }

    static String name(String paramsJson) {
        JsonNode params;
        try {
            params = Shape2.JSON.readTree(paramsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("params that are not JSON: " + e.getOriginalMessage(), e);
        }
        for (String key : new String[] {"name", "title"}) {
            JsonNode value = params.get(key);
            if (value != null && value.isTextual() && !value.textValue().isBlank()) {
                return value.textValue().strip();
            }
        }
        return DEFAULT_NAME;
    }

    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        Document document = source.store().get(Shape2.KEY)
                .orElseThrow(() -> new IllegalStateException("Asset " + source.asset() + " has no '" + Shape2.KEY + "' document"));
        String params = Shape2.params(document.json());
        target.store().put(Shape2.KEY, document.json());
        return AssetInfo.named(name(params));
    }

    /** Nothing beyond the store, which the kernel deletes. */
    @Override
    public void delete(AssetContext context) {
        // Nothing to do.
    }

    @Override
    public Optional<AssetExport> export(AssetContext context) {
        // Read now: the kernel may write the file after this call, when the context is no longer valid.
        return context.store().get(Shape2.KEY).map(d -> new JsonExport(Shape2.params(d.json())));
    }

    @Override
    public List<DataMigration> migrations() {
        return List.of(new WrapParams());
    }

    /** The same file as 0.1.0's: the params' JSON text, in UTF-8. */
    private record JsonExport(String json) implements AssetExport {
        @Override
        public String fileName() { return "sample.json"; }

        @Override
        public String contentType() { return "application/json"; }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
