package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pack as the platform's knowledge extender reads it: the manifest header names the folder; each
 * Interlinker in it has metadata, and for each of its languages a name, a description, instructions and the
 * resource file the metadata names (relative to the Interlinker's folder). The platform checks more when the
 * pack arrives (the codes' vocabularies, unknown fields) and lists a refused pack with its reason.
 */
public class KnowledgePackTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    public void theManifestNamesTheKnowledgeFolder() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            assertEquals("knowledge", new Manifest(in).getMainAttributes().getValue("Interlink-Knowledge"));
        }
    }

    @Test
    public void everyInterlinkerIsCompleteInEachOfItsLanguages() throws IOException {
        Path root = CLASSES.resolve("knowledge");
        try (var folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                JsonNode meta = new ObjectMapper().readTree(folder.resolve("interlinker.json").toFile());
                String id = folder.getFileName().toString();
                assertEquals("the id in interlinker.json must be the folder's name", id, meta.path("id").asText());
                assertTrue(id + ": id must be lower-case letters, digits and single hyphens", id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
                assertTrue(id + ": English is required", meta.path("languages").toString().contains("\"en\""));
                for (JsonNode language : meta.path("languages")) {
                    String lang = language.asText();
                    JsonNode texts = meta.path("texts").path(lang);
                    assertFalse(id + "/" + lang + ": name", texts.path("name").asText().isBlank());
                    assertFalse(id + "/" + lang + ": description", texts.path("description").asText().isBlank());
                    Path instructions = folder.resolve(lang).resolve("instructions.md");
                    assertTrue(id + ": missing " + instructions, Files.isRegularFile(instructions));
                    assertFalse(id + ": empty " + instructions, Files.readString(instructions).isBlank());
                    String resource = meta.path("resources").path(lang).asText();
                    assertFalse(id + ": 'resources' names no file for " + lang, resource.isBlank());
                    assertTrue(id + ": missing " + resource, Files.isRegularFile(folder.resolve(resource)));
                }
            }
        }
    }
}
