package eu.interlink.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import eu.interlink.api.AssetRef;
import eu.interlink.api.Capability;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.InterlinkerTexts;
import eu.interlink.api.Nature;
import eu.interlink.testkit.Check;
import eu.interlink.testkit.CheckResult;
import eu.interlink.testkit.CheckResult.Outcome;
import eu.interlink.testkit.InMemoryAssetContext;
import eu.interlink.testkit.InMemoryDocumentStore;

/**
 * The checks, written once against a {@link Subject}: so a unit test and a platform run judge by the same rules,
 * and differ only in what they can reach (pages, bundle restarts, the real kernel).
 */
public final class Checks {
    private static final Set<Capability> PAGE_CAPABILITIES = EnumSet.of(Capability.VIEW, Capability.EDIT, Capability.PREVIEW);
    private static final List<Capability> REFUSABLE = List.of(Capability.CLONE, Capability.DELETE, Capability.DOWNLOAD);

    private final Subject subject;
    private final Map<String, Object> params;
    private final List<String> created = new ArrayList<>();
    private InterlinkerDescriptor d;

    public Checks(Subject subject, Map<String, Object> params) {
        this.subject = subject;
        this.params = params;
    }

    /** The Interlinker as the report names it. */
    public String name(String fallbackId) {
        return d == null ? "'" + fallbackId + "'" : "'" + d.id() + "' " + d.version();
    }

    /** One result per {@link Check}, in order; a check that cannot run is skipped with the reason. */
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        Optional<String> notReady = subject.ready();
        if (notReady.isPresent()) {
            results.add(new CheckResult(Check.DESCRIPTOR, Outcome.FAILED, List.of(notReady.get()), List.of()));
            skipRest(results, "the Interlinker is not there to check");
            return results;
        }
        results.add(guarded(Check.DESCRIPTOR, this::descriptor));
        if (d == null) {
            skipRest(results, "there is no usable descriptor");
            return results;
        }
        results.add(guarded(Check.DECLARED_CAPABILITIES, this::declared));
        results.add(guarded(Check.UNDECLARED_CAPABILITIES, this::undeclared));
        results.add(guarded(Check.ASSET_LIFE_CYCLE, this::lifeCycle));
        results.add(guarded(Check.DATA_IN_STORE, this::dataInStore));
        cleanUp();
        results.add(guarded(Check.TIME_LIMIT, this::timeLimit));
        return results;
    }

    private static void skipRest(List<CheckResult> results, String why) {
        for (Check c : Check.values()) {
            if (results.stream().noneMatch(r -> r.check() == c)) {
                results.add(new CheckResult(c, Outcome.SKIPPED, List.of(), List.of("not run: " + why)));
            }
        }
    }

    /** What one check found; {@link #skip} when it cannot run at all. */
    private static final class Findings {
        final List<String> findings = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String skipped;

        void fail(String finding) { findings.add(finding); }

        void note(String note) { notes.add(note); }

        void skip(String why) { skipped = why; }
    }

    private interface Body {
        void run(Findings f);
    }

    private CheckResult guarded(Check check, Body body) {
        Findings f = new Findings();
        try {
            body.run(f);
        } catch (Refusal r) {
            f.fail("a call failed unexpectedly with " + r.status() + ": " + r.detail());
        } catch (RuntimeException e) {
            f.fail("the check broke off on " + e + ": this is most likely a fault of the Interlinker that the kit did not foresee");
        }
        if (f.skipped != null && f.findings.isEmpty()) {
            f.notes.add(0, "not run: " + f.skipped);
            return new CheckResult(check, Outcome.SKIPPED, List.of(), f.notes);
        }
        return new CheckResult(check, f.findings.isEmpty() ? Outcome.PASSED : Outcome.FAILED, f.findings, f.notes);
    }

    private static String lower(Capability c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    private String create() {
        String id = subject.create(params);
        created.add(id);
        return id;
    }

    private String copy(String source) {
        String id = subject.copy(source);
        created.add(id);
        return id;
    }

    private void delete(String assetId) {
        subject.delete(assetId);
        created.remove(assetId);
    }

    /** A fresh asset, or null with a note when instantiate does not work (the declared-capabilities check says why). */
    private String freshAsset(Findings f) {
        try {
            return create();
        } catch (Refusal r) {
            f.skip("instantiate failed (" + r.status() + "), so there is no asset to work with");
            return null;
        }
    }

    // ---- descriptor -------------------------------------------------------------------------------------------

    private void descriptor(Findings f) {
        InterlinkerDescriptor first;
        try {
            first = subject.descriptor();
        } catch (Refusal r) {
            f.fail("descriptor() failed with " + r.detail() + ": build the descriptor once, in the constructor, and return that one");
            return;
        }
        if (first == null) {
            f.fail("descriptor() returned null: build the descriptor once, in the constructor, and return it");
            return;
        }
        InterlinkerDescriptor second = subject.descriptor();
        String differs = difference(first, second);
        if (differs != null) {
            f.fail("descriptor() answered differently the second time (" + differs + "): the kernel reads it once; build it in the constructor and always return that one");
        }
        String id = first.id();
        if (id == null || id.length() < 2 || id.length() > 64 || !InterlinkerDescriptor.ID.matcher(id).matches()) {
            f.fail("the id '" + id + "' must be 2-64 lower-case letters, digits and single hyphens, starting with a letter: it becomes a URL segment");
        }
        if (first.version() == null || !InterlinkerDescriptor.VERSION.matcher(first.version()).matches()) {
            f.fail("the version '" + first.version() + "' must be major.minor.micro, such as 1.0.0");
        }
        subject.bundleVersion().filter(v -> !v.equals(first.version())).ifPresent(v -> f.fail(
                "the version " + first.version() + " differs from the bundle's " + v
                        + ": pass InterlinkerDescriptor.versionOf(YourInterlinker.class) to the builder, so the two never drift"));
        if (!first.texts().containsKey(InterlinkerDescriptor.DEFAULT_LANGUAGE)) {
            f.fail("there are no English texts: add .texts(\"en\", name, description); the platform falls back to English");
        }
        for (Map.Entry<String, InterlinkerTexts> t : first.texts().entrySet()) {
            if (t.getValue().name().isBlank()) {
                f.fail("the name in '" + t.getKey() + "' is blank: give every declared language a name");
            }
            if (t.getValue().description().isBlank()) {
                f.fail("the description in '" + t.getKey() + "' is empty: write one, or drop the language; the catalogue shows it to people choosing a tool in that language");
            }
        }
        if (first.nature() != Nature.SOFTWARE) {
            f.fail("the nature is " + first.nature() + ", but a bundle that registers an Interlinker service is SOFTWARE: knowledge packs are bundles with an Interlink-Knowledge header and no code, external Interlinkers are catalogue entries");
        } else if (!first.can(Capability.INSTANTIATE)) {
            f.fail("a software Interlinker must declare INSTANTIATE: it makes assets");
        }
        Optional<String> page = first.assetPage();
        for (Capability c : PAGE_CAPABILITIES) {
            if (first.can(c) && page.isEmpty()) {
                f.fail(c + " is declared but there is no asset page: set .assetPage(\"/interlinkers/" + id
                        + "/assets/{assetId}\") and serve it with an @InterlinkerPages(\"" + id + "\") servlet, or drop " + c);
            }
        }
        if (first.can(Capability.EDIT) && !first.can(Capability.VIEW)) {
            f.fail("EDIT is declared without VIEW: a page that edits an asset shows it too; declare VIEW");
        }
        if (page.isPresent()) {
            if (!page.get().startsWith("/interlinkers/" + id + "/")) {
                f.fail("the asset page " + page.get() + " is outside /interlinkers/" + id + "/, the only place the kernel routes to your pages");
            }
            if (PAGE_CAPABILITIES.stream().noneMatch(first::can)) {
                f.fail("there is an asset page but neither VIEW, EDIT nor PREVIEW is declared: declare VIEW so that the platform links to it, or drop the page");
            }
        }
        boolean wantsPages = PAGE_CAPABILITIES.stream().anyMatch(first::can);
        Optional<Boolean> pages = subject.hasPages();
        if (wantsPages && pages.isPresent() && !pages.get()) {
            f.fail("pages are declared (VIEW, EDIT or PREVIEW) but the bundle registers no servlet with @InterlinkerPages(\"" + id + "\"): register one");
        } else if (wantsPages && pages.isEmpty()) {
            f.note("whether the bundle registers pages is checked in the platform only");
        }
        d = first;
    }

    /** The first part in which two answers of descriptor() differ, or null. */
    private static String difference(InterlinkerDescriptor a, InterlinkerDescriptor b) {
        if (b == null) return "null";
        Map<String, Object[]> parts = new LinkedHashMap<>();
        parts.put("id", new Object[] {a.id(), b.id()});
        parts.put("version", new Object[] {a.version(), b.version()});
        parts.put("nature", new Object[] {a.nature(), b.nature()});
        parts.put("capabilities", new Object[] {a.capabilities(), b.capabilities()});
        parts.put("texts", new Object[] {a.texts(), b.texts()});
        parts.put("problem profiles", new Object[] {a.problemProfiles(), b.problemProfiles()});
        parts.put("tags", new Object[] {a.tags(), b.tags()});
        parts.put("data version", new Object[] {a.dataVersion(), b.dataVersion()});
        parts.put("asset page", new Object[] {a.assetPage(), b.assetPage()});
        for (Map.Entry<String, Object[]> p : parts.entrySet()) {
            if (!Objects.equals(p.getValue()[0], p.getValue()[1])) {
                return p.getKey() + ": " + p.getValue()[0] + ", then " + p.getValue()[1];
            }
        }
        return null;
    }

    // ---- declared capabilities ----------------------------------------------------------------------------------

    private void declared(Findings f) {
        String asset;
        try {
            asset = create();
        } catch (Refusal r) {
            f.fail("instantiate with " + params + " was refused with " + r.status() + ": " + r.detail()
                    + ". Make instantiate accept these parameters, or give the kit valid ones with instantiateWith(...)");
            f.note("clone, delete, download and pages were not checked: there is no asset to check them on");
            return;
        }
        if (!subject.exists(asset)) {
            f.fail("the asset made by instantiate is not listed by the kernel");
        }
        if (d.can(Capability.CLONE)) {
            try {
                String copy = copy(asset);
                if (!subject.exists(copy)) f.fail("the copy made by clone is not listed by the kernel");
            } catch (Refusal r) {
                f.fail("clone is declared but copying a new asset failed with " + r.status() + ": " + r.detail()
                        + ". Implement copy(source, target): copy every document and blob of the source into the target's store");
            }
        }
        if (d.can(Capability.DOWNLOAD)) {
            try {
                Optional<Exported> e = subject.export(asset);
                if (e.isEmpty()) {
                    f.fail("download is declared but the export of a new asset is empty (users get 404): return a file as soon as the asset exists, even a short one");
                } else {
                    if (e.get().fileName() == null || e.get().fileName().isBlank()) f.fail("the export has no file name: return one from fileName(), such as results.csv");
                    if (e.get().contentType() == null || e.get().contentType().isBlank()) f.fail("the export has no content type: return one from contentType(), such as text/csv");
                }
            } catch (Refusal r) {
                f.fail("download is declared but exporting a new asset failed with " + r.status() + ": " + r.detail()
                        + ". Implement export(context) to read the asset from context.store() and write the file");
            }
        }
        if (d.can(Capability.DELETE)) {
            try {
                String doomed = create();
                delete(doomed);
                if (subject.exists(doomed)) f.fail("after delete the asset is still listed");
            } catch (Refusal r) {
                f.fail("delete is declared but deleting a new asset failed with " + r.status() + ": " + r.detail()
                        + ". Implement delete(context): refuse only with a reason the user can act on; the kernel deletes the store itself");
            }
        }
        for (Capability c : PAGE_CAPABILITIES) {
            if (!d.can(c) || d.assetPage().isEmpty()) continue;
            String path = d.assetPage().get().replace("{assetId}", asset);
            Optional<Subject.PageAnswer> answer = subject.get(path);
            if (answer.isEmpty()) {
                f.note(lower(c) + " is checked in the platform only, where the kit can request " + d.assetPage().get());
                break;
            }
            if (answer.get().status() != 200) {
                f.fail(c + " is declared but the asset page " + path + " answered " + answer.get().status()
                        + " for a new asset: serve it from your @InterlinkerPages servlet, reading the asset through AssetAccess");
            }
            break; // one page serves view, edit and preview alike
        }
    }

    // ---- undeclared capabilities --------------------------------------------------------------------------------

    private void undeclared(Findings f) {
        List<Capability> absent = REFUSABLE.stream().filter(c -> !d.can(c)).toList();
        if (absent.isEmpty()) {
            f.note("clone, delete and download are all declared: nothing to refuse");
            return;
        }
        String asset = d.can(Capability.INSTANTIATE) ? freshAsset(new Findings()) : null;
        for (Capability c : absent) {
            if (asset != null) {
                try {
                    switch (c) {
                        case CLONE -> copy(asset);
                        case DELETE -> delete(asset);
                        default -> subject.export(asset);
                    }
                    f.fail("the kernel did not refuse " + lower(c) + ", which '" + d.id() + "' does not declare: this is a fault of the platform, report it");
                } catch (Refusal r) {
                    if (r.status() != 409 || !r.detail().contains(lower(c))) {
                        f.fail("the kernel refused " + lower(c) + " with " + r.status() + " (" + r.detail() + "), not with 409 naming the capability");
                    }
                }
            }
            probe(f, c);
        }
    }

    /** Calls the method of an undeclared capability straight on the Interlinker: it must refuse, as the default does. */
    private void probe(Findings f, Capability c) {
        Interlinker service = subject.service();
        InMemoryDocumentStore source = new InMemoryDocumentStore();
        InMemoryAssetContext from = InMemoryAssetContext.of("conformance-probe-source", d.id(), source);
        try {
            subject.direct("instantiate (probe)", () -> service.instantiate(from, params));
        } catch (Refusal r) {
            // An empty source is still a fair probe: an implemented method may fail on it, a refusing one refuses.
        }
        InMemoryAssetContext to = InMemoryAssetContext.of("conformance-probe-target", d.id(), new InMemoryDocumentStore());
        String method = switch (c) {
            case CLONE -> "copy(source, target)";
            case DELETE -> "delete(context)";
            default -> "export(context)";
        };
        try {
            subject.direct(lower(c) + " (probe)", () -> switch (c) {
                case CLONE -> service.copy(from, to);
                case DELETE -> {
                    service.delete(from);
                    yield null;
                }
                default -> service.export(from);
            });
            f.fail(method + " works although " + c + " is not declared: declare " + c + " in the descriptor so users can use it, or remove the method so the default refuses");
        } catch (Refusal r) {
            // Refused (409) or failed: either way not a working, undeclared capability.
        }
    }

    // ---- life cycle ---------------------------------------------------------------------------------------------

    private void lifeCycle(Findings f) {
        boolean clone = d.can(Capability.CLONE), delete = d.can(Capability.DELETE), download = d.can(Capability.DOWNLOAD);
        if (!clone && !delete && !download) {
            f.note("neither clone, delete nor download is declared: nothing to compare");
            return;
        }
        String source = freshAsset(f);
        if (source == null) return;
        Exported original;
        try {
            original = download ? subject.export(source).orElse(null) : null;
        } catch (Refusal r) {
            f.skip("the export of a new asset fails (see declared capabilities)");
            return;
        }
        if (download && original == null) {
            f.skip("the export of a new asset is empty (see declared capabilities)");
            return;
        }
        if (clone) {
            String copy = copy(source);
            boolean copiedAlike = true;
            if (download) {
                Exported copied = subject.export(copy).orElse(null);
                copiedAlike = original.sameAs(copied);
                if (!copiedAlike) {
                    f.fail("a copy exports something else than its source (source: " + original.describe() + "; copy: "
                            + (copied == null ? "nothing" : copied.describe()) + "): copy every document and blob of the source into the target's store, unchanged");
                }
            }
            if (delete) {
                delete(source);
                source = null;
                if (!subject.exists(copy)) {
                    f.fail("deleting the source removed its copy too: a copy is an asset of its own");
                } else if (download && copiedAlike) {
                    Exported after = subject.export(copy).orElse(null);
                    if (!original.sameAs(after)) {
                        f.fail("the copy changed when its source was deleted (now " + (after == null ? "nothing" : after.describe())
                                + "): copy the data itself, never a reference to the source");
                    }
                }
            }
        }
        if (delete) {
            String doomed = source != null ? source : create();
            Exported before = download ? subject.export(doomed).orElse(null) : null;
            delete(doomed);
            if (subject.exists(doomed)) {
                f.fail("after delete the asset is still listed");
            }
            if (download && before != null) {
                Interlinker service = subject.service();
                InMemoryAssetContext gone = InMemoryAssetContext.of(doomed, d.id(), new InMemoryDocumentStore());
                try {
                    Optional<Exported> ghost = subject.direct("export (probe)", () -> UnitSubject.write(service.export(gone)));
                    if (ghost.isPresent() && ghost.get().sameAs(before)) {
                        f.fail("after delete, export of " + AssetRef.of(doomed, d.id()) + " over an empty store still gives its content: "
                                + "the data lives outside the DocumentStore, which the kernel deletes; keep all of it in context.store()");
                    }
                } catch (Refusal r) {
                    // Refusing to export an asset without data is right.
                }
            }
            if (d.assetPage().isPresent() && PAGE_CAPABILITIES.stream().anyMatch(d::can)) {
                Optional<Subject.PageAnswer> page = subject.get(d.assetPage().get().replace("{assetId}", doomed));
                if (page.isPresent() && page.get().status() == 200) {
                    f.fail("the page of a deleted asset still answers 200: read assets through AssetAccess, which knows they are gone, and answer 404");
                }
            }
        }
    }

    // ---- data in the store --------------------------------------------------------------------------------------

    private void dataInStore(Findings f) {
        String asset = freshAsset(f);
        if (asset == null) return;
        subject.storeEmpty(asset).filter(Boolean::booleanValue).ifPresent(empty -> f.fail(
                "instantiate wrote nothing to context.store(): an asset's data must live there, where the kernel keeps it across restarts, upgrades and moves"));
        String before;
        try {
            before = fingerprint(asset);
        } catch (Refusal r) {
            f.skip("a new asset cannot be read (" + r.status() + "; see declared capabilities)");
            return;
        }
        if (before == null) {
            f.note("the asset can be compared only by existence: declare download, or pages, for a stronger check");
        }
        restartAndCompare(f, asset, before, subject.restartDescription(), subject::restart);
        subject.updateDescription().ifPresent(what -> restartAndCompare(f, asset, before, what, subject::update));
        if (subject.updateDescription().isEmpty()) {
            f.note("a bundle update is checked in the platform only");
        }
    }

    private void restartAndCompare(Findings f, String asset, String before, String what, Runnable restart) {
        try {
            restart.run();
        } catch (Refusal r) {
            f.fail("after " + what + ", the Interlinker did not come back: " + r.detail());
            return;
        }
        if (!subject.exists(asset)) {
            f.fail("after " + what + ", the asset is gone");
            return;
        }
        String after;
        try {
            after = fingerprint(asset);
        } catch (Refusal r) {
            f.fail("after " + what + ", reading the asset failed with " + r.status() + ": " + r.detail()
                    + ". Keep all asset data in context.store(), never in fields, static variables or files");
            return;
        }
        if (!Objects.equals(before, after)) {
            f.fail("after " + what + ", the asset reads differently (before: " + before + "; after: " + after
                    + "): keep all asset data in context.store(), never in fields, static variables or files");
        }
    }

    /** What the asset looks like to a user: its export, else its page; null when neither can be read here. */
    private String fingerprint(String asset) {
        if (d.can(Capability.DOWNLOAD)) {
            return subject.export(asset).map(e -> e.describe() + " #" + java.util.Arrays.hashCode(e.bytes())).orElse("nothing to export");
        }
        if (d.assetPage().isPresent() && PAGE_CAPABILITIES.stream().anyMatch(d::can)) {
            Optional<Subject.PageAnswer> page = subject.get(d.assetPage().get().replace("{assetId}", asset));
            if (page.isPresent()) return "page " + page.get().status() + " #" + page.get().body().hashCode();
        }
        return null;
    }

    // ---- time limit ---------------------------------------------------------------------------------------------

    private void timeLimit(Findings f) {
        Duration limit = subject.calls().limit();
        Map<String, Duration> worst = new LinkedHashMap<>();
        for (Calls.Call c : subject.calls().all()) {
            worst.merge(c.operation(), c.took(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        for (Map.Entry<String, Duration> w : worst.entrySet()) {
            if (w.getValue().compareTo(limit) > 0) {
                f.fail(w.getKey() + " took " + w.getValue().toMillis() + " ms, over the limit of " + limit.toMillis()
                        + " ms: return within it (the kernel answers 504 and closes the call's context); do long work in smaller steps, or from your own pages");
            }
        }
        worst.entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(w -> f.note(subject.calls().all().size() + " calls; the slowest was " + w.getKey() + " at " + w.getValue().toMillis() + " ms, against a limit of " + limit.toMillis() + " ms"));
    }

    /** Deletes what the checks made, when the Interlinker lets assets be deleted; untimed errors are ignored. */
    private void cleanUp() {
        if (!d.can(Capability.DELETE)) return;
        for (String id : List.copyOf(created)) {
            try {
                if (subject.exists(id)) subject.delete(id);
            } catch (RuntimeException e) {
                // Leftovers of a failed check; the findings already say what went wrong.
            }
        }
    }
}
