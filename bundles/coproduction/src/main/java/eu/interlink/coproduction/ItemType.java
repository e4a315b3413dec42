package eu.interlink.coproduction;

/** The levels of a co-production tree: a process has phases, a phase objectives, an objective tasks. */
public enum ItemType {
    PHASE, OBJECTIVE, TASK
}
