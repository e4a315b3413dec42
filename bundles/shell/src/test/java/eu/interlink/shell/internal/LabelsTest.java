package eu.interlink.shell.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.Arrays;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;

import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerStatus;

public class LabelsTest {

    @Test
    public void statusesParseInAnyCase() throws Exception {
        assertEquals(InterlinkerStatus.ACTIVE, Labels.status("active"));
        assertEquals(InterlinkerStatus.REJECTED, Labels.status("REJECTED"));
        assertEquals(InterlinkerStatus.DISABLED, Labels.status(" Disabled "));
        for (InterlinkerStatus s : InterlinkerStatus.values()) {
            assertEquals(s, Labels.status(s.label()));
        }
    }

    @Test
    public void unknownStatusListsTheValidOnes() {
        try {
            Labels.status("broken");
            fail();
        } catch (CommandException e) {
            assertEquals("Error: Unknown status 'broken': use one of active, failing, unavailable, rejected, disabled", e.getNiceHelp());
        }
    }

    @Test
    public void naturesParseWithHyphensOrUnderscores() throws Exception {
        assertEquals(Nature.SOFTWARE, Labels.nature("software"));
        assertEquals(Nature.EXTERNAL_SOFTWARE, Labels.nature("external-software"));
        assertEquals(Nature.EXTERNAL_KNOWLEDGE, Labels.nature("EXTERNAL_KNOWLEDGE"));
    }

    @Test
    public void unknownNatureListsTheValidOnes() {
        try {
            Labels.nature("");
            fail();
        } catch (CommandException e) {
            assertEquals("Error: Unknown nature '': use one of software, knowledge, external-software, external-knowledge", e.getNiceHelp());
        }
    }

    @Test
    public void labelsAreTheApiOnes() {
        assertEquals("external-knowledge", Labels.label(Nature.EXTERNAL_KNOWLEDGE));
        for (InterlinkerStatus s : InterlinkerStatus.values()) {
            assertEquals(s.label(), Labels.label(s));
        }
    }

    /** The completion values are literals (annotations need constants): they must follow the enums. */
    @Test
    public void completionsOfListOptionsAreTheLabels() throws Exception {
        assertArrayEquals(labels(InterlinkerStatus.values()),
                ListCommand.class.getDeclaredField("status").getAnnotation(Completion.class).values());
        assertArrayEquals(labels(Nature.values()),
                ListCommand.class.getDeclaredField("nature").getAnnotation(Completion.class).values());
    }

    private static String[] labels(Enum<?>[] values) {
        return Arrays.stream(values).map(Labels::label).toArray(String[]::new);
    }
}
