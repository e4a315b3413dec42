package eu.interlink.kernel.service;

/** Where an Interlinker stands, as operators and users see it. */
public enum InterlinkerStatus {
    /** Registered, valid, serving. */
    ACTIVE,
    /** Serving, but its calls fail or time out often enough that the kernel stopped trusting it. */
    FAILING,
    /** Known (its assets exist) but no bundle serves it now. Its data is kept until it returns. */
    UNAVAILABLE,
    /** Refused when it arrived; the reason says what to fix. */
    REJECTED,
    /** Switched off by an operator. */
    DISABLED;

    /** The lower-case name used in the API, the shell and the log. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
