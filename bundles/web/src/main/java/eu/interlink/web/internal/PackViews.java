package eu.interlink.web.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import eu.interlink.knowledge.KnowledgePack;

/** The JSON shape of a knowledge pack, written field by field like {@link Views}. */
final class PackViews {
    static final String BASE = "/api/v1/admin/knowledge-packs/";

    private PackViews() {
    }

    static Map<String, Object> pack(KnowledgePack p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "knowledge-pack");
        out.put("symbolicName", p.symbolicName());
        out.put("version", p.version());
        out.put("bundleId", p.bundleId());
        out.put("folder", p.folder());
        out.put("status", p.status().label());
        p.reason().ifPresent(r -> out.put("reason", r));
        out.put("interlinkers", p.interlinkers());
        out.put("since", p.since().toString());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", BASE + p.symbolicName());
        links.put("interlinkers", p.interlinkers().stream().map(id -> CatalogueViews.BASE + id).toList());
        out.put("links", links);
        return out;
    }
}
