package eu.interlink.branding;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import eu.interlink.coproduction.Language;
import eu.interlink.kernel.service.SettingException;

public class BrandingRulesTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Map<String, Object> valid() throws Exception {
        Files.writeString(folder.getRoot().toPath().resolve("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", StandardCharsets.UTF_8);
        Map<String, Object> p = new HashMap<>();
        p.put("name", "Città partecipata");
        p.put("logo", "logo.svg");
        p.put("colour.primary", "#0066CC");
        p.put("colour.secondary", "#ffffff");
        p.put("languages", "it, en");
        p.put("language.default", "it");
        p.put("schema.default", "servicedescriptionenhancement");
        p.put("service.pid", "eu.interlink.branding");
        p.put("felix.fileinstall.filename", "file:/etc/eu.interlink.branding.cfg");
        return p;
    }

    private Branding read(Map<String, Object> p) {
        return BrandingRules.read(p, folder.getRoot().toPath(), Set.of());
    }

    private void refused(Map<String, Object> p, String key, String words) {
        try {
            read(p);
            fail("should refuse " + p);
        } catch (SettingException e) {
            assertEquals(e.getMessage(), key, e.key());
            assertTrue(e.getMessage(), e.getMessage().contains(words));
        }
    }

    @Test
    public void readsAValidBranding() throws Exception {
        Branding b = read(valid());
        assertEquals("Città partecipata", b.name());
        assertEquals("#0066cc", b.primaryColour());
        assertEquals(List.of(Language.IT, Language.EN), b.languages());
        assertEquals(Language.IT, b.defaultLanguage());
        assertEquals("servicedescriptionenhancement", b.defaultSchema());
        assertEquals("image/svg+xml", b.logo().contentType());
        assertEquals("logo.svg", b.logo().fileName());
    }

    @Test
    public void anEmptyConfigurationIsTheBuiltInBranding() {
        Branding b = BrandingRules.defaults();
        assertEquals("Interlink", b.name());
        assertEquals(List.of(Language.EN, Language.ES, Language.IT, Language.LV), b.languages());
        assertEquals(Language.EN, b.defaultLanguage());
        assertTrue(new String(b.logo().bytes(), StandardCharsets.UTF_8).contains("<svg"));
    }

    @Test
    public void languagesMayBeAnArray() throws Exception {
        Map<String, Object> p = valid();
        p.put("languages", new String[] { "lv", "en" });
        p.remove("language.default");
        assertEquals(Language.LV, read(p).defaultLanguage());
    }

    @Test
    public void refusesWhatBreaksARule() throws Exception {
        Map<String, Object> p = valid();
        p.put("colour.primary", "red");
        refused(p, "colour.primary", "#rrggbb");
        p = valid();
        p.put("colour.secondary", "#12345");
        refused(p, "colour.secondary", "#rrggbb");
        p = valid();
        p.put("languages", "it, fr");
        refused(p, "languages", "'fr'");
        p = valid();
        p.put("languages", "it, it");
        refused(p, "languages", "twice");
        p = valid();
        p.put("languages", " , ");
        p.remove("language.default");
        refused(p, "languages", "at least one");
        p = valid();
        p.put("language.default", "es");
        refused(p, "language.default", "not one of the languages offered (it, en)");
        p = valid();
        p.put("schema.default", "Not A Schema");
        refused(p, "schema.default", "schema id");
        p = valid();
        p.put("name", "x".repeat(101));
        refused(p, "name", "at most 100");
        p = valid();
        p.put("colour.primay", "#000000");
        refused(p, "colour.primay", "not a setting");
    }

    @Test
    public void refusesALogoThatIsMissingTooLargeOrNotWhatItsNameSays() throws Exception {
        Map<String, Object> p = valid();
        p.put("logo", "missing.png");
        refused(p, "logo", "there is no file");
        Path fake = folder.getRoot().toPath().resolve("fake.png");
        Files.writeString(fake, "not an image");
        p.put("logo", "fake.png");
        refused(p, "logo", "is not the image/png image");
        p.put("logo", "logo.gif");
        refused(p, "logo", ".svg, .png, .jpg or .webp");
        Path big = folder.getRoot().toPath().resolve("big.svg");
        Files.write(big, ("<svg>" + "x".repeat(BrandingRules.MAX_LOGO_BYTES)).getBytes(StandardCharsets.UTF_8));
        p.put("logo", "big.svg");
        refused(p, "logo", "larger than 512 KiB");
        Path png = folder.getRoot().toPath().resolve("ok.png");
        Files.write(png, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 });
        p.put("logo", "ok.png");
        assertEquals("image/png", read(p).logo().contentType());
    }

    @Test
    public void otherKeysOfTheCallerAreLeftToIt() throws Exception {
        Map<String, Object> p = valid();
        p.put("features", "interlink-checklist");
        assertEquals("Città partecipata", BrandingRules.read(p, folder.getRoot().toPath(), Set.of("features")).name());
    }
}
