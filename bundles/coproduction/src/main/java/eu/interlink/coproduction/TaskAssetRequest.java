package eu.interlink.coproduction;

import java.net.URI;
import java.util.Map;

/** What to create for a task: one of three kinds of asset. */
public sealed interface TaskAssetRequest {

    /** Made through a software Interlinker with these parameters (its own). */
    record Internal(String interlinkerId, Map<String, Object> params) implements TaskAssetRequest {
    }

    /** A copy of a knowledge Interlinker's resource in {@code language} (else English, else any it has). */
    record Knowledge(String interlinkerId, Language language) implements TaskAssetRequest {
    }

    /** A named link. */
    record External(String name, URI uri) implements TaskAssetRequest {
    }
}
