package eu.interlink.knowledge.internal;

/** A pack that cannot be read as it is: the message says which file and what its author should fix. */
final class MalformedPackException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPackException(String message) {
        super(message);
    }
}
