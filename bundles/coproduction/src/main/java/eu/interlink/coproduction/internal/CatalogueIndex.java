package eu.interlink.coproduction.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFacet;
import eu.interlink.coproduction.CatalogueQuery;
import eu.interlink.coproduction.CatalogueResult;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.Translated;
import eu.interlink.coproduction.internal.CatalogueTables.RatingSummary;
import eu.interlink.coproduction.internal.StoredEntry.FileRef;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.Page;

/**
 * The catalogue as searched: kept entries merged with the registry's registrations, with every text folded per
 * language and every facet value listed once, so that a search is one pass over memory. Immutable; rebuilt when
 * the kept entries or the registry change (see {@link CatalogueComponent}).
 */
final class CatalogueIndex {
    /** At most this many values are counted per facet (the most frequent). */
    static final int MAX_FACET_VALUES = 100;

    /** What the index is made of, as read from the database at one catalogue revision. */
    record Kept(long revision, List<StoredEntry> entries, Map<String, RatingSummary> ratings, List<ProblemProfile> profiles) {
    }

    /**
     * One listed row: an entry, and whether it is the one its id stands for ({@code primary}; a second, rejected
     * registration of an id is listed but is not the id's entry).
     */
    static final class Row {
        final CatalogueEntry entry;
        final boolean primary;
        final String id;
        final String[] names = new String[Language.values().length];
        final String[] descriptions = new String[Language.values().length];
        final String[] tags = new String[Language.values().length];
        final Map<CatalogueFacet, List<String>> facets = new EnumMap<>(CatalogueFacet.class);

        Row(CatalogueEntry entry, boolean primary) {
            this.entry = entry;
            this.primary = primary;
            this.id = Fold.fold(entry.id());
            for (Language l : Language.values()) {
                names[l.ordinal()] = Fold.fold(entry.name().in(l).orElse(entry.id()));
                descriptions[l.ordinal()] = Fold.fold(entry.description().in(l).orElse(""));
                tags[l.ordinal()] = " " + String.join(" | ", entry.tags(l).stream().map(Fold::fold).toList()) + " ";
            }
            if (entry.nature() != null) facets.put(CatalogueFacet.NATURE, List.of(Codes.label(entry.nature())));
            facets.put(CatalogueFacet.PROBLEM_PROFILE, entry.problemProfiles());
            facets.put(CatalogueFacet.DIFFICULTY, single(entry.difficulty()));
            facets.put(CatalogueFacet.LICENCE, single(entry.licence()));
            facets.put(CatalogueFacet.TARGET, entry.targets());
            facets.put(CatalogueFacet.TYPE, entry.types());
            facets.put(CatalogueFacet.ADMINISTRATIVE_SCOPE, entry.administrativeScopes());
            facets.put(CatalogueFacet.FORM, single(entry.form()));
            facets.put(CatalogueFacet.FORMAT, single(entry.format()));
            facets.put(CatalogueFacet.LANGUAGE, entry.languages());
        }

        List<String> values(CatalogueFacet facet, Language language) {
            return facet == CatalogueFacet.TAG ? entry.tags(language) : facets.getOrDefault(facet, List.of());
        }

        double rating() {
            return entry.ratingAverage().orElse(0.0);
        }

        private static List<String> single(String v) {
            return v == null ? List.of() : List.of(v);
        }
    }

    final long number;
    final long keptRevision;
    final long registryRevision;
    final List<Row> rows;
    final Map<String, Row> byId;
    final Kept kept;

    private CatalogueIndex(long number, Kept kept, long registryRevision, List<Row> rows, Map<String, Row> byId) {
        this.number = number;
        this.kept = kept;
        this.keptRevision = kept.revision();
        this.registryRevision = registryRevision;
        this.rows = rows;
        this.byId = byId;
    }

    /**
     * Merges the kept entries with the registry's listing ({@code registrations}: one per serving Interlinker
     * plus each rejected registration): the registration that serves an id, else its first one, takes the kept
     * metadata of that id; kept entries that no bundle registers are listed on their own.
     */
    static CatalogueIndex build(long number, Kept kept, long registryRevision, List<InterlinkerEntry> registrations) {
        Map<String, StoredEntry> keptById = new HashMap<>();
        for (StoredEntry e : kept.entries()) keptById.put(e.id(), e);
        Map<String, InterlinkerEntry> primaryRegistration = new HashMap<>();
        for (InterlinkerEntry r : registrations) {
            if (r.id() == null || r.id().isEmpty()) continue;
            InterlinkerEntry before = primaryRegistration.get(r.id());
            if (before == null || (!before.serving() && r.serving())) primaryRegistration.put(r.id(), r);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        for (InterlinkerEntry r : registrations) {
            boolean primary = r.id() != null && !r.id().isEmpty() && primaryRegistration.get(r.id()) == r;
            Row row = new Row(fromRegistration(r, primary ? keptById.get(r.id()) : null, kept.ratings()), primary);
            rows.add(row);
            if (primary) byId.put(r.id(), row);
        }
        for (StoredEntry e : kept.entries()) {
            if (byId.containsKey(e.id())) continue;
            Row row = new Row(fromKept(e, kept.ratings().get(e.id())), true);
            rows.add(row);
            byId.put(e.id(), row);
        }
        rows.sort(Comparator.comparing((Row r) -> r.entry.id(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> r.primary ? 0 : 1)
                .thenComparing(r -> r.entry.registration().map(x -> x.bundle().id()).orElse(-1L)));
        return new CatalogueIndex(number, kept, registryRevision, List.copyOf(rows), Map.copyOf(byId));
    }

    private static CatalogueEntry fromKept(StoredEntry e, RatingSummary rating) {
        return entry(e, e.id(), e.nature(), e.origin(), e.text(StoredEntry.NAME), e.text(StoredEntry.DESCRIPTION), e.tags(),
                e.codes(StoredEntry.PROBLEM_PROFILE), e.codes(StoredEntry.LANGUAGE), Set.of(), e.nature() != Nature.SOFTWARE, rating,
                e.updatedAt(), Optional.empty());
    }

    private static CatalogueEntry fromRegistration(InterlinkerEntry r, StoredEntry kept, Map<String, RatingSummary> ratings) {
        InterlinkerDescriptor d = r.descriptor().orElse(null);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        if (d != null) {
            d.texts().forEach((lang, t) -> {
                names.put(lang, t.name());
                descriptions.put(lang, t.description());
            });
        } else {
            names.put(Language.FALLBACK.code(), r.bundle().symbolicName());
        }
        Translated name = new Translated(names);
        Translated description = new Translated(descriptions);
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Set<String> profiles = new LinkedHashSet<>();
        Set<String> languages = new LinkedHashSet<>();
        if (d != null) {
            if (!d.tags().isEmpty()) tags.put(Language.FALLBACK.code(), List.copyOf(d.tags()));
            profiles.addAll(d.problemProfiles());
            languages.addAll(d.languages());
        }
        Nature nature = d == null ? null : d.nature();
        Instant updated = r.since();
        if (kept != null) {
            // The bundle's own descriptor wins; the kept metadata fills in what it does not say.
            name = kept.text(StoredEntry.NAME).with(name);
            description = kept.text(StoredEntry.DESCRIPTION).with(description);
            kept.tags().forEach((lang, list) -> {
                Set<String> merged = new LinkedHashSet<>(tags.getOrDefault(lang, List.of()));
                merged.addAll(list);
                tags.put(lang, List.copyOf(merged));
            });
            profiles.addAll(kept.codes(StoredEntry.PROBLEM_PROFILE));
            languages.addAll(kept.codes(StoredEntry.LANGUAGE));
            if (nature == null) nature = kept.nature();
            if (kept.updatedAt().isAfter(updated)) updated = kept.updatedAt();
        }
        boolean available = r.serving() && (r.status() == InterlinkerStatus.ACTIVE || r.status() == InterlinkerStatus.FAILING);
        StoredEntry base = kept != null ? kept : new StoredEntry(r.id(), nature == null ? Nature.SOFTWARE : nature, CatalogueEntry.BUNDLE,
                Map.of(), Map.of(), Map.of(), null, null, null, null, false, null, null, List.of(), "", updated);
        return entry(base, r.id(), nature, CatalogueEntry.BUNDLE, name, description, tags, List.copyOf(profiles),
                List.copyOf(languages), d == null ? Set.of() : d.capabilities(), available, ratings.get(r.id()), updated, Optional.of(r));
    }

    private static CatalogueEntry entry(StoredEntry e, String id, Nature nature, String origin, Translated name, Translated description,
            Map<String, List<String>> tags, List<String> profiles, List<String> languages, Set<eu.interlink.api.Capability> capabilities,
            boolean available, RatingSummary rating, Instant updated, Optional<InterlinkerEntry> registration) {
        Optional<String> logo = Optional.empty();
        List<String> snapshots = new ArrayList<>();
        Map<String, String> resources = new LinkedHashMap<>();
        for (FileRef f : e.files()) {
            switch (f.kind()) {
                case FileRef.LOGO -> logo = Optional.of(f.name());
                case FileRef.SNAPSHOT -> snapshots.add(f.name());
                case FileRef.RESOURCE -> resources.put(f.lang(), f.name());
                default -> { }
            }
        }
        return new CatalogueEntry(id, nature, origin, name, description, e.text(StoredEntry.INSTRUCTIONS), e.text(StoredEntry.CONSTRAINTS),
                e.text(StoredEntry.REGULATIONS), Map.copyOf(tags), List.copyOf(profiles), e.difficulty(), e.licence(),
                e.codes(StoredEntry.TARGET), e.codes(StoredEntry.TYPE), e.codes(StoredEntry.ADMINISTRATIVE_SCOPE), e.form(), e.format(),
                List.copyOf(languages), e.text(StoredEntry.URI), logo, List.copyOf(snapshots), Map.copyOf(resources),
                Optional.ofNullable(e.softwareInterlinker()), capabilities, available,
                rating == null ? Optional.empty() : Optional.of(rating.average()), rating == null ? 0 : rating.count(), updated,
                e.sustainability(), registration);
    }

    // ---- search -------------------------------------------------------------------------------------------

    CatalogueResult search(CatalogueQuery q) {
        Language lang = q.language();
        String[] words = q.text().map(t -> Fold.fold(t).split(" ")).orElse(new String[0]);
        Map<CatalogueFacet, List<String>> accepted = new EnumMap<>(CatalogueFacet.class);
        q.filters().forEach((f, values) -> accepted.put(f, values.stream().map(v -> f == CatalogueFacet.TAG ? Fold.fold(v) : v).toList()));
        List<Row> matches = new ArrayList<>();
        Map<Row, Integer> scores = new HashMap<>();
        for (Row row : rows) {
            if (q.minRating() > 0 && row.rating() < q.minRating()) continue;
            if (!passes(row, accepted, lang)) continue;
            if (words.length > 0) {
                int score = score(row, lang.ordinal(), words);
                if (score <= 0) continue;
                scores.put(row, score);
            }
            matches.add(row);
        }
        if (words.length > 0) {
            matches.sort(Comparator.comparing((Row r) -> -scores.get(r)).thenComparing(r -> r.names[lang.ordinal()]).thenComparing(r -> r.entry.id()));
        }
        Map<CatalogueFacet, Map<String, Integer>> facets = new EnumMap<>(CatalogueFacet.class);
        for (CatalogueFacet f : CatalogueFacet.values()) {
            Map<String, Integer> counts = new HashMap<>();
            for (Row row : matches) {
                for (String v : new LinkedHashSet<>(row.values(f, lang))) counts.merge(v, 1, Integer::sum);
            }
            Map<String, Integer> ordered = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(NaturalOrder.INSTANCE)))
                    .limit(MAX_FACET_VALUES).forEach(e -> ordered.put(e.getKey(), e.getValue()));
            facets.put(f, ordered);
        }
        int from = Math.min(q.offset(), matches.size());
        int to = (int) Math.min((long) from + q.limit(), matches.size());
        List<CatalogueEntry> items = matches.subList(from, to).stream().map(r -> r.entry).toList();
        return new CatalogueResult(new Page<>(items, matches.size(), q.offset(), q.limit()), facets);
    }

    private static boolean passes(Row row, Map<CatalogueFacet, List<String>> accepted, Language lang) {
        for (Map.Entry<CatalogueFacet, List<String>> filter : accepted.entrySet()) {
            CatalogueFacet f = filter.getKey();
            boolean any = false;
            for (String v : row.values(f, lang)) {
                String value = f == CatalogueFacet.TAG ? Fold.fold(v) : v;
                for (String a : filter.getValue()) {
                    if (f.hierarchical() ? Codes.under(value, a) : value.equals(a)) {
                        any = true;
                        break;
                    }
                }
                if (any) break;
            }
            if (!any) return false;
        }
        return true;
    }

    /**
     * Every word must appear somewhere; a word in the name counts most (more at the start of a word of the
     * name), in the id or a tag less, in the description least. 0: no match.
     */
    private static int score(Row row, int lang, String[] words) {
        int total = 0;
        String name = row.names[lang];
        for (String w : words) {
            if (w.isEmpty()) continue;
            int s = 0;
            int at = name.indexOf(w);
            if (at >= 0) s += (at == 0 || !Character.isLetterOrDigit(name.charAt(at - 1))) ? 15 : 10;
            if (row.id.contains(w) || row.tags[lang].contains(w)) s += 4;
            if (row.descriptions[lang].contains(w)) s += 1;
            if (s == 0) return 0;
            total += s;
        }
        return total;
    }

    // ---- related and recommended --------------------------------------------------------------------------

    /** Usable entries sharing profiles with {@code profiles}, most shared first, then best rated, then by name. */
    List<CatalogueEntry> sharing(Collection<String> profiles, String except, Language lang, int limit) {
        Set<String> wanted = new HashSet<>(profiles);
        if (wanted.isEmpty() || limit <= 0) return List.of();
        List<Row> found = new ArrayList<>();
        Map<Row, Integer> shared = new HashMap<>();
        for (Row row : rows) {
            if (!row.primary || !row.entry.available() || row.entry.id().equals(except)) continue;
            int n = 0;
            for (String p : row.entry.problemProfiles()) if (wanted.contains(p)) n++;
            if (n == 0) continue;
            shared.put(row, n);
            found.add(row);
        }
        found.sort(Comparator.comparing((Row r) -> -shared.get(r)).thenComparing(r -> -r.rating())
                .thenComparing(r -> r.names[lang.ordinal()]).thenComparing(r -> r.entry.id()));
        return found.stream().limit(limit).map(r -> r.entry).toList();
    }

    Optional<CatalogueEntry> find(String id) {
        Row row = byId.get(id);
        return row == null ? Optional.empty() : Optional.of(row.entry);
    }
}
