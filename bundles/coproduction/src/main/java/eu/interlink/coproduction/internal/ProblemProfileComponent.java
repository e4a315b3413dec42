package eu.interlink.coproduction.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.ProblemProfile;
import eu.interlink.coproduction.ProblemProfileService;

/** The problem profiles, as the catalogue holds them in memory. */
@Component
public class ProblemProfileComponent implements ProblemProfileService {

    @Reference
    private CatalogueState catalogue;

    public ProblemProfileComponent() {
    }

    ProblemProfileComponent(CatalogueState catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<ProblemProfile> list() {
        return catalogue.profiles();
    }

    @Override
    public Optional<ProblemProfile> find(String id) {
        return catalogue.profiles().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
