package eu.interlink.interlinker.editor;

import java.util.Map;

import org.junit.Test;

import eu.interlink.testkit.ConformanceKit;

/** The checks of the conformance kit that need no platform; EditorIT runs all of them in a booted one. */
public class EditorConformanceTest {

    @Test
    public void conformsOutsideThePlatform() {
        ConformanceKit.forInterlinker(() -> new EditorInterlinker("1.0.0"))
                .instantiateWith(Map.of("title", "Minutes", "html", "<p>Agreed: meet <b>monthly</b>.</p>"))
                .assertConforms();
    }
}
