package eu.interlink.testkit.internal;

import eu.interlink.api.CapabilityNotSupportedException;
import eu.interlink.api.StaleDocumentException;

/** How the kernel's guard classes what an Interlinker throws; the kit does the same outside a platform. */
final class Outcomes {
    private Outcomes() {
    }

    static Refusal refusal(String interlinkerId, String operation, Throwable t) {
        if (t instanceof Refusal r) return r;
        if (t instanceof IllegalArgumentException) return new Refusal(400, t.getMessage());
        if (t instanceof CapabilityNotSupportedException || t instanceof StaleDocumentException) return new Refusal(409, t.getMessage());
        return new Refusal(502, "Interlinker '" + interlinkerId + "' failed to " + operation + ": " + t);
    }
}
