package eu.interlink.coproduction;

import java.util.List;

/**
 * What a clone or an import made, and what it could not carry over.
 *
 * @param process the new process
 * @param assets  how many task assets the new process has
 * @param issues  everything left out or changed on the way, in the order met
 */
public record TransferReport(CoproductionProcess process, int assets, List<Issue> issues) {

    public TransferReport {
        issues = List.copyOf(issues);
    }

    /**
     * One thing not carried over.
     *
     * @param kind    what happened, in kebab-case: {@code asset-not-copied}, {@code interlinker-absent},
     *                {@code data-version-differs}, {@code team-not-found}, {@code user-not-found},
     *                {@code administrator-not-added}, {@code export-file-missing}
     * @param subject what it is about: an asset, team, user or Interlinker, by the id or name the source gave
     * @param detail  a sentence that says what happened and what to do
     */
    public record Issue(String kind, String subject, String detail) {
    }
}
