package eu.interlink.coproduction.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.kernel.service.BundleInfo;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.Page;

/** A registry holding what a test puts in it; every change moves its revision. */
final class TestRegistry implements InterlinkerRegistry {
    private final List<InterlinkerEntry> entries = new ArrayList<>();
    private long revision = 1;

    synchronized void serve(InterlinkerDescriptor d) {
        entries.add(new InterlinkerEntry(d.id(), d.version(), InterlinkerStatus.ACTIVE, "", new BundleInfo(entries.size() + 10, "test." + d.id(), d.version()),
                Optional.of(d), Instant.now(), true));
        revision++;
    }

    synchronized void clear() {
        entries.clear();
        revision++;
    }

    @Override
    public synchronized Optional<InterlinkerEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<InterlinkerEntry> versions(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).toList();
    }

    @Override
    public synchronized Page<InterlinkerEntry> search(InterlinkerQuery query) {
        return new Page<>(List.copyOf(entries), entries.size(), 0, Integer.MAX_VALUE);
    }

    @Override
    public synchronized long revision() {
        return revision;
    }
}
