package eu.interlink.testkit;

/** What the conformance kit checks, in the order it runs the checks. */
public enum Check {
    /**
     * The descriptor: id and version syntax, the version equal to the bundle's, a name and a description in every
     * declared language with English among them, capabilities that fit the nature and the pages, and the same
     * answer every time it is asked.
     */
    DESCRIPTOR("descriptor"),
    /** Every declared capability works: instantiate, clone, delete and download through the kernel; view, edit and preview as pages. */
    DECLARED_CAPABILITIES("declared capabilities work"),
    /** Every capability not declared is refused: by the kernel (409 naming it), and by the Interlinker's own method. */
    UNDECLARED_CAPABILITIES("undeclared capabilities are refused"),
    /** Instantiate, copy, delete and export agree: a copy exports what its source does, a deleted asset's data is gone. */
    ASSET_LIFE_CYCLE("instantiate, copy, delete and export agree"),
    /** All data is in the DocumentStore: an asset is the same after its Interlinker is restarted and updated. */
    DATA_IN_STORE("data lives only in the DocumentStore"),
    /** Every call returns within the kernel's time limit (or a stricter one the test sets). */
    TIME_LIMIT("calls return within the time limit");

    private final String title;

    Check(String title) {
        this.title = title;
    }

    /** What the check is about, in a few words. */
    public String title() {
        return title;
    }
}
