package eu.interlink.coproduction;

import java.util.List;

/** A process's tree: the process (with its rolled-up status, progress and dates) and its phases, in order. */
public record ProcessTree(CoproductionProcess process, List<TreeItem> phases) {

    public ProcessTree {
        phases = List.copyOf(phases);
    }
}
