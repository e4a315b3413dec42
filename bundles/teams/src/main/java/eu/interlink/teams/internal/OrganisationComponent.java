package eu.interlink.teams.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import eu.interlink.kernel.service.KernelException;
import eu.interlink.kernel.service.Page;
import eu.interlink.store.Store;
import eu.interlink.teams.Organisation;
import eu.interlink.teams.OrganisationFields;
import eu.interlink.teams.OrganisationService;
import eu.interlink.teams.TeamCreation;
import eu.interlink.teams.TeamEvents;
import eu.interlink.teams.TeamType;

/** Organisations and their administrators. */
@Component(service = OrganisationService.class)
public class OrganisationComponent implements OrganisationService {

    @Reference
    private Store store;

    @Reference
    private EventAdmin events;

    @Override
    public Optional<Organisation> find(String id) {
        return store.inTransaction(c -> TeamTables.findOrganisation(c, id));
    }

    @Override
    public Optional<Organisation> read(String id, String viewer) {
        return store.inTransaction(c -> {
            Optional<Organisation> o = TeamTables.findOrganisation(c, id);
            return o.isPresent() && TeamTables.mayRead(c, o.get(), viewer) ? o : Optional.<Organisation>empty();
        });
    }

    @Override
    public Page<Organisation> list(String viewer, int offset, int limit) {
        return store.inTransaction(c -> new Page<>(TeamTables.organisations(c, viewer, offset, limit), TeamTables.countOrganisations(c, viewer), offset, limit));
    }

    @Override
    public Organisation create(OrganisationFields f, String user) {
        Map<String, String> name = Rules.texts(f.name(), "name", Rules.MAX_NAME, true);
        Map<String, String> description = Rules.texts(f.description(), "description", Rules.MAX_TEXT, false);
        Instant now = Instant.now();
        Organisation o = new Organisation(UUID.randomUUID().toString(), name, description, Boolean.TRUE.equals(f.isPublic()),
                f.defaultTeamType() == null ? TeamType.CITIZEN : f.defaultTeamType(),
                f.teamCreation() == null ? TeamCreation.ADMINISTRATORS : f.teamCreation(), List.of(user), user, now, now);
        Organisation created = store.inTransaction(c -> {
            TeamTables.insertOrganisation(c, o);
            TeamTables.addOrganisationAdministrator(c, o.id(), user, user);
            return TeamTables.findOrganisation(c, o.id()).orElseThrow();
        });
        post(TeamEvents.ORGANISATION_CREATED, created.id(), user, Map.of());
        return created;
    }

    @Override
    public Organisation update(String id, OrganisationFields f, String user) {
        Map<String, String> name = f.name() == null ? null : Rules.texts(f.name(), "name", Rules.MAX_NAME, true);
        Map<String, String> description = f.description() == null ? null : Rules.texts(f.description(), "description", Rules.MAX_TEXT, false);
        List<String> changed = new ArrayList<>();
        Organisation updated = store.inTransaction(c -> {
            Organisation old = TeamTables.administeredOrganisation(c, id, user);
            Organisation o = new Organisation(id, pick(name, old.name(), "name", changed), pick(description, old.description(), "description", changed),
                    pick(f.isPublic(), old.isPublic(), "public", changed), pick(f.defaultTeamType(), old.defaultTeamType(), "defaultTeamType", changed),
                    pick(f.teamCreation(), old.teamCreation(), "teamCreation", changed), old.administrators(), old.createdBy(), old.createdAt(),
                    Instant.now());
            if (changed.isEmpty()) return old;
            TeamTables.updateOrganisation(c, o);
            return TeamTables.findOrganisation(c, id).orElseThrow();
        });
        if (!changed.isEmpty()) post(TeamEvents.ORGANISATION_UPDATED, id, user, Map.of("fields", String.join(",", changed)));
        return updated;
    }

    private static <T> T pick(T given, T old, String field, List<String> changed) {
        if (given == null || given.equals(old)) return old;
        changed.add(field);
        return given;
    }

    @Override
    public void delete(String id, String user) {
        store.inTransaction(c -> {
            TeamTables.administeredOrganisation(c, id, user);
            // Its teams, their members and applications go with it (ON DELETE CASCADE).
            TeamTables.deleteOrganisation(c, id);
            return null;
        });
        post(TeamEvents.ORGANISATION_DELETED, id, user, Map.of());
    }

    @Override
    public Organisation addAdministrator(String id, String administrator, String user) {
        String name = Rules.userName(administrator, "user");
        Organisation o = store.inTransaction(c -> {
            Organisation old = TeamTables.administeredOrganisation(c, id, user);
            if (old.administrators().contains(name)) {
                throw new KernelException(409, "already-an-administrator", "Already an administrator",
                        "'" + Rules.clip(name) + "' already administers organisation '" + id + "'");
            }
            TeamTables.requireAccount(c, name, "user");
            TeamTables.addOrganisationAdministrator(c, id, name, user);
            TeamTables.touchOrganisation(c, id);
            return TeamTables.findOrganisation(c, id).orElseThrow();
        });
        post(TeamEvents.ORGANISATION_ADMINISTRATOR_ADDED, id, user, Map.of("administrator", name));
        return o;
    }

    @Override
    public Organisation removeAdministrator(String id, String administrator, String user) {
        Organisation o = store.inTransaction(c -> {
            Organisation old = TeamTables.administeredOrganisation(c, id, user);
            if (!old.administrators().contains(administrator)) {
                throw new KernelException(404, "not-found", "Administrator not found",
                        "'" + Rules.clip(administrator) + "' is not an administrator of organisation '" + id + "'");
            }
            if (old.administrators().size() == 1) {
                throw new KernelException(409, "last-administrator", "Last administrator",
                        "'" + Rules.clip(administrator) + "' is the last administrator of organisation '" + id + "'; add another one first");
            }
            TeamTables.removeOrganisationAdministrator(c, id, administrator);
            TeamTables.touchOrganisation(c, id);
            return TeamTables.findOrganisation(c, id).orElseThrow();
        });
        post(TeamEvents.ORGANISATION_ADMINISTRATOR_REMOVED, id, user, Map.of("administrator", administrator));
        return o;
    }

    private void post(String topic, String id, String user, Map<String, Object> details) {
        Poster.post(events, topic, "organisation", id, user, details);
    }
}
