package eu.interlink.coproduction.internal;

import static eu.interlink.coproduction.ItemStatus.AWAITING;
import static eu.interlink.coproduction.ItemStatus.FINISHED;
import static eu.interlink.coproduction.ItemStatus.IN_PROGRESS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.internal.Rollup.Input;
import eu.interlink.coproduction.internal.Rollup.Result;

public class RollupTest {

    private static Result task(ItemStatus s) {
        return Rollup.leaf(s, null, null);
    }

    @Test
    public void oneOfFourTasksInProgressIsTwelveAndAHalf() {
        Result r = Rollup.parent(AWAITING, List.of(task(IN_PROGRESS), task(AWAITING), task(AWAITING), task(AWAITING)));
        assertEquals(IN_PROGRESS, r.status());
        assertEquals(12.5, r.progress(), 0);
    }

    @Test
    public void statusIsFinishedOnlyWhenAllAreAndAwaitingOnlyWhenAllAre() {
        assertEquals(FINISHED, Rollup.parent(AWAITING, List.of(task(FINISHED), task(FINISHED))).status());
        assertEquals(100.0, Rollup.parent(AWAITING, List.of(task(FINISHED), task(FINISHED))).progress(), 0);
        assertEquals(AWAITING, Rollup.parent(FINISHED, List.of(task(AWAITING), task(AWAITING))).status());
        assertEquals(0.0, Rollup.parent(FINISHED, List.of(task(AWAITING), task(AWAITING))).progress(), 0);
        Result mixed = Rollup.parent(AWAITING, List.of(task(FINISHED), task(AWAITING)));
        assertEquals(IN_PROGRESS, mixed.status());
        assertEquals(50.0, mixed.progress(), 0);
    }

    @Test
    public void progressFollowsTheFormulaToTwoDecimals() {
        assertEquals(33.33, Rollup.progress(0, 1, 3), 0);
        assertEquals(66.67, Rollup.progress(2, 1, 3), 0);
        assertEquals(62.5, Rollup.progress(1, 2, 4), 0);
        assertEquals(50.0, task(IN_PROGRESS).progress(), 0);
        assertEquals(100.0, task(FINISHED).progress(), 0);
    }

    @Test
    public void aParentWithoutEnabledChildrenKeepsItsOwnStatus() {
        Result r = Rollup.parent(IN_PROGRESS, List.of());
        assertEquals(IN_PROGRESS, r.status());
        assertEquals(50.0, r.progress(), 0);
        assertNull(r.start());
    }

    @Test
    public void datesAggregateUpwardAndDisabledItemsDoNotCount() {
        LocalDate d1 = LocalDate.of(2025, 3, 1);
        LocalDate d2 = LocalDate.of(2025, 4, 15);
        LocalDate d3 = LocalDate.of(2025, 6, 30);
        Input t1 = new Input("t1", FINISHED, d2, d3, true, List.of());
        Input t2 = new Input("t2", AWAITING, null, null, true, List.of());
        Input t3 = new Input("t3", IN_PROGRESS, d1, LocalDate.of(2026, 1, 1), false, List.of());
        Input objective = new Input("o1", AWAITING, null, null, true, List.of(t1, t2, t3));
        Input emptyObjective = new Input("o2", AWAITING, null, null, true, List.of());
        Input phase = new Input("p1", AWAITING, null, null, true, List.of(objective, emptyObjective));
        Input process = new Input("process", AWAITING, null, null, true, List.of(phase));
        Map<String, Result> all = Rollup.compute(process, i -> i.id().startsWith("t"));

        Result o1 = all.get("o1");
        assertEquals(IN_PROGRESS, o1.status());
        assertEquals(50.0, o1.progress(), 0);
        assertEquals(d2, o1.start());
        assertEquals(d3, o1.end());
        assertEquals(AWAITING, all.get("o2").status());
        Result p1 = all.get("p1");
        assertEquals(IN_PROGRESS, p1.status());
        assertEquals(25.0, p1.progress(), 0);
        assertEquals(d2, p1.start());
        assertEquals(d3, all.get("process").end());
        assertEquals(50.0, all.get("process").progress(), 0);
        // The disabled task is still computed, for display.
        assertEquals(IN_PROGRESS, all.get("t3").status());
    }
}
