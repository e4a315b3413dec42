package eu.interlink.coproduction;

/**
 * What the catalogue filters and counts by. Each has the name of its query parameter; its values are the
 * original platform's codes ({@code easy}, {@code public_domain}, {@code all;businesses}…), except
 * {@link #NATURE}'s, which are the API's labels ({@code software}, {@code external-knowledge}…).
 */
public enum CatalogueFacet {
    NATURE("nature"),
    PROBLEM_PROFILE("problemProfile"),
    DIFFICULTY("difficulty"),
    LICENCE("licence"),
    TARGET("target"),
    TYPE("type"),
    ADMINISTRATIVE_SCOPE("administrativeScope"),
    FORM("form"),
    FORMAT("format"),
    LANGUAGE("language"),
    TAG("tag");

    private final String parameter;

    CatalogueFacet(String parameter) {
        this.parameter = parameter;
    }

    /** The query parameter and JSON key. */
    public String parameter() {
        return parameter;
    }

    /**
     * Whether a filter value also matches the codes below it: targets and types are hierarchical, so
     * {@code all} matches {@code all;businesses}.
     */
    public boolean hierarchical() {
        return this == TARGET || this == TYPE;
    }
}
