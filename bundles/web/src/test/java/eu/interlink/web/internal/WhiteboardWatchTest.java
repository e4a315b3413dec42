package eu.interlink.web.internal;

import static org.junit.Assert.assertEquals;

import java.util.Set;

import org.junit.Test;

public class WhiteboardWatchTest {

    @Test
    public void onlyAnElementRegisteredButUndeployedForThePatienceIsReRegisteredAndThenGetsItsOwnPatience() {
        WhiteboardWatch.Stuck stuck = new WhiteboardWatch.Stuck(3);
        Set<String> declared = Set.of("api", "error-page", "waiting");
        Set<String> deployed = Set.of("api");
        Set<String> registered = Set.of("api", "error-page"); // "waiting" has unsatisfied references: not ours to push
        assertEquals(Set.of(), stuck.update(declared, deployed, registered));
        assertEquals(Set.of(), stuck.update(declared, deployed, registered));
        assertEquals(Set.of("error-page"), stuck.update(declared, deployed, registered));
        assertEquals(Set.of(), stuck.update(declared, deployed, registered));
        assertEquals(Set.of(), stuck.update(declared, deployed, registered));
        assertEquals(Set.of("error-page"), stuck.update(declared, deployed, registered));
    }

    @Test
    public void deployingInTimeOrLosingTheServiceResetsTheCount() {
        WhiteboardWatch.Stuck stuck = new WhiteboardWatch.Stuck(2);
        Set<String> declared = Set.of("a");
        assertEquals(Set.of(), stuck.update(declared, Set.of(), Set.of("a")));
        assertEquals(Set.of(), stuck.update(declared, Set.of("a"), Set.of("a"))); // deployed: fine
        assertEquals(Set.of(), stuck.update(declared, Set.of(), Set.of("a")));
        assertEquals(Set.of(), stuck.update(declared, Set.of(), Set.of())); // its service left: not stuck
        assertEquals(Set.of(), stuck.update(declared, Set.of(), Set.of("a")));
        assertEquals(Set.of("a"), stuck.update(declared, Set.of(), Set.of("a")));
    }
}
