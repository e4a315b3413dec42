package eu.interlink.coproduction.internal;

import java.nio.file.Path;

import eu.interlink.coproduction.ImportReport;

/**
 * One part of the seed format, registered as a service inside this bundle; the import service runs the
 * problem profiles and Interlinkers first, then every {@code SeedImport} (schemas…).
 */
public interface SeedImport {

    /** Imports this part of {@code folder}, counting and reporting each item in {@code report}. */
    void run(Path folder, ImportReport.Builder report);
}
