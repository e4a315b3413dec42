package eu.interlink.kernel.service;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The persisted history of the platform's events, newest first. */
@ProviderType
public interface ActivityLog {

    /**
     * @param subjectType only entries about this kind of subject ({@code interlinker}, {@code asset}…)
     * @param subjectId   only entries about this subject
     * @param processId   only entries of this process
     */
    Page<ActivityEntry> read(Optional<String> subjectType, Optional<String> subjectId, Optional<String> processId, int offset, int limit);
}
