package eu.interlink.api;

/**
 * What an Interlinker can do with its assets. Declared in the descriptor, never guessed: the kernel refuses an
 * operation whose capability is not declared, and the conformance kit checks that each declared one works.
 */
public enum Capability {
    /** Create a new asset: {@link Interlinker#instantiate}. */
    INSTANTIATE,
    /** Show an asset read-only in the Interlinker's own pages. */
    VIEW,
    /** Change an asset in the Interlinker's own pages. */
    EDIT,
    /** Duplicate an asset with its data: {@link Interlinker#copy}. */
    CLONE,
    /** Remove an asset and its data: {@link Interlinker#delete}. */
    DELETE,
    /** Produce a file from an asset: {@link Interlinker#export}. */
    DOWNLOAD,
    /** Show a small preview of an asset. */
    PREVIEW
}
