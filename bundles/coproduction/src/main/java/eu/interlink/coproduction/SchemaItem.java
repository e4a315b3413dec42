package eu.interlink.coproduction;

import java.util.List;

/**
 * One phase, objective or task of a {@link Schema}, with its children (a phase's objectives, an objective's
 * tasks; none for a task).
 *
 * @param id unique within its schema
 * @param prerequisites ids of items of the same schema that must be finished before this one starts
 * @param problemProfiles ids of the problem profiles this item addresses (recommendations follow them)
 */
public record SchemaItem(String id, ItemType type, Translated name, Translated description, List<String> prerequisites,
        List<String> problemProfiles, List<SchemaItem> children) {

    public SchemaItem {
        prerequisites = List.copyOf(prerequisites);
        problemProfiles = List.copyOf(problemProfiles);
        children = List.copyOf(children);
    }
}
