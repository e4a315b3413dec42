package eu.interlink.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Knowledge packs built by the tests themselves, as jars: a manifest with {@code Interlink-Knowledge} and the files
 * of the layout the knowledge archetype makes. Each test writes exactly the pack (good or broken) it needs.
 */
final class Packs {
    private final String symbolicName;
    private final String version;
    private final Map<String, String> files = new LinkedHashMap<>();

    private Packs(String symbolicName, String version) {
        this.symbolicName = symbolicName;
        this.version = version;
    }

    static Packs pack(String symbolicName, String version) {
        return new Packs(symbolicName, version);
    }

    /**
     * A knowledge Interlinker with texts in {@code languages} (English always first): names are "{@code name} (lang)",
     * except English, which is {@code name}; each language has instructions and a resource whose text names its language.
     */
    Packs guide(String id, String name, String difficulty, String profile, String... languages) {
        StringBuilder texts = new StringBuilder();
        StringBuilder resources = new StringBuilder();
        StringBuilder langs = new StringBuilder();
        for (String lang : languages) {
            String n = lang.equals("en") ? name : name + " (" + lang + ")";
            if (texts.length() > 0) {
                texts.append(",\n");
                resources.append(", ");
                langs.append(", ");
            }
            texts.append("    \"").append(lang).append("\": {\"name\": \"").append(n).append("\", \"description\": \"About ").append(n).append("\"}");
            resources.append('"').append(lang).append("\": \"").append(lang).append("/files/template.md\"");
            langs.append('"').append(lang).append('"');
            file("knowledge/" + id + "/" + lang + "/instructions.md", "# " + n + "\n\nHow to use it, in " + lang + ".\n");
            file("knowledge/" + id + "/" + lang + "/files/template.md", "# Template of " + id + " in " + lang + "\n");
        }
        file("knowledge/" + id + "/interlinker.json", "{\n  \"id\": \"" + id + "\",\n  \"nature\": \"knowledge\",\n  \"languages\": [" + langs
                + "],\n  \"texts\": {\n" + texts + "\n  },\n  \"form\": \"guidelines\",\n  \"format\": \"editable_source_document\",\n"
                + "  \"difficulty\": \"" + difficulty + "\",\n  \"problemProfiles\": [\"" + profile + "\"],\n"
                + "  \"tags\": {\"en\": [\"itest\"]},\n  \"resources\": {" + resources + "}\n}\n");
        return this;
    }

    Packs file(String path, String content) {
        files.put(path, content);
        return this;
    }

    Packs without(String path) {
        files.remove(path);
        return this;
    }

    byte[] jar() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Interlink-Knowledge", "knowledge");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            // Folders as entries of their own, as Maven writes them; the extender does not need them.
            TreeSet<String> folders = new TreeSet<>();
            for (String path : files.keySet()) {
                for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) folders.add(path.substring(0, i + 1));
            }
            for (String folder : folders) {
                jar.putNextEntry(new JarEntry(folder));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                jar.putNextEntry(new JarEntry(f.getKey()));
                jar.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
