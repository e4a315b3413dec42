package eu.interlink.kernel.service;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every Interlinker registration the kernel has seen and not seen leave: the ones serving, and the ones it
 * refused. Backed by an index kept up to date as services come and go, never by a search of the OSGi service
 * registry, so reads cost the same with ten Interlinkers or a thousand.
 */
@ProviderType
public interface InterlinkerRegistry {

    /** The entry that serves {@code id}, or else the most telling one (a rejected registration). */
    Optional<InterlinkerEntry> find(String id);

    /** Every registration of {@code id}: the serving version first, then the others. */
    List<InterlinkerEntry> versions(String id);

    /** One entry per serving Interlinker plus each rejected registration, sorted by id, filtered and paged. */
    Page<InterlinkerEntry> search(InterlinkerQuery query);

    /**
     * A number that grows with every change to what this registry shows: equal numbers, equal answers, so a
     * front end may cache what it made of an answer for as long as the number stays.
     */
    default long revision() {
        return 0;
    }

    /**
     * The Interlinkers the kernel knows (it keeps their assets and data) but that no bundle registers now, with
     * status {@link InterlinkerStatus#UNAVAILABLE}, the version that served last, and no bundle (id -1). They are
     * not in {@link #search}: the catalogue shows what can be used.
     */
    default java.util.List<InterlinkerEntry> unavailable() {
        return java.util.List.of();
    }
}
