package eu.interlink.platform.maven;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import eu.interlink.coproduction.Language;

public class PlatformDescriptorTest {
    static final Set<String> REPOSITORY = Set.of("interlink-jackson", "interlink-persistence", "interlink-kernel", "interlink-shell", "interlink-webapp",
            "interlink-checklist", "interlink-survey", "interlink");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();
    private Path folder;

    @Before
    public void folder() throws Exception {
        folder = temp.newFolder("city").toPath();
        Files.writeString(folder.resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    private void descriptor(String... lines) throws Exception {
        Files.writeString(folder.resolve("platform.properties"), String.join("\n", lines), StandardCharsets.UTF_8);
    }

    private String refused() {
        try {
            PlatformDescriptor.read(folder, REPOSITORY);
            fail("should be refused");
            return null;
        } catch (PlatformException e) {
            return e.getMessage();
        }
    }

    @Test
    public void readsADescriptorAndListsItsBootFeatures() throws Exception {
        descriptor("name = Ciudad · Innovación", "logo = logo.svg", "colour.primary = #AA0000", "languages = es, en",
                "features = interlink-survey, interlink-checklist");
        PlatformDescriptor p = PlatformDescriptor.read(folder, REPOSITORY);
        assertEquals("city", p.name());
        assertEquals("Ciudad · Innovación", p.branding().name());
        assertEquals("#aa0000", p.branding().primaryColour());
        assertEquals(Language.ES, p.branding().defaultLanguage());
        assertEquals(List.of("jaas", "interlink-kernel", "interlink-shell", "interlink-webapp", "interlink-survey", "interlink-checklist"), p.bootFeatures(List.of("jaas")));
    }

    @Test
    public void refusalsNameTheFileTheKeyAndTheRule() throws Exception {
        descriptor("colour.secondary = blue", "features = interlink-survey");
        String why = refused();
        assertTrue(why, why.contains("platform.properties: colour.secondary must be a colour written #rrggbb"));

        descriptor("languages = es, de");
        assertTrue(refused().contains("languages may name only en, es, it, lv, not 'de'"));

        descriptor("logo = missing.png");
        assertTrue(refused().contains("logo: there is no file"));

        descriptor("features = interlink-editor");
        why = refused();
        assertTrue(why, why.contains("there is no feature 'interlink-editor'; the Interlinker features are interlink, interlink-checklist, interlink-survey"));

        descriptor("features = interlink-jackson");
        assertTrue(refused().contains("part of interlink-kernel"));

        descriptor("features = interlink-survey, interlink-survey");
        assertTrue(refused().contains("twice"));

        descriptor("colour.primay = #000000");
        assertTrue(refused().contains("'colour.primay' is not a setting"));
    }

    @Test
    public void writesTheBrandingAndKeepsThePlatformsOwnConfiguration() throws Exception {
        descriptor("name = Città", "logo = logo.svg", "languages = it", "features = interlink-checklist");
        Files.createDirectories(folder.resolve("etc"));
        Files.writeString(folder.resolve("etc/eu.interlink.kernel.cfg"), "call.timeout.ms = 20000\n");
        Path shared = temp.newFolder("shared").toPath();
        Files.createDirectories(shared.resolve("etc"));
        Files.writeString(shared.resolve("etc/eu.interlink.kernel.cfg"), "call.timeout.ms = 10000\n");
        Files.writeString(shared.resolve("etc/org.ops4j.pax.web.cfg"), "port = 8181\n");
        Path out = temp.getRoot().toPath().resolve("out");

        Preparation.prepare(PlatformDescriptor.read(folder, REPOSITORY), shared, out);

        String branding = Files.readString(out.resolve("etc/eu.interlink.branding.cfg"), StandardCharsets.ISO_8859_1);
        assertTrue(branding, branding.contains("name = Citt\\u00e0\n"));
        assertTrue(branding, branding.contains("logo = branding/logo.svg\n"));
        assertTrue(branding, branding.contains("languages = it\n"));
        assertTrue(Files.isRegularFile(out.resolve("etc/branding/logo.svg")));
        assertEquals("call.timeout.ms = 20000\n", Files.readString(out.resolve("etc/eu.interlink.kernel.cfg")));
        assertEquals("port = 8181\n", Files.readString(out.resolve("etc/org.ops4j.pax.web.cfg")));
    }

    @Test
    public void theBrandingBelongsInTheDescriptorNotInEtc() throws Exception {
        descriptor("features = interlink-checklist");
        Files.createDirectories(folder.resolve("etc"));
        Files.writeString(folder.resolve("etc/eu.interlink.branding.cfg"), "name = x\n");
        try {
            Preparation.prepare(PlatformDescriptor.read(folder, REPOSITORY), null, temp.getRoot().toPath().resolve("out"));
            fail();
        } catch (PlatformException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("the branding comes from platform.properties"));
        }
    }

    @Test
    public void readsTheFeatureNamesOfARepository() throws Exception {
        Path xml = temp.newFile("features.xml").toPath();
        Files.writeString(xml, "<features name=\"x\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                + "<feature name=\"interlink-kernel\" version=\"1\"><feature>scr</feature></feature>"
                + "<feature name=\"interlink-editor\" version=\"1\"><feature version=\"1\">interlink-kernel</feature></feature></features>");
        assertEquals(Set.of("interlink-kernel", "interlink-editor"), FeatureRepository.names(xml));
    }
}
