package eu.interlink.api;

import java.util.Objects;

/** The texts of an Interlinker in one language. */
public final class InterlinkerTexts {
    private final String name;
    private final String description;

    private InterlinkerTexts(String name, String description) {
        this.name = requireText(name, "name");
        this.description = description == null ? "" : description;
    }

    /** @param name shown in the catalogue, never blank; @param description may be empty */
    public static InterlinkerTexts of(String name, String description) {
        return new InterlinkerTexts(name, description);
    }

    public String name() { return name; }

    public String description() { return description; }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterlinkerTexts t && name.equals(t.name) && description.equals(t.description);
    }

    @Override
    public int hashCode() { return Objects.hash(name, description); }

    @Override
    public String toString() { return name; }
}
