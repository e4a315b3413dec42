package eu.interlink.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerEntry;
import eu.interlink.kernel.service.InterlinkerQuery;
import eu.interlink.kernel.service.InterlinkerStatus;
import eu.interlink.kernel.service.Page;

public class CatalogueTest {

    @Test
    public void readsEveryPageOfTheMaximumSize() {
        Fakes.Registry registry = new Fakes.Registry();
        for (int i = 0; i < 250; i++) registry.entries.add(Fakes.active(String.format("i%03d", i), "1.0.0", i));
        List<InterlinkerEntry> all = Catalogue.all(registry, Optional.empty());
        assertEquals(250, all.size());
        assertEquals("i000", all.get(0).id());
        assertEquals("i249", all.get(249).id());
        assertEquals(List.of(0, 100, 200), registry.queries.stream().map(InterlinkerQuery::offset).toList());
        assertTrue(registry.queries.stream().allMatch(q -> q.limit() == InterlinkerQuery.MAX_LIMIT && q.language().equals("en")
                && q.text().isEmpty()));
    }

    @Test
    public void emptyCatalogueIsOneSearch() {
        Fakes.Registry registry = new Fakes.Registry();
        assertEquals(List.of(), Catalogue.all(registry, Optional.empty()));
        assertEquals(1, registry.queries.size());
    }

    @Test
    public void natureIsPassedToTheSearch() {
        Fakes.Registry registry = new Fakes.Registry();
        registry.entries.add(Fakes.ofNature("guide", Nature.KNOWLEDGE));
        registry.entries.add(Fakes.ofNature("tool", Nature.SOFTWARE));
        List<InterlinkerEntry> all = Catalogue.all(registry, Optional.of(Nature.KNOWLEDGE));
        assertEquals(List.of("guide"), all.stream().map(InterlinkerEntry::id).toList());
        assertEquals(Optional.of(Nature.KNOWLEDGE), registry.queries.get(0).nature());
    }

    @Test
    public void stopsOnAnEmptyPageEvenIfTheTotalSaysMore() {
        int[] calls = { 0 };
        Fakes.Registry registry = new Fakes.Registry() {
            @Override
            public Page<InterlinkerEntry> search(InterlinkerQuery q) {
                calls[0]++;
                return q.offset() == 0 ? new Page<>(List.of(Fakes.active("aa", "1.0.0", 1)), 5, 0, q.limit())
                        : new Page<>(List.of(), 5, q.offset(), q.limit());
            }
        };
        List<InterlinkerEntry> all = Catalogue.all(registry, Optional.empty());
        assertEquals(1, all.size());
        assertEquals(2, calls[0]);
    }

    @Test
    public void statusFilterKeepsOnlyThatStatus() {
        List<InterlinkerEntry> entries = List.of(Fakes.active("aa", "1.0.0", 1), Fakes.rejected("bb", "1.0.0", 2, "bad"), Fakes.active("cc", "1.0.0", 3));
        assertEquals(List.of("bb"), ListCommand.select(entries, Optional.of(InterlinkerStatus.REJECTED)).stream().map(InterlinkerEntry::id).toList());
        assertEquals(entries, ListCommand.select(entries, Optional.empty()));
    }

    @Test
    public void completerOffersEachIdOnce() {
        Fakes.Registry registry = new Fakes.Registry();
        registry.entries.add(Fakes.active("survey", "1.0.0", 1));
        registry.entries.add(Fakes.active("checklist", "1.0.0", 2));
        registry.entries.add(Fakes.rejected("checklist", "2.0.0", 3, "bad"));
        registry.entries.add(Fakes.rejected("", "2.0.0", 4, "no id"));
        assertEquals(List.of("checklist", "survey"), List.copyOf(InterlinkerIdCompleter.ids(registry)));
    }
}
