package eu.interlink.coproduction.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemType;
import eu.interlink.coproduction.Language;
import eu.interlink.coproduction.Schema;

/** The seed format read from a folder written here (the shared data is tested in the integration tests). */
public class SchemaSeedTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path folder() throws Exception {
        Path root = tmp.getRoot().toPath();
        Path phases = Files.createDirectories(root.resolve("schemas/walk/phases"));
        Files.writeString(root.resolve("schemas/walk/metadata.json"), "{\"id\":\"walk\",\"name_translations\":{\"en\":\"Walk\"},"
                + "\"description_translations\":{\"en\":\"A walk\"},\"languages\":[\"en\"],\"licence\":\"permissive\",\"author\":\"\","
                + "\"tags_translations\":{\"en\":[\"outdoors\"]}}");
        // File names sort against the prerequisite order: a-end needs m-middle, which needs z-start.
        Files.writeString(phases.resolve("a-end.json"), phase("phase-end", "[{\"item\":\"phase-middle\",\"status\":\"finished\"}]"));
        Files.writeString(phases.resolve("m-middle.json"), phase("phase-middle", "{\"phase-start\":\"finished\"}"));
        Files.writeString(phases.resolve("z-start.json"), phase("phase-start", "[]"));
        Path weblate = Files.createDirectories(root.resolve("weblate/es"));
        Files.writeString(weblate.resolve("schemas.json"), "{\"walk;name\":\"Paseo\",\"walk;phase-start;o-phase-start;t-phase-start;name\":\"Tarea\","
                + "\"other;name\":\"Otro\"}");
        Path broken = Files.createDirectories(root.resolve("schemas/broken/phases"));
        Files.writeString(root.resolve("schemas/broken/metadata.json"), "{\"id\": ");
        Files.writeString(broken.resolve("x.json"), "{}");
        return root;
    }

    private static String phase(String id, String prerequisites) {
        return "{\"id\":\"" + id + "\",\"prerequisites\":" + prerequisites + ",\"is_part_of_codelivery\":false,"
                + "\"name_translations\":{\"en\":\"" + id + "\"},\"description_translations\":{},\"objectives\":[{\"id\":\"o-" + id + "\","
                + "\"name_translations\":{\"en\":\"O\"},\"description_translations\":{},\"problemprofiles\":[],\"prerequisites\":[],"
                + "\"tasks\":[{\"id\":\"t-" + id + "\",\"name_translations\":{\"en\":\"T\"},\"description_translations\":{},"
                + "\"problemprofiles\":[\"ORG_PROBLEM_1\"],\"prerequisites\":[]}]}]}";
    }

    @Test
    public void readsPhasesInPrerequisiteOrderWithTranslationsAndReportsWhatItCannotRead() throws Exception {
        ImportReport.Builder report = new ImportReport.Builder("seed");
        List<Schema> schemas = SchemaSeed.read(folder(), report);
        assertEquals(1, schemas.size());
        Schema walk = schemas.get(0);
        assertEquals(List.of("phase-start", "phase-middle", "phase-end"), walk.phases().stream().map(p -> p.id()).toList());
        assertEquals(List.of("phase-start"), walk.phases().get(1).prerequisites());
        assertEquals(List.of("phase-middle"), walk.phases().get(2).prerequisites());
        assertEquals("Paseo", walk.name().in(Language.ES).orElseThrow());
        assertEquals("Walk", walk.name().in(Language.IT).orElseThrow());
        assertEquals(ItemType.TASK, walk.phases().get(0).children().get(0).children().get(0).type());
        assertEquals("Tarea", walk.phases().get(0).children().get(0).children().get(0).name().in(Language.ES).orElseThrow());
        assertEquals(List.of("ORG_PROBLEM_1"), walk.phases().get(0).children().get(0).children().get(0).problemProfiles());
        assertEquals(List.of("outdoors"), walk.tags().get("en"));
        SchemaRules.validate(walk);

        ImportReport r = report.build();
        assertEquals(1, r.issues().size());
        assertEquals("broken", r.issues().get(0).item());
        assertTrue(r.issues().get(0).reason(), r.issues().get(0).reason().contains("metadata.json"));
    }

    @Test
    public void validationNamesTheFieldOfAnUnknownPrerequisite() throws Exception {
        Schema walk = SchemaSeed.read(folder(), new ImportReport.Builder("seed")).get(0);
        var phases = new java.util.ArrayList<>(walk.phases());
        var middle = phases.get(1);
        var objective = middle.children().get(0);
        phases.set(1, new eu.interlink.coproduction.SchemaItem(middle.id(), middle.type(), middle.name(), middle.description(), middle.prerequisites(),
                middle.problemProfiles(), List.of(new eu.interlink.coproduction.SchemaItem(objective.id(), objective.type(), objective.name(),
                        objective.description(), List.of("nowhere"), List.of(), objective.children()))));
        try {
            SchemaRules.validate(new Schema(walk.id(), walk.name(), walk.description(), walk.languages(), walk.licence(), walk.author(), walk.tags(), phases));
            fail("an unknown prerequisite passed");
        } catch (FieldException e) {
            assertEquals("phases[1].children[0].prerequisites[0]", e.field());
        }
    }
}
