package eu.interlink.coproduction.internal;

import java.util.List;

import eu.interlink.coproduction.ProblemProfile;

/** The catalogue's state as the bundle's other components need it. */
public interface CatalogueState {

    /** The catalogue's tables changed behind its back (an import): reload them at the next read. */
    void changed();

    /** The problem profiles as of the current revision, ordered by id. */
    List<ProblemProfile> profiles();
}
