package eu.interlink.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.Page;

/** Reads the whole catalogue a page of {@link InterlinkerQuery#MAX_LIMIT} at a time. */
final class Catalogue {
    private Catalogue() {
    }

    static List<InterlinkerEntry> all(InterlinkerRegistry registry, Optional<Nature> nature) {
        List<InterlinkerEntry> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<InterlinkerEntry> page = registry.search(
                    new InterlinkerQuery(nature, Optional.empty(), InterlinkerDescriptor.DEFAULT_LANGUAGE, offset, InterlinkerQuery.MAX_LIMIT));
            List<InterlinkerEntry> items = page.items() == null ? List.of() : page.items();
            all.addAll(items);
            offset += items.size();
            // An empty page ends it too: the catalogue may shrink while it is read.
            if (items.isEmpty() || offset >= page.total()) return all;
        }
    }
}
