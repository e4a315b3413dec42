package eu.interlink.coproduction.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.ImportReport;
import eu.interlink.coproduction.Schema;
import eu.interlink.coproduction.SchemaService;
import eu.interlink.kernel.service.KernelException;

/** The schema part of a seed import: each schema of the folder saved, counted and, when refused, reported. */
@Component(service = SeedImport.class, property = "seed.part=schemas")
public class SchemaSeedImport implements SeedImport {

    @Reference
    private SchemaService schemas;

    @Override
    public void run(Path folder, ImportReport.Builder report) {
        for (Schema schema : SchemaSeed.read(folder, report)) {
            try {
                boolean existed = schemas.find(schema.id()).isPresent();
                if (!schemas.save(schema)) report.unchanged(SchemaSeed.KIND);
                else if (existed) report.updated(SchemaSeed.KIND);
                else report.created(SchemaSeed.KIND);
            } catch (KernelException e) {
                report.issue(SchemaSeed.KIND, schema.id(), e.detail());
            }
        }
    }
}
