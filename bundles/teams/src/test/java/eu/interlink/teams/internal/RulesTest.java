package eu.interlink.teams.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import eu.interlink.teams.InvalidFieldException;
import eu.interlink.teams.TeamCreation;
import eu.interlink.teams.TeamType;

public class RulesTest {

    @Test
    public void textsAreKeptInTheLanguagesOrderTrimmedWithoutBlanks() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("lv", " Rīga ");
        given.put("en", "Riga");
        given.put("es", "  ");
        Map<String, String> kept = Rules.texts(given, "name", 200, true);
        assertEquals(List.of("en", "lv"), List.copyOf(kept.keySet()));
        assertEquals("Rīga", kept.get("lv"));
    }

    @Test
    public void textsNameTheFaultyField() {
        assertEquals("name.fr", assertThrows(InvalidFieldException.class, () -> Rules.texts(Map.of("fr", "Ville"), "name", 200, true)).field());
        assertEquals("name", assertThrows(InvalidFieldException.class, () -> Rules.texts(Map.of("en", " "), "name", 200, true)).field());
        assertEquals("description.it", assertThrows(InvalidFieldException.class,
                () -> Rules.texts(Map.of("it", "x".repeat(11)), "description", 10, false)).field());
        assertTrue(Rules.texts(null, "description", 10, false).isEmpty());
    }

    @Test
    public void namesAndAccounts() {
        assertEquals("Choir", Rules.name("  Choir "));
        assertThrows(InvalidFieldException.class, () -> Rules.name(" "));
        assertThrows(InvalidFieldException.class, () -> Rules.name("x".repeat(201)));
        assertThrows(InvalidFieldException.class, () -> Rules.userName("a\u0000b", "user"));
        assertTrue(Rules.anonymous(null));
        assertTrue(Rules.anonymous("anonymous"));
    }

    @Test
    public void enumsReadTheirJsonLabels() {
        assertEquals(TeamType.PUBLIC_ADMINISTRATION, TeamType.of("public_administration").orElseThrow());
        assertTrue(TeamType.of("PUBLIC_ADMINISTRATION").isEmpty());
        assertEquals("citizen, public_administration, nonprofit_organization, forprofit_organization", TeamType.labels());
        assertEquals(TeamCreation.ANYONE, TeamCreation.of("anyone").orElseThrow());
        assertEquals("administrators, members, anyone", TeamCreation.labels());
    }
}
