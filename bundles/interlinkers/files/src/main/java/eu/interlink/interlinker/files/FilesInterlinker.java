package eu.interlink.interlinker.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Blob;
import eu.interlink.api.Capability;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * The file space as the kernel sees it: creating, cloning, deleting and exporting spaces. Uploads, downloads,
 * versions and deletes of files are its own pages, {@link FilesServlet}.
 */
@Component(service = Interlinker.class)
public final class FilesInterlinker implements Interlinker {
    static final String ID = "files";
    static final String ASSET_PAGE = "/interlinkers/files/assets/{assetId}";

    private final InterlinkerDescriptor descriptor;

    /** For DS: the version is the bundle's, so the two can never disagree. */
    public FilesInterlinker() {
        this(InterlinkerDescriptor.versionOf(FilesInterlinker.class));
    }

    /** For tests, which run outside a framework and so have no bundle version to read. */
    FilesInterlinker(String version) {
        this.descriptor = InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.EDIT, Capability.CLONE,
                        Capability.DELETE, Capability.DOWNLOAD)
                .texts("en", "File space",
                        "Keep a task's files in one place: upload documents, spreadsheets, presentations, images and "
                                + "text; uploading a file with the same name keeps the earlier one as an older "
                                + "version. Every version can be downloaded or deleted. Files are checked by size "
                                + "and by their actual content. The whole space downloads as a ZIP.")
                .texts("es", "Espacio de archivos",
                        "Guarda los archivos de una tarea en un solo lugar: sube documentos, hojas de cálculo, "
                                + "presentaciones, imágenes y textos; al subir un archivo con el mismo nombre, el "
                                + "anterior se conserva como versión antigua. Cada versión se puede descargar o "
                                + "eliminar. Se comprueban el tamaño y el contenido real de cada archivo. Todo el "
                                + "espacio se descarga como ZIP.")
                .texts("it", "Spazio file",
                        "Tieni i file di un'attività in un unico posto: carica documenti, fogli di calcolo, "
                                + "presentazioni, immagini e testi; caricando un file con lo stesso nome, il "
                                + "precedente resta come versione più vecchia. Ogni versione si può scaricare o "
                                + "eliminare. Di ogni file si controllano dimensione e contenuto effettivo. L'intero "
                                + "spazio si scarica come ZIP.")
                .texts("lv", "Failu krātuve",
                        "Glabājiet uzdevuma failus vienuviet: augšupielādējiet dokumentus, izklājlapas, "
                                + "prezentācijas, attēlus un tekstus; augšupielādējot failu ar to pašu nosaukumu, "
                                + "iepriekšējais tiek saglabāts kā vecāka versija. Katru versiju var lejupielādēt vai "
                                + "dzēst. Failiem tiek pārbaudīts izmērs un faktiskais saturs. Visu krātuvi var "
                                + "lejupielādēt ZIP formātā.")
                .tags("files", "documents", "upload", "versions")
                .dataVersion(1)
                .assetPage(ASSET_PAGE)
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /** @param params {@code title} (required); other keys are ignored. The space starts empty. */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        Object title = params == null ? null : params.get("title");
        if (title != null && !(title instanceof String)) {
            throw new FileSpace.InvalidUploadException("title", "The title must be a text");
        }
        FileSpace.create(context.store(), (String) title);
        return AssetInfo.named(FileSpace.title(context.store()));
    }

    /** The copy has every file with every version, their blobs streamed from the source's. */
    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        DocumentStore from = source.store();
        DocumentStore to = target.store();
        String title = FileSpace.title(from);
        FileSpace.create(to, title);
        for (FileSpace.StoredFile file : FileSpace.list(from)) {
            for (FileSpace.Version v : file.versions()) {
                Blob blob = from.getBlob(v.blob()).orElseThrow(
                        () -> new IllegalStateException("Version " + v.number() + " of '" + file.name() + "' has no content"));
                try (InputStream in = blob.open()) {
                    to.putBlob(v.blob(), blob.contentType(), in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            to.put(FileSpace.FILE_PREFIX + file.id(), file.toJson());
        }
        return AssetInfo.named(title);
    }

    /** Files and their versions are all in the asset's store, which the kernel deletes: nothing else to let go of. */
    @Override
    public void delete(AssetContext context) {
        // Nothing beyond the store.
    }

    /** The latest version of every file, as one ZIP (an empty ZIP for an empty space). */
    @Override
    public Optional<AssetExport> export(AssetContext context) {
        if (context.store().get(FileSpace.SPACE).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ZipExport(FileSpace.title(context.store()), context.store(), FileSpace.list(context.store())));
    }
}
