package eu.interlink.coproduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A co-production process. Its texts are in its own {@code language}. {@code status}, {@code progress} and the
 * dates are rolled up from its enabled phases once it has a tree; before that, status is what was set and
 * there are no dates.
 *
 * @param logotype     the URL of its logo (an absolute http or https URL)
 * @param schemas      the schemas its tree was instantiated from (empty without a tree)
 * @param administrators the users who may change it; never empty
 */
public record CoproductionProcess(String id, String name, String description, String aim, String idea,
        String organizationDescription, String challenges, String requirements, Language language,
        Optional<String> logotype, List<String> tags, boolean isPublic, ItemStatus status, double progress,
        Optional<LocalDate> startDate, Optional<LocalDate> endDate, List<String> schemas, List<String> administrators,
        String createdBy, Instant createdAt, Instant updatedAt) {

    public CoproductionProcess {
        tags = List.copyOf(tags);
        schemas = List.copyOf(schemas);
        administrators = List.copyOf(administrators);
    }
}
