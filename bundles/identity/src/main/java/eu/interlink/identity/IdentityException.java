package eu.interlink.identity;

import eu.interlink.kernel.service.KernelException;

/**
 * A refusal of the identity service, with the HTTP status that says what kind: 400 for invalid input (naming the
 * {@link #field}), 401 for failed authentication, 403, 404, 409, and 429 (with {@link #retryAfterSeconds}).
 */
public class IdentityException extends KernelException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final long retryAfterSeconds;

    public IdentityException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, 0);
    }

    public IdentityException(int status, String type, String title, String detail, String field, long retryAfterSeconds) {
        super(status, type, title, detail);
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static IdentityException invalid(String field, String detail) {
        return new IdentityException(400, "invalid-field", "Invalid field", detail, field, 0);
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** For 429: how many seconds to wait. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
