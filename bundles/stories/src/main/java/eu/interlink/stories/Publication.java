package eu.interlink.stories;

import eu.interlink.coproduction.TransferReport;

/** A new story and what copying its process could not carry over (assets an Interlinker could not copy). */
public record Publication(Story story, TransferReport copy) {
}
