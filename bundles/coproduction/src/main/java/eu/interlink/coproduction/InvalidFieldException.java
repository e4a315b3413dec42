package eu.interlink.coproduction;

import eu.interlink.kernel.service.KernelException;

/**
 * A 400 for one field of a request: {@link #field()} names it the way the client wrote it, such as
 * {@code phases[1].children[0].prerequisites[0]}, and the front ends pass the name on.
 */
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
