package eu.interlink.store;

/** The database failed: it is down, or a statement broke. The message names the operation. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
