package eu.interlink.coproduction;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The problem profiles the kernel keeps (they come from imports). */
@ProviderType
public interface ProblemProfileService {

    /** Every profile, ordered by id. */
    List<ProblemProfile> list();

    Optional<ProblemProfile> find(String id);
}
