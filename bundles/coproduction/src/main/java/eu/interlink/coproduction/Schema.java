package eu.interlink.coproduction;

import java.util.List;
import java.util.Map;

/**
 * A co-production process template: the tree a process is instantiated from.
 *
 * @param tags per language code, the tags in that language
 * @param phases in the order a process goes through them
 */
public record Schema(String id, Translated name, Translated description, List<String> languages, String licence,
        String author, Map<String, List<String>> tags, List<SchemaItem> phases) {

    public Schema {
        languages = List.copyOf(languages);
        tags = Map.copyOf(tags);
        phases = List.copyOf(phases);
    }
}
