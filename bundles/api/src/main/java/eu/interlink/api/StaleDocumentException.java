package eu.interlink.api;

/** A {@link DocumentStore#replace} lost a race: the document changed since it was read. Read it again and retry or merge. */
public class StaleDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final long expectedVersion;
    private final long actualVersion;

    public StaleDocumentException(String key, long expectedVersion, long actualVersion) {
        super("Document '" + key + "' is at version " + actualVersion + ", not " + expectedVersion + ": it changed since it was read");
        this.key = key;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String key() { return key; }

    public long expectedVersion() { return expectedVersion; }

    /** 0 when the document no longer exists. */
    public long actualVersion() { return actualVersion; }
}
