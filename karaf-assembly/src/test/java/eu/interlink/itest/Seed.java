package eu.interlink.itest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shared seed catalogue read straight from its files, so that tests compare what the platform answers with
 * what the data says, never with numbers copied from the platform.
 */
final class Seed {
    /** The folders under interlinkers/ and the API's nature labels, in the same order. */
    static final List<String> FOLDERS = List.of("software", "knowledge", "externalsoftware", "externalknowledge");
    static final List<String> NATURES = List.of("software", "knowledge", "external-software", "external-knowledge");

    final Path root;

    Seed() {
        File folder = Platform.seedCatalogue();
        this.root = folder.toPath().toAbsolutePath();
    }

    JsonNode json(String relative) {
        try {
            return Http.JSON.readTree(root.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The metadata.json of every item of one nature folder. */
    List<JsonNode> items(String folder) {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root.resolve("interlinkers").resolve(folder))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("metadata.json"))).sorted()
                    .forEach(d -> out.add(json(root.relativize(d.resolve("metadata.json")).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    List<JsonNode> allItems() {
        List<JsonNode> out = new ArrayList<>();
        for (String f : FOLDERS) out.addAll(items(f));
        return out;
    }

    /** The metadata of the item with this id. */
    JsonNode item(String id) {
        return allItems().stream().filter(m -> m.path("id").asText().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no item " + id));
    }

    boolean exists(String metadataPath) {
        return Files.isRegularFile(root.resolve(metadataPath).normalize());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
