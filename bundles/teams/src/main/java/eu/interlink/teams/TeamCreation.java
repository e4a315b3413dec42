package eu.interlink.teams;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may create teams in an organisation: its administrators only, also the members of any of its teams, or
 * any signed-in account. JSON: the name in lower case.
 */
public enum TeamCreation {
    ADMINISTRATORS, MEMBERS, ANYONE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TeamCreation> of(String label) {
        for (TeamCreation t : values()) if (t.label().equals(label)) return Optional.of(t);
        return Optional.empty();
    }

    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(TeamCreation::label).toList());
    }
}
