package eu.interlink.testkit.internal;

/** A call the kernel (or, outside a platform, the kit in its place) refused or that failed: status and detail as the API would show them. */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public Refusal(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() { return status; }

    public String detail() { return getMessage(); }

    @Override
    public String toString() { return status + " (" + getMessage() + ")"; }
}
