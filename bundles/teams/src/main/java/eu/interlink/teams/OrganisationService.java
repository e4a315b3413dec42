package eu.interlink.teams;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.Page;

/**
 * Organisations and their administrators. {@code user} and {@code viewer} as in {@link TeamService}: a public
 * organisation is readable by anyone; a private one by its administrators, the members of its teams and the
 * platform's operators, and to anyone else it does not exist (404).
 */
@ProviderType
public interface OrganisationService {
    /** The organisation, whoever may read it (for other bundles). */
    Optional<Organisation> find(String id);

    /** The organisation if {@code viewer} may read it. */
    Optional<Organisation> read(String id, String viewer);

    /** The organisations {@code viewer} may read, newest first. */
    Page<Organisation> list(String viewer, int offset, int limit);

    /** A new organisation; {@code user} becomes its administrator. */
    Organisation create(OrganisationFields fields, String user);

    /** Changes what is given: its administrators only. */
    Organisation update(String id, OrganisationFields fields, String user);

    /** Deletes the organisation and its teams: its administrators only. */
    void delete(String id, String user);

    Organisation addAdministrator(String id, String administrator, String user);

    /** 409 for the last administrator. */
    Organisation removeAdministrator(String id, String administrator, String user);
}
