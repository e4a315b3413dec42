package eu.interlink.coproduction;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a client sets on a tree item. On creation {@code type} and {@code name} are required and {@code parentId}
 * names the phase of a new objective or the objective of a new task; on an update only non-null fields change
 * (type and parent cannot). Texts are merged per language. A date that is an empty {@code Optional} removes it.
 * Status and dates are set on tasks only: phases and objectives take theirs from their children.
 */
public record ItemFields(ItemType type, String parentId, Translated name, Translated description, ItemStatus status,
        Optional<LocalDate> startDate, Optional<LocalDate> endDate, List<String> problemProfiles, List<String> prerequisites) {
}
