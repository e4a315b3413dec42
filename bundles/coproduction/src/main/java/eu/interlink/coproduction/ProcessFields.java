package eu.interlink.coproduction;

import java.util.List;

/**
 * The fields of a process a client sets: on creation, absent ones take their defaults (empty texts, English,
 * not public, awaiting); on an update, only the non-null ones change. An empty {@code logotype} removes it.
 */
public record ProcessFields(String name, String description, String aim, String idea, String organizationDescription,
        String challenges, String requirements, Language language, String logotype, List<String> tags, Boolean isPublic,
        ItemStatus status) {
}
