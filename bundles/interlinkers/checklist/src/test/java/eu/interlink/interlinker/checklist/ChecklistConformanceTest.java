package eu.interlink.interlinker.checklist;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import eu.interlink.testkit.ConformanceKit;

/** The checks of the conformance kit that need no platform; ConformanceIT runs all of them in a booted one. */
public class ChecklistConformanceTest {

    @Test
    public void conformsOutsideThePlatform() {
        ConformanceKit.forInterlinker(() -> new ChecklistInterlinker("1.0.0"))
                .instantiateWith(Map.of("title", "Plan the workshop", "items", List.of("Book a room", "Invite residents")))
                .assertConforms();
    }
}
