package eu.interlink.coproduction;

/**
 * A kind of problem a co-production team meets (the original platform's {@code ORG_PROBLEM_1}…). Tasks and
 * Interlinkers both name problem profiles; that is how Interlinkers are recommended for a task.
 *
 * @param functionality what would help to solve it
 */
public record ProblemProfile(String id, Translated name, Translated description, Translated functionality) {
}
