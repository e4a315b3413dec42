package eu.interlink.teams;

import eu.interlink.kernel.service.KernelException;

/** A 400: one field of what the client sent is wrong; the front ends name it ({@code field} in the problem body). */
public class InvalidFieldException extends KernelException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidFieldException(String field, String detail) {
        super(400, "invalid-field", "Invalid field", detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
