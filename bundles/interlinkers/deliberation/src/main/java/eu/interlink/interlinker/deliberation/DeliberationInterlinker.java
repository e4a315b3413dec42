package eu.interlink.interlinker.deliberation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import eu.interlink.api.AssetContext;
import eu.interlink.api.AssetExport;
import eu.interlink.api.AssetInfo;
import eu.interlink.api.Capability;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.Interlinker;
import eu.interlink.api.InterlinkerDescriptor;
import eu.interlink.api.Nature;

/**
 * The deliberation Interlinker as the kernel sees it: creating, cloning, deleting and exporting deliberations.
 * Discussing, proposing, voting and closing are its own pages, {@link DeliberationServlet}.
 */
@Component(service = Interlinker.class)
public final class DeliberationInterlinker implements Interlinker {
    static final String ID = "deliberation";
    static final String ASSET_PAGE = "/interlinkers/deliberation/assets/{assetId}";
    static final int DATA_VERSION = 1;

    private final InterlinkerDescriptor descriptor;

    /** For DS: the version is the bundle's, so the two can never disagree. */
    public DeliberationInterlinker() {
        this(InterlinkerDescriptor.versionOf(DeliberationInterlinker.class));
    }

    /** For tests, which run outside a framework and so have no bundle version to read. */
    DeliberationInterlinker(String version) {
        this.descriptor = InterlinkerDescriptor.builder(ID, version)
                .nature(Nature.SOFTWARE)
                .capabilities(Capability.INSTANTIATE, Capability.VIEW, Capability.EDIT, Capability.CLONE,
                        Capability.DELETE, Capability.DOWNLOAD, Capability.PREVIEW)
                .texts("en", "Deliberation",
                        "Discuss, propose and decide together: discussion threads with replies, proposals with "
                                + "their status, and polls to choose one or several options or to decide by majority "
                                + "or by consent (agree, abstain, disagree, block), closed by hand or at a set date, "
                                + "with their outcome. One vote per person, changeable until the poll closes. "
                                + "Downloads as JSON; a clone copies everything.")
                .texts("es", "Deliberación",
                        "Debatid, proponed y decidid en común: hilos de debate con respuestas, propuestas con su "
                                + "estado y votaciones para elegir una o varias opciones o decidir por mayoría o por "
                                + "consentimiento (a favor, abstención, en contra, bloqueo), cerradas a mano o en una "
                                + "fecha fijada, con su resultado. Un voto por persona, modificable hasta el cierre. "
                                + "Se descarga en JSON; una copia lo duplica todo.")
                .texts("it", "Deliberazione",
                        "Discutete, proponete e decidete insieme: discussioni con risposte, proposte con il loro "
                                + "stato e votazioni per scegliere una o più opzioni o decidere a maggioranza o per "
                                + "consenso (favorevole, astenuto, contrario, blocco), chiuse a mano o a una data "
                                + "stabilita, con il loro esito. Un voto a persona, modificabile fino alla chiusura. "
                                + "Si scarica in JSON; una copia riprende tutto.")
                .texts("lv", "Apspriede",
                        "Apspriediet, ierosiniet un lemiet kopā: diskusiju pavedieni ar atbildēm, priekšlikumi ar "
                                + "to statusu un balsojumi, lai izvēlētos vienu vai vairākas iespējas vai lemtu ar "
                                + "balsu vairākumu vai konsensu (par, atturas, pret, bloķē), slēgti manuāli vai "
                                + "noteiktā laikā, ar to rezultātu. Viena balss katram, maināma līdz slēgšanai. "
                                + "Lejupielāde JSON formātā; kopija pārņem visu.")
                .tags("deliberation", "discussion", "proposal", "poll", "vote", "decision", "consent")
                .dataVersion(DATA_VERSION)
                .assetPage(ASSET_PAGE)
                .build();
    }

    @Override
    public InterlinkerDescriptor descriptor() {
        return descriptor;
    }

    /**
     * @param params {@code title} (required), {@code description}, and optionally first {@code threads},
     *               {@code proposals} and {@code polls}, each as the asset's endpoints take them; other keys are
     *               ignored. The kernel names no author, so what is created here has none.
     */
    @Override
    public AssetInfo instantiate(AssetContext context, Map<String, Object> params) {
        String title = Board.create(context.store(), Board.JSON.valueToTree(params == null ? Map.of() : params), Instant.now(), false);
        return AssetInfo.named(title);
    }

    /**
     * The copy holds everything the source holds, votes and closed polls included, document for document: a
     * clone is a snapshot of the deliberation, and exports exactly what its source exports.
     */
    @Override
    public AssetInfo copy(AssetContext source, AssetContext target) {
        DocumentStore from = source.store();
        String title = new Board(from, Instant.now()).title();
        for (String key : from.keys("")) {
            from.get(key).ifPresent(d -> target.store().put(key, d.json()));
        }
        return AssetInfo.named(title);
    }

    /** Everything is in the asset's store, which the kernel deletes: nothing else to let go of. */
    @Override
    public void delete(AssetContext context) {
        // Nothing beyond the store.
    }

    /** The whole deliberation as JSON; an asset without data (deleted) exports nothing. */
    @Override
    public Optional<AssetExport> export(AssetContext context) {
        if (context.store().get(Board.META).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JsonExport(new Board(context.store(), Instant.now())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
