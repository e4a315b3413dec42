package eu.interlink.interlinker.files;

import java.util.Map;

import org.junit.Test;

import eu.interlink.testkit.ConformanceKit;

/** The checks of the conformance kit that need no platform; FilesIT runs all of them in a booted one. */
public class FilesConformanceTest {

    @Test
    public void conformsOutsideThePlatform() {
        ConformanceKit.forInterlinker(() -> new FilesInterlinker("1.0.0"))
                .instantiateWith(Map.of("title", "Workshop material"))
                .assertConforms();
    }
}
