package eu.interlink.knowledge.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.Before;
import org.junit.Test;

import eu.interlink.api.Nature;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.coproduction.Language;

/** The pack layout of the knowledge archetype, read from an in-memory pack, and every refusal naming its file. */
public class PackReaderTest {
    private final Map<String, byte[]> pack = new TreeMap<>();

    private final PackFiles files = new PackFiles() {
        @Override
        public Set<String> interlinkerFolders(String folder) {
            Set<String> out = new LinkedHashSet<>();
            for (String path : pack.keySet()) {
                if (!path.startsWith(folder + "/")) continue;
                String[] rest = path.substring(folder.length() + 1).split("/");
                if (rest.length == 2 && rest[1].equals(PackReader.DESCRIPTOR)) out.add(rest[0]);
            }
            return out;
        }

        @Override
        public byte[] read(String path, int limit) throws IOException {
            byte[] b = pack.get(path);
            if (b != null && b.length > limit) throw new IOException("it is larger than " + limit + " bytes");
            return b;
        }
    };

    private void put(String path, String text) {
        pack.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String GUIDE = """
            {
              "id": "workshop-guide",
              "languages": ["en", "es"],
              "texts": {
                "en": {"name": "Workshop guide", "description": "How to run a workshop"},
                "es": {"name": "Guía de taller", "description": "Cómo llevar un taller", "constraints": "Dos horas"}
              },
              "form": "guidelines", "format": "editable_source_document", "licence": "permissive", "difficulty": "easy",
              "problemProfiles": ["DEF_PROBLEM_3"],
              "tags": {"en": ["workshop"], "es": ["taller"]},
              "resources": {"en": "en/files/agenda.md", "es": "es/files/agenda.md"},
              "logo": "logo.svg"
            }
            """;

    @Before
    public void aGoodPack() {
        put("knowledge/workshop-guide/interlinker.json", GUIDE);
        put("knowledge/workshop-guide/en/instructions.md", "# Run it\n");
        put("knowledge/workshop-guide/es/instructions.md", "# Hazlo\n");
        put("knowledge/workshop-guide/en/files/agenda.md", "# Agenda\n");
        put("knowledge/workshop-guide/es/files/agenda.md", "# Orden del día\n");
        put("knowledge/workshop-guide/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    }

    private String refusal() {
        return assertThrows(MalformedPackException.class, () -> PackReader.read(files, "knowledge")).getMessage();
    }

    @Test
    public void readsTheArchetypesLayout() throws Exception {
        List<KnowledgeDraft> read = PackReader.read(files, " /knowledge/ ");
        assertEquals(1, read.size());
        KnowledgeDraft d = read.get(0);
        assertEquals("workshop-guide", d.entry().id());
        assertEquals(Nature.KNOWLEDGE, d.entry().nature());
        assertEquals("Guía de taller", d.entry().name().exactly(Language.ES).orElseThrow());
        assertEquals("Dos horas", d.entry().constraints().exactly(Language.ES).orElseThrow());
        assertEquals("# Hazlo\n", d.entry().instructions().exactly(Language.ES).orElseThrow());
        assertEquals(List.of("taller"), d.entry().tags().get("es"));
        assertEquals(List.of("en", "es"), d.entry().languages());
        assertEquals("agenda.md", d.resources().get("es").name());
        assertEquals("text/markdown; charset=utf-8", d.resources().get("es").contentType());
        assertEquals("# Orden del día\n", new String(d.resources().get("es").content(), StandardCharsets.UTF_8));
        assertEquals("image/svg+xml", d.logo().orElseThrow().contentType());
    }

    @Test
    public void aMalformedPackIsRefusedNamingTheFileAndTheFix() {
        pack.remove("knowledge/workshop-guide/es/instructions.md");
        assertEquals("knowledge/workshop-guide/es/instructions.md is missing (the instructions in 'es')", refusal());
        aGoodPack();
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("\"languages\": [\"en\", \"es\"]", "\"languages\": [\"es\"]"));
        assertTrue(refusal(), refusal().startsWith("knowledge/workshop-guide/interlinker.json: 'languages' must list the pack's languages, \"en\" among them"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("\"form\"", "\"fromm\""));
        assertTrue(refusal(), refusal().startsWith("knowledge/workshop-guide/interlinker.json: unknown field 'fromm'"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("}\n", "").replace("\"logo\"", "\"logo\"::"));
        assertTrue(refusal(), refusal().startsWith("knowledge/workshop-guide/interlinker.json is not valid JSON"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("en/files/agenda.md", "../../secret.md"));
        assertTrue(refusal(), refusal().contains("'resources.en' must stay inside knowledge/workshop-guide/"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("\"es\": \"es/files/agenda.md\"", "\"lv\": \"es/files/agenda.md\""));
        assertTrue(refusal(), refusal().contains("'resources.es' is missing"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("\"id\": \"workshop-guide\"", "\"id\": \"other\""));
        assertTrue(refusal(), refusal().contains("'id' must be the folder's name, 'workshop-guide'"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("\"name\": \"Guía de taller\", ", ""));
        assertTrue(refusal(), refusal().endsWith("'texts.es.name' is missing"));
        put("knowledge/workshop-guide/interlinker.json", GUIDE.replace("\"tags\": {\"en\": [\"workshop\"], \"es\": [\"taller\"]}", "\"tags\": [\"workshop\"]"));
        assertTrue(refusal(), refusal().contains("'tags' must be an object with the tags per language"));
        pack.put("knowledge/workshop-guide/interlinker.json", GUIDE.getBytes(StandardCharsets.UTF_8));
        pack.put("knowledge/workshop-guide/en/instructions.md", new byte[] {(byte) 0xC3, (byte) 0x28});
        assertEquals("knowledge/workshop-guide/en/instructions.md is not UTF-8 text", refusal());

        pack.clear();
        assertTrue(refusal(), refusal().startsWith("knowledge/ has no Interlinker"));
        assertThrows(MalformedPackException.class, () -> PackReader.read(files, "../etc"));
        assertThrows(MalformedPackException.class, () -> PackReader.read(files, " "));
    }
}
