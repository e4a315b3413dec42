package eu.interlink.kernel.service;

/**
 * A request the kernel cannot satisfy, with what the client should be told: the front ends turn it into an
 * RFC 9457 problem (HTTP), or a shell message, without further interpretation.
 */
public class KernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status that says what kind of failure this is. */
    private final int status;
    /** A short, stable, kebab-case name of the problem kind, such as {@code interlinker-unavailable}. */
    private final String type;
    private final String title;

    public KernelException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static KernelException notFound(String what, String id) {
        return new KernelException(404, "not-found", what + " not found", "There is no " + what.toLowerCase(java.util.Locale.ROOT) + " '" + id + "'");
    }

    public static KernelException badRequest(String detail) {
        return new KernelException(400, "bad-request", "Bad request", detail);
    }

    public int status() { return status; }

    public String type() { return type; }

    public String title() { return title; }

    public String detail() { return getMessage(); }
}
