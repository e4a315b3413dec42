package eu.interlink.knowledge.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.Test;

import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.KnowledgeDraft;
import eu.interlink.coproduction.Language;

/**
 * The starter pack as the platform reads it: the extender's own reader over the built classes folder, then the
 * catalogue's vocabularies. In the extender's package, to use its reader without exporting it.
 */
public class StarterPackTest {
    private static final Path CLASSES = Path.of("target/classes");

    /** The pack's files from the build's output folder, as a bundle would give them. */
    private static final PackFiles FOLDER = new PackFiles() {
        @Override
        public Set<String> interlinkerFolders(String folder) throws IOException {
            Set<String> out = new HashSet<>();
            try (Stream<Path> dirs = Files.list(CLASSES.resolve(folder))) {
                dirs.filter(d -> Files.isRegularFile(d.resolve(PackReader.DESCRIPTOR))).forEach(d -> out.add(d.getFileName().toString()));
            }
            return out;
        }

        @Override
        public byte[] read(String path, int limit) throws IOException {
            Path p = CLASSES.resolve(path);
            if (!Files.isRegularFile(p)) return null;
            if (Files.size(p) > limit) throw new IOException("it is larger than " + limit + " bytes");
            return Files.readAllBytes(p);
        }
    };

    @Test
    public void isAKnowledgePackBundle() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            var main = new Manifest(in).getMainAttributes();
            assertEquals("knowledge", main.getValue("Interlink-Knowledge"));
            assertEquals("eu.interlink.knowledge.starter", main.getValue("Bundle-SymbolicName"));
            assertEquals("a pack has no code and imports nothing", null, main.getValue("Import-Package"));
        }
    }

    @Test
    public void hasSixOrMoreInterlinkersCompleteInFourLanguagesWithKnownCodes() throws Exception {
        List<KnowledgeDraft> pack = PackReader.read(FOLDER, "knowledge");
        assertTrue("at least six Interlinkers, not " + pack.size(), pack.size() >= 6);
        for (KnowledgeDraft d : pack) {
            String id = d.entry().id();
            assertEquals(id, Language.codes(), d.entry().languages());
            for (Language l : Language.values()) {
                assertTrue(id + " name " + l, d.entry().name().exactly(l).isPresent());
                assertTrue(id + " description " + l, d.entry().description().exactly(l).isPresent());
                assertTrue(id + " instructions " + l, d.entry().instructions().exactly(l).isPresent());
                assertTrue(id + " resource " + l, d.resources().get(l.code()).content().length > 0);
            }
            assertTrue(id, Codes.FORMS.contains(d.entry().form()));
            assertTrue(id, Codes.FORMATS.contains(d.entry().format()));
            assertTrue(id, Codes.LICENCES.contains(d.entry().licence()));
            assertTrue(id, Codes.DIFFICULTIES.contains(d.entry().difficulty()));
            assertTrue(id, Codes.ADMINISTRATIVE_SCOPES.containsAll(d.entry().administrativeScopes()));
            assertFalse(id + " needs problem profiles, or recommendations never find it", d.entry().problemProfiles().isEmpty());
            for (String p : d.entry().problemProfiles()) assertTrue(id + " " + p, p.matches("(ORG|UND|DEF|BUILD|VAL|SUS|HACKATHON)_PROBLEM_[0-9.]+"));
            for (Language l : Language.values()) assertFalse(id + " tags " + l, d.entry().tags().getOrDefault(l.code(), List.of()).isEmpty());
        }
    }
}
