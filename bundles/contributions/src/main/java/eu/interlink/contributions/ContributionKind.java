package eu.interlink.contributions;

import java.util.Locale;
import java.util.Optional;

/** What sort of work a contribution is; points are counted per kind and in total. */
public enum ContributionKind {
    MANAGEMENT, DEVELOPMENT, EXPLOITATION;

    /** The lower-case name used in JSON and the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a label, in any case; empty for anything else. */
    public static Optional<ContributionKind> of(String label) {
        if (label == null) return Optional.empty();
        for (ContributionKind k : values()) {
            if (k.label().equals(label.trim().toLowerCase(Locale.ROOT))) return Optional.of(k);
        }
        return Optional.empty();
    }
}
