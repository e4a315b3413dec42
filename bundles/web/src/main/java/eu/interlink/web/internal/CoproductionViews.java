package eu.interlink.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import eu.interlink.coproduction.CatalogueEntry;
import eu.interlink.coproduction.CoproductionProcess;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.ParticipationRequest;
import eu.interlink.coproduction.Permission;
import eu.interlink.coproduction.Rights;
import eu.interlink.coproduction.ProcessTree;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaItem;
import eu.interlink.coproduction.Translated;
import eu.interlink.coproduction.TreeItem;

/** The JSON shapes of schemas, processes and their trees; texts in the negotiated language, English fallback. */
final class CoproductionViews {
    private CoproductionViews() {
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Translated t, Language language) {
        return t.in(language).orElse("");
    }

    /** A schema as listed: no tree, its size. */
    static Map<String, Object> schemaSummary(Schema s, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("name", text(s.name(), language));
        out.put("description", text(s.description(), language));
        out.put("languages", s.languages());
        out.put("licence", s.licence());
        out.put("author", s.author());
        List<String> tags = s.tags().getOrDefault(language.code(), s.tags().getOrDefault(Language.FALLBACK.code(), List.of()));
        out.put("tags", tags);
        int objectives = 0;
        int tasks = 0;
        for (SchemaItem p : s.phases()) {
            objectives += p.children().size();
            for (SchemaItem o : p.children()) tasks += o.children().size();
        }
        out.put("counts", Map.of("phases", s.phases().size(), "objectives", objectives, "tasks", tasks));
        out.put("links", Map.of("self", "/api/v1/schemas/" + s.id()));
        return out;
    }

    static Map<String, Object> schema(Schema s, Language language) {
        Map<String, Object> out = schemaSummary(s, language);
        out.put("phases", s.phases().stream().map(p -> schemaItem(p, language)).toList());
        return out;
    }

    private static Map<String, Object> schemaItem(SchemaItem i, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("type", label(i.type()));
        out.put("name", text(i.name(), language));
        out.put("description", text(i.description(), language));
        out.put("prerequisites", i.prerequisites());
        out.put("problemProfiles", i.problemProfiles());
        if (i.type() != ItemType.TASK) out.put("children", i.children().stream().map(c -> schemaItem(c, language)).toList());
        return out;
    }

    /** What a clone or an import made, and what it did not carry over. */
    static Map<String, Object> transfer(eu.interlink.coproduction.TransferReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("process", process(r.process()));
        out.put("assets", r.assets());
        out.put("notCarriedOver", r.issues().stream().map(i -> {
            Map<String, Object> issue = new LinkedHashMap<>();
            issue.put("kind", i.kind());
            issue.put("subject", i.subject());
            issue.put("detail", i.detail());
            return issue;
        }).toList());
        return out;
    }

    static Map<String, Object> process(CoproductionProcess p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("description", p.description());
        out.put("aim", p.aim());
        out.put("idea", p.idea());
        out.put("organizationDescription", p.organizationDescription());
        out.put("challenges", p.challenges());
        out.put("requirements", p.requirements());
        out.put("language", p.language().code());
        out.put("logotype", p.logotype().orElse(null));
        out.put("tags", p.tags());
        out.put("public", p.isPublic());
        out.put("status", p.status().label());
        out.put("progress", p.progress());
        out.put("startDate", p.startDate().map(Object::toString).orElse(null));
        out.put("endDate", p.endDate().map(Object::toString).orElse(null));
        out.put("schemas", p.schemas());
        out.put("administrators", p.administrators());
        out.put("createdBy", p.createdBy());
        out.put("createdAt", p.createdAt().toString());
        out.put("updatedAt", p.updatedAt().toString());
        out.put("links", Map.of("self", "/api/v1/processes/" + p.id(), "tree", "/api/v1/processes/" + p.id() + "/tree"));
        return out;
    }

    static Map<String, Object> tree(ProcessTree t, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        CoproductionProcess p = t.process();
        out.put("process", p.id());
        out.put("status", p.status().label());
        out.put("progress", p.progress());
        out.put("startDate", p.startDate().map(Object::toString).orElse(null));
        out.put("endDate", p.endDate().map(Object::toString).orElse(null));
        out.put("schemas", p.schemas());
        out.put("phases", t.phases().stream().map(i -> item(i, language)).toList());
        return out;
    }

    static Map<String, Object> item(TreeItem i, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("type", label(i.type()));
        i.parentId().ifPresent(x -> out.put("parent", x));
        out.put("name", text(i.name(), language));
        out.put("description", text(i.description(), language));
        out.put("status", i.status().label());
        out.put("progress", i.progress());
        out.put("startDate", i.startDate().map(Object::toString).orElse(null));
        out.put("endDate", i.endDate().map(Object::toString).orElse(null));
        out.put("disabled", i.disabled());
        i.disabledBy().ifPresent(x -> out.put("disabledBy", x));
        i.disabledAt().ifPresent(x -> out.put("disabledAt", x.toString()));
        out.put("prerequisites", i.prerequisites());
        out.put("problemProfiles", i.problemProfiles());
        i.schemaId().ifPresent(x -> out.put("schema", x));
        i.schemaItemId().ifPresent(x -> out.put("schemaItem", x));
        out.put("createdBy", i.createdBy());
        out.put("createdAt", i.createdAt().toString());
        out.put("updatedAt", i.updatedAt().toString());
        String self = "/api/v1/processes/" + i.processId() + "/items/" + i.id();
        if (i.type() == ItemType.TASK) {
            String task = "/api/v1/processes/" + i.processId() + "/tasks/" + i.id();
            out.put("links", Map.of("self", self, "assets", task + "/assets", "recommendations", task + "/recommendations"));
        } else {
            out.put("links", Map.of("self", self));
            out.put("children", i.children().stream().map(c -> item(c, language)).toList());
        }
        return out;
    }

    /** An Interlinker recommended for a task. */
    static Map<String, Object> recommendation(CatalogueEntry e, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("nature", Views.label(e.nature()));
        out.put("name", text(e.name(), language));
        out.put("description", text(e.description(), language));
        out.put("problemProfiles", e.problemProfiles());
        out.put("available", e.available());
        out.put("ratingAverage", e.ratingAverage().orElse(null));
        out.put("links", Map.of("self", "/api/v1/interlinkers/" + e.id()));
        return out;
    }
    static Map<String, Object> rights(Rights r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("read", r.read());
        out.put("administer", r.administer());
        out.put("access", r.access());
        out.put("createAssets", r.createAssets());
        out.put("deleteAssets", r.deleteAssets());
        out.put("roles", r.roles());
        out.put("teams", r.teams());
        return out;
    }

    static Map<String, Object> permission(Permission p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("process", p.processId());
        out.put("item", p.itemId().orElse(null));
        out.put("team", p.teamId());
        out.put("access", p.access());
        out.put("createAssets", p.createAssets());
        out.put("deleteAssets", p.deleteAssets());
        out.put("grantedBy", p.grantedBy());
        out.put("grantedAt", p.grantedAt().toString());
        out.put("links", Map.of("self", "/api/v1/processes/" + p.processId() + "/permissions/" + p.id()));
        return out;
    }

    static Map<String, Object> participation(ParticipationRequest r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("process", r.processId());
        out.put("applicant", r.applicant());
        out.put("message", r.message());
        out.put("status", r.status().label());
        out.put("team", r.teamId().orElse(null));
        out.put("decidedBy", r.decidedBy().orElse(null));
        out.put("createdAt", r.createdAt().toString());
        out.put("decidedAt", r.decidedAt().map(Object::toString).orElse(null));
        out.put("links", Map.of("self", "/api/v1/processes/" + r.processId() + "/participation-requests/" + r.id()));
        return out;
    }
}
