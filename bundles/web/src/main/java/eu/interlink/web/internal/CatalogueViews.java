package eu.interlink.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CatalogueFacet;
import eu.interlink.coproduction.Codes;
import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.Rating;
import eu.interlink.coproduction.Translated;
import eu.interlink.kernel.service.InterlinkerEntry;

/** The JSON shapes of the catalogue, problem profiles and imports, written field by field like {@link Views}. */
final class CatalogueViews {
    static final String BASE = "/api/v1/interlinkers/";

    private CatalogueViews() {
    }

    /**
     * An entry as listed, in {@code language}. A software Interlinker that a bundle registers keeps every field the
     * registry's listing had ({@link Views#interlinker}); every entry has the catalogue's fields.
     */
    static Map<String, Object> entry(CatalogueEntry e, Language language) {
        String lang = language.code();
        Map<String, Object> out;
        if (e.registration().isPresent()) {
            out = Views.interlinker(e.registration().get(), lang);
        } else {
            out = new LinkedHashMap<>();
            out.put("id", e.id());
            out.put("nature", e.nature() == null ? null : Codes.label(e.nature()));
            out.put("status", e.available() ? "active" : "unavailable");
            out.put("capabilities", List.of());
        }
        out.put("name", e.name().in(language).orElse(e.id()));
        out.put("description", e.description().in(language).orElse(""));
        out.put("language", languageOf(e.name(), language));
        out.put("languages", e.languages());
        out.put("problemProfiles", e.problemProfiles());
        out.put("tags", e.tags(language));
        out.put("origin", e.origin());
        out.put("available", e.available());
        putIfSet(out, "difficulty", e.difficulty());
        putIfSet(out, "licence", e.licence());
        putIfSet(out, "form", e.form());
        putIfSet(out, "format", e.format());
        out.put("targets", e.targets());
        out.put("types", e.types());
        out.put("administrativeScopes", e.administrativeScopes());
        out.put("sustainability", e.sustainability());
        e.uri().in(language).ifPresent(u -> out.put("uri", u));
        e.softwareInterlinker().ifPresent(s -> out.put("softwareInterlinker", s));
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("average", e.ratingAverage().map(a -> Math.round(a * 100) / 100.0).orElse(null));
        rating.put("count", e.ratingCount());
        out.put("rating", rating);
        out.put("links", links(e));
        return out;
    }

    private static Map<String, Object> links(CatalogueEntry e) {
        String self = BASE + e.id();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", self);
        e.logo().ifPresent(l -> links.put("logo", self + "/logo"));
        if (!e.snapshots().isEmpty()) {
            List<String> snapshots = new java.util.ArrayList<>();
            for (int i = 0; i < e.snapshots().size(); i++) snapshots.add(self + "/snapshots/" + i);
            links.put("snapshots", snapshots);
        }
        if (!e.instructions().isEmpty()) links.put("instructions", self + "/instructions");
        if (!e.resources().isEmpty()) links.put("resource", self + "/resource");
        links.put("related", self + "/related");
        links.put("ratings", self + "/ratings");
        return links;
    }

    /** An entry in full: every translation of its texts, its files, and (for a bundle's) the registry's details. */
    static Map<String, Object> detail(CatalogueEntry e, Language language, List<InterlinkerEntry> versions) {
        Map<String, Object> out = entry(e, language);
        Map<String, Object> texts = new LinkedHashMap<>();
        e.registration().flatMap(InterlinkerEntry::descriptor).ifPresent(d -> d.texts().forEach((lang, t) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", t.name());
            one.put("description", t.description());
            texts.put(lang, one);
        }));
        for (String lang : Language.codes()) {
            Language l = Language.of(lang).orElseThrow();
            if (texts.containsKey(lang) || (e.name().exactly(l).isEmpty() && e.description().exactly(l).isEmpty())) continue;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", e.name().in(l).orElse(e.id()));
            one.put("description", e.description().in(l).orElse(""));
            texts.put(lang, one);
        }
        out.put("texts", texts);
        e.instructions().in(language).ifPresent(t -> out.put("instructions", t));
        e.constraints().in(language).ifPresent(t -> out.put("constraints", t));
        e.regulations().in(language).ifPresent(t -> out.put("regulations", t));
        if (!e.uri().isEmpty()) out.put("uris", e.uri().values());
        Map<String, List<String>> tags = new TreeMap<>(e.tags());
        out.put("tagsByLanguage", tags);
        e.logo().ifPresent(l -> out.put("logo", l));
        out.put("snapshots", e.snapshots());
        out.put("resources", e.resources());
        out.put("updatedAt", e.updatedAt().toString());
        e.registration().flatMap(InterlinkerEntry::descriptor).ifPresent(d -> {
            out.put("dataVersion", d.dataVersion());
            d.assetPage().ifPresent(p -> out.put("assetPage", p));
        });
        if (e.registration().isPresent()) {
            out.put("versions", versions.stream().map(v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("version", v.version());
                m.put("status", v.status().label());
                m.put("serving", v.serving());
                m.put("bundle", v.bundle().symbolicName() + " " + v.bundle().version());
                if (!v.reason().isEmpty()) m.put("reason", v.reason());
                return m;
            }).toList());
        }
        return out;
    }

    /** The language a text is shown in for {@code language}: that one, else English, else the text's first. */
    static String languageOf(Translated text, Language language) {
        if (text.exactly(language).isPresent()) return language.code();
        if (text.exactly(Language.FALLBACK).isPresent() || text.isEmpty()) return InterlinkerDescriptor.DEFAULT_LANGUAGE;
        return text.values().keySet().iterator().next();
    }

    static Map<String, Object> facets(Map<CatalogueFacet, Map<String, Integer>> facets) {
        Map<String, Object> out = new LinkedHashMap<>();
        facets.forEach((f, counts) -> out.put(f.parameter(), counts));
        return out;
    }

    static Map<String, Object> rating(Rating r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("interlinker", r.entryId());
        out.put("user", r.user());
        out.put("value", r.value());
        r.text().ifPresent(t -> out.put("text", t));
        out.put("createdAt", r.createdAt().toString());
        out.put("updatedAt", r.updatedAt().toString());
        return out;
    }

    static Map<String, Object> profile(ProblemProfile p, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name().in(language).orElse(p.id()));
        out.put("description", p.description().in(language).orElse(""));
        out.put("functionality", p.functionality().in(language).orElse(""));
        out.put("language", languageOf(p.name(), language));
        return out;
    }

    static Map<String, Object> profileDetail(ProblemProfile p, Language language) {
        Map<String, Object> out = profile(p, language);
        Map<String, Object> texts = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            if (p.name().exactly(l).isEmpty() && p.description().exactly(l).isEmpty() && p.functionality().exactly(l).isEmpty()) continue;
            Map<String, Object> one = new LinkedHashMap<>();
            p.name().exactly(l).ifPresent(t -> one.put("name", t));
            p.description().exactly(l).ifPresent(t -> one.put("description", t));
            p.functionality().exactly(l).ifPresent(t -> one.put("functionality", t));
            texts.put(l.code(), one);
        }
        out.put("texts", texts);
        return out;
    }

    static Map<String, Object> report(ImportReport r, long millis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folder", r.folder());
        Map<String, Object> counts = new TreeMap<>();
        r.counts().forEach((kind, c) -> counts.put(kind, counts(c)));
        out.put("counts", counts);
        out.put("total", counts(r.total()));
        out.put("issues", r.issues().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", i.kind());
            m.put("item", i.item());
            m.put("reason", i.reason());
            return m;
        }).toList());
        out.put("millis", millis);
        return out;
    }

    private static Map<String, Object> counts(ImportReport.Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("unchanged", c.unchanged());
        return m;
    }

    private static void putIfSet(Map<String, Object> out, String key, String value) {
        if (value != null) out.put(key, value);
    }
}
