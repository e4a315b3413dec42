package eu.interlink.identity;

/** What a person gives to open a local account; {@code acceptedTerms} is the version of the terms they accepted. */
public record SignUp(String name, String email, String password, String acceptedTerms) {
}
