package eu.interlink.branding;

import java.util.List;

import eu.interlink.coproduction.Language;

/**
 * How a platform presents itself: what a public administration chose for its platform.
 *
 * @param name            the platform's name, as its users see it
 * @param primaryColour   {@code #rrggbb}, lower case
 * @param secondaryColour {@code #rrggbb}, lower case
 * @param languages       the languages offered, in the order the platform lists them
 * @param defaultLanguage one of {@code languages}
 * @param defaultSchema   the id of the schema a new process starts from
 * @param logo            the logo's bytes and type
 */
public record Branding(String name, String primaryColour, String secondaryColour, List<Language> languages,
                       Language defaultLanguage, String defaultSchema, Logo logo) {
    public Branding {
        languages = List.copyOf(languages);
    }
}
