package eu.interlink.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class InterlinkerDescriptorTest {

    private static InterlinkerDescriptor.Builder valid() {
        return InterlinkerDescriptor.builder("survey", "1.2.3")
                .capabilities(Capability.INSTANTIATE, Capability.VIEW)
                .texts("en", "Survey", "Ask questions")
                .texts("es", "Encuesta", "Hacer preguntas");
    }

    @Test
    public void buildsAndFallsBackToEnglish() {
        InterlinkerDescriptor d = valid().build();
        assertEquals("Encuesta", d.texts("es").name());
        assertEquals("Survey", d.texts("lv").name());
        assertEquals("Survey", d.texts(null).name());
        assertTrue(d.can(Capability.VIEW));
        assertEquals(1, d.dataVersion());
    }

    @Test
    public void refusesBadIdsWithAReason() {
        for (String id : new String[] {"", "S", "Survey", "1survey", "sur--vey", "sur_vey", "a".repeat(65), null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InterlinkerDescriptor.builder(id, "1.0.0").texts("en", "x", "").capabilities(Capability.INSTANTIATE).build());
            assertTrue(e.getMessage(), e.getMessage().contains("lower-case"));
        }
    }

    @Test
    public void refusesBadVersionsMissingEnglishAndMissingInstantiate() {
        assertThrows(IllegalArgumentException.class, () -> InterlinkerDescriptor.builder("survey", "1.0").texts("en", "x", "").build());
        assertThrows(IllegalArgumentException.class, () -> InterlinkerDescriptor.builder("survey", "01.0.0").texts("en", "x", "").build());
        IllegalArgumentException noEnglish = assertThrows(IllegalArgumentException.class,
                () -> InterlinkerDescriptor.builder("survey", "1.0.0").texts("es", "x", "").capabilities(Capability.INSTANTIATE).build());
        assertTrue(noEnglish.getMessage().contains("English"));
        IllegalArgumentException noInstantiate = assertThrows(IllegalArgumentException.class,
                () -> InterlinkerDescriptor.builder("survey", "1.0.0").texts("en", "x", "").build());
        assertTrue(noInstantiate.getMessage().contains("INSTANTIATE"));
        assertThrows(IllegalArgumentException.class, () -> valid().texts("EN", "x", ""));
        assertThrows(IllegalArgumentException.class, () -> valid().assetPage("/interlinkers/survey"));
    }
}
