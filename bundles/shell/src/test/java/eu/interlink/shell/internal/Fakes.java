package eu.interlink.shell.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;
import eu.interlink.kernel.service.BundleInfo;
import eu.interlink.kernel.service.HistoryEntry;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerOperations;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerRegistry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;

/** In-memory stand-ins for the kernel's services. */
final class Fakes {
    static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");

    private Fakes() {
    }

    static InterlinkerDescriptor descriptor(String id, String version) {
        return InterlinkerDescriptor.builder(id, version)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.EDIT)
                .texts("en", "Checklist", "A task's shared to-do list")
                .texts("es", "Lista", "Una lista de tareas")
                .problemProfiles("ORG_PROBLEM_1")
                .tags("tasks", "lists")
                .dataVersion(2)
                .assetPage("/interlinkers/" + id + "/assets/{assetId}")
                .build();
    }

    static InterlinkerEntry active(String id, String version, long bundleId) {
        return new InterlinkerEntry(id, version, InterlinkerStatus.ACTIVE, "", new BundleInfo(bundleId, "eu.interlink.interlinker." + id, version),
                Optional.of(descriptor(id, version)), T0, true);
    }

    static InterlinkerEntry rejected(String id, String version, long bundleId, String reason) {
        return new InterlinkerEntry(id, version, InterlinkerStatus.REJECTED, reason, new BundleInfo(bundleId, "com.example." + id, version),
                Optional.empty(), T0, false);
    }

    /** A registry over a fixed list, paging as the kernel does, and counting its searches. */
    static class Registry implements InterlinkerRegistry {
        final List<InterlinkerEntry> entries = new ArrayList<>();
        final List<InterlinkerQuery> queries = new ArrayList<>();

        @Override
        public Optional<InterlinkerEntry> find(String id) {
            List<InterlinkerEntry> v = versions(id);
            return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        @Override
        public List<InterlinkerEntry> versions(String id) {
            return entries.stream().filter(e -> id.equals(e.id())).sorted(Comparator.comparing(e -> !e.serving())).toList();
        }

        @Override
        public Page<InterlinkerEntry> search(InterlinkerQuery q) {
            queries.add(q);
            if (q.limit() < 1 || q.limit() > InterlinkerQuery.MAX_LIMIT) throw KernelException.badRequest("limit " + q.limit());
            List<InterlinkerEntry> matching = entries.stream()
                    .filter(e -> q.nature().isEmpty() || e.descriptor().map(d -> d.nature() == q.nature().get()).orElse(false))
                    .sorted(Comparator.comparing(InterlinkerEntry::id)).toList();
            int from = Math.min(q.offset(), matching.size());
            int to = Math.min(from + q.limit(), matching.size());
            return new Page<>(matching.subList(from, to), matching.size(), q.offset(), q.limit());
        }
    }

    /** Records what it was asked; fails with {@link #failure} when set. */
    static final class Operations implements InterlinkerOperations {
        final List<String> calls = new ArrayList<>();
        KernelException failure;
        InterlinkerEntry result = active("checklist", "1.0.0", 57);
        List<HistoryEntry> history = new ArrayList<>();

        private InterlinkerEntry answer(String call) {
            calls.add(call);
            if (failure != null) throw failure;
            return result;
        }

        @Override
        public InterlinkerEntry install(String location, String actor) {
            return answer("install " + location + " by " + actor);
        }

        @Override
        public InterlinkerEntry install(InputStream jar, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InterlinkerEntry upgrade(String id, String location, String actor) {
            return answer("upgrade " + id + " " + location + " by " + actor);
        }

        @Override
        public InterlinkerEntry upgrade(String id, InputStream jar, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InterlinkerEntry rollback(String id, String actor) {
            return answer("rollback " + id + " by " + actor);
        }

        @Override
        public InterlinkerEntry disable(String id, String actor) {
            return answer("disable " + id + " by " + actor);
        }

        @Override
        public InterlinkerEntry enable(String id, String actor) {
            return answer("enable " + id + " by " + actor);
        }

        @Override
        public void remove(String id, String actor) {
            answer("remove " + id + " by " + actor);
        }

        @Override
        public List<HistoryEntry> history(String id, int offset, int limit) {
            answer("history " + id + " " + offset + " " + limit);
            return history.stream().skip(offset).limit(limit).toList();
        }
    }

    static InterlinkerEntry ofNature(String id, Nature nature) {
        InterlinkerDescriptor d = InterlinkerDescriptor.builder(id, "1.0.0").nature(nature).capabilities(Capability.INSTANTIATE).texts("en", id, "").build();
        return new InterlinkerEntry(id, "1.0.0", InterlinkerStatus.ACTIVE, "", new BundleInfo(1, "b." + id, "1.0.0"), Optional.of(d), T0, true);
    }
}
