package eu.interlink.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A software Interlinker: register an implementation as an OSGi service (with {@code @Component}) and the kernel
 * finds it, validates its {@link #descriptor()} and lists it in the catalogue.
 *
 * <p>Every call comes from the kernel through a guard with a time limit; an exception is caught, counted and
 * shown to operators, never passed on to a user as a stack trace. All data lives in the
 * {@link AssetContext#store()} of the asset: the kernel commits it when the call returns and rolls it back when
 * the call throws. An Interlinker keeps no state of its own, so it can be upgraded, rolled back or removed
 * without losing anything.
 *
 * <p>Operations whose {@link Capability} the descriptor does not declare are never called; their default
 * implementations throw {@link CapabilityNotSupportedException}.
 */
@ConsumerType
public interface Interlinker {

    /** Who this Interlinker is; read once when it arrives, so it must not change while registered. */
    InterlinkerDescriptor descriptor();

    /**
     * Creates the data of a new asset in {@code context.store()}.
     *
     * @param params what the user chose when creating the asset (such as a title); unknown keys are ignored
     * @return what the kernel shows about the new asset
     * @throws IllegalArgumentException when {@code params} are wrong: the message goes to the user as is
     */
    AssetInfo instantiate(AssetContext context, Map<String, Object> params);

    /** Copies {@code source}'s data into {@code target}'s, an empty store ({@link Capability#CLONE}). */
    default AssetInfo copy(AssetContext source, AssetContext target) {
        throw new CapabilityNotSupportedException(descriptor().id(), Capability.CLONE);
    }

    /**
     * Lets go of an asset ({@link Capability#DELETE}). The kernel deletes the asset's store afterwards; this is
     * the place to refuse (by throwing) or to clean up beyond the store.
     */
    default void delete(AssetContext context) {
        throw new CapabilityNotSupportedException(descriptor().id(), Capability.DELETE);
    }

    /** A file made from the asset ({@link Capability#DOWNLOAD}); empty when there is nothing to export yet. */
    default Optional<AssetExport> export(AssetContext context) {
        throw new CapabilityNotSupportedException(descriptor().id(), Capability.DOWNLOAD);
    }

    /**
     * Steps that bring data written by an older version to {@link InterlinkerDescriptor#dataVersion()}; the kernel
     * runs those it needs, in order, inside one transaction, before this version serves any request.
     */
    default List<DataMigration> migrations() {
        return List.of();
    }
}
