package eu.interlink.coproduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A phase, objective or task of a process, with its children in order. Status, progress and dates of a
 * phase or an objective are rolled up from its enabled children (see {@code docs/architecture.md}).
 *
 * @param prerequisites ids of items of the same process that must be finished before this one starts
 * @param schemaId      the schema it was copied from, if any
 * @param schemaItemId  the id of the schema item it was copied from, if any
 * @param disabledBy    who disabled it; present exactly when it is disabled
 */
public record TreeItem(String id, String processId, ItemType type, Optional<String> parentId, Translated name,
        Translated description, ItemStatus status, double progress, Optional<LocalDate> startDate,
        Optional<LocalDate> endDate, List<String> problemProfiles, List<String> prerequisites, Optional<String> schemaId,
        Optional<String> schemaItemId, Optional<String> disabledBy, Optional<Instant> disabledAt, String createdBy,
        Instant createdAt, Instant updatedAt, List<TreeItem> children) {

    public TreeItem {
        problemProfiles = List.copyOf(problemProfiles);
        prerequisites = List.copyOf(prerequisites);
        children = List.copyOf(children);
    }

    public boolean disabled() {
        return disabledBy.isPresent();
    }
}
