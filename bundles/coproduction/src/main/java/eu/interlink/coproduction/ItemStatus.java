package eu.interlink.coproduction;

import java.util.Locale;
import java.util.Optional;

/** Where a task, and by roll-up an objective, a phase or a process, stands. */
public enum ItemStatus {
    AWAITING, IN_PROGRESS, FINISHED;

    /** As in the API and the database: {@code awaiting}, {@code in_progress}, {@code finished}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemStatus> of(String label) {
        for (ItemStatus s : values()) {
            if (s.label().equals(label)) return Optional.of(s);
        }
        return Optional.empty();
    }
}
