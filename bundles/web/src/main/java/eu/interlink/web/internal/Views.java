package eu.interlink.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.InterlinkerTexts;
import eu.interlink.api.Nature;
import eu.interlink.kernel.service.AssetKind;
import eu.interlink.kernel.service.AssetRecord;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.Page;

/** The JSON shapes of the API, written out field by field so that the API changes only when we mean it to. */
final class Views {
    private Views() {
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Nature nature(String label) {
        for (Nature n : Nature.values()) {
            if (label(n).equals(label)) return n;
        }
        return null;
    }

    static Map<String, Object> page(Page<?> page, List<?> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", page.total());
        out.put("offset", page.offset());
        out.put("limit", page.limit());
        return out;
    }

    /** An Interlinker as listed: its texts in {@code language} only. */
    static Map<String, Object> interlinker(InterlinkerEntry e, String language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("version", e.version());
        InterlinkerDescriptor d = e.descriptor().orElse(null);
        out.put("nature", d == null ? null : label(d.nature()));
        if (d != null) {
            InterlinkerTexts t = d.texts(language);
            out.put("name", t.name());
            out.put("description", t.description());
            out.put("language", d.languages().contains(language) ? language : InterlinkerDescriptor.DEFAULT_LANGUAGE);
        } else {
            out.put("name", e.bundle().symbolicName());
            out.put("description", "");
            out.put("language", InterlinkerDescriptor.DEFAULT_LANGUAGE);
        }
        out.put("status", e.status().label());
        out.put("serving", e.serving());
        if (!e.reason().isEmpty()) out.put("reason", e.reason());
        out.put("capabilities", d == null ? List.of() : d.capabilities().stream().map(Views::label).toList());
        out.put("languages", d == null ? List.of() : List.copyOf(d.languages()));
        out.put("problemProfiles", d == null ? List.of() : List.copyOf(d.problemProfiles()));
        out.put("tags", d == null ? List.of() : List.copyOf(d.tags()));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("id", e.bundle().id());
        bundle.put("symbolicName", e.bundle().symbolicName());
        bundle.put("version", e.bundle().version());
        out.put("bundle", bundle);
        out.put("since", e.since().toString());
        return out;
    }

    /** An Interlinker in full: every language's texts, its data version and every registered version. */
    static Map<String, Object> interlinkerDetail(InterlinkerEntry e, String language, List<InterlinkerEntry> versions) {
        Map<String, Object> out = interlinker(e, language);
        e.descriptor().ifPresent(d -> {
            Map<String, Object> texts = new LinkedHashMap<>();
            d.texts().forEach((lang, t) -> texts.put(lang, Map.of("name", t.name(), "description", t.description())));
            out.put("texts", texts);
            out.put("dataVersion", d.dataVersion());
            d.assetPage().ifPresent(p -> out.put("assetPage", p));
        });
        out.put("versions", versions.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", v.version());
            m.put("status", v.status().label());
            m.put("serving", v.serving());
            m.put("bundle", v.bundle().symbolicName() + " " + v.bundle().version());
            if (!v.reason().isEmpty()) m.put("reason", v.reason());
            return m;
        }).toList());
        return out;
    }

    static Map<String, Object> history(eu.interlink.kernel.service.HistoryEntry h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id());
        out.put("at", h.at().toString());
        out.put("interlinker", h.interlinkerId());
        out.put("action", h.action());
        out.put("version", h.version());
        h.fromVersion().ifPresent(v -> out.put("from", v));
        out.put("outcome", h.outcome());
        out.put("detail", h.detail());
        h.actor().ifPresent(a -> out.put("actor", a));
        return out;
    }

    static Map<String, Object> asset(AssetRecord a, InterlinkerDescriptor serving) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("kind", a.kind().label());
        if (a.interlinkerId() != null) out.put("interlinker", a.interlinkerId());
        out.put("name", a.name());
        a.uri().ifPresent(u -> out.put("uri", u));
        a.language().ifPresent(l -> out.put("language", l));
        out.put("status", a.available() ? "available" : "unavailable");
        a.processId().ifPresent(p -> out.put("process", p));
        a.taskId().ifPresent(t -> out.put("task", t));
        a.createdBy().ifPresent(u -> out.put("createdBy", u));
        out.put("createdAt", a.createdAt().toString());
        out.put("updatedAt", a.updatedAt().toString());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/assets/" + a.id());
        if (a.kind() == AssetKind.KNOWLEDGE) links.put("download", "/api/v1/assets/" + a.id() + "/download");
        if (serving != null && a.kind() == AssetKind.INTERNAL) {
            serving.assetPage().ifPresent(p -> links.put("page", p.replace("{assetId}", a.id())));
            if (serving.can(Capability.DOWNLOAD)) links.put("download", "/api/v1/assets/" + a.id() + "/download");
        }
        out.put("links", links);
        return out;
    }
}
