package eu.interlink.api;

/** An operation whose {@link Capability} the Interlinker does not declare. */
public class CapabilityNotSupportedException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;
    private final String interlinkerId;
    private final Capability capability;

    public CapabilityNotSupportedException(String interlinkerId, Capability capability) {
        super("Interlinker '" + interlinkerId + "' does not declare the " + capability + " capability");
        this.interlinkerId = interlinkerId;
        this.capability = capability;
    }

    public String interlinkerId() { return interlinkerId; }

    public Capability capability() { return capability; }
}
