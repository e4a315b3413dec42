package eu.interlink.teams;

import java.util.Locale;
import java.util.Optional;

/** What kind of people a team is, as the original platform classified them. JSON: the name in lower case. */
public enum TeamType {
    CITIZEN, PUBLIC_ADMINISTRATION, NONPROFIT_ORGANIZATION, FORPROFIT_ORGANIZATION;

    /** The JSON label, such as {@code public_administration}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TeamType> of(String label) {
        for (TeamType t : values()) if (t.label().equals(label)) return Optional.of(t);
        return Optional.empty();
    }

    /** The labels, for messages: {@code citizen, public_administration, …}. */
    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(TeamType::label).toList());
    }
}
