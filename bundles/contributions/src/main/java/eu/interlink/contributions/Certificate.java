package eu.interlink.contributions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user contributed to one process, as approved by its administrators: the content of a contribution
 * certificate.
 *
 * @param items   the approved claims, oldest decision first, each with its task's name
 * @param points  approved points per kind (every kind present)
 * @param from    the day of the first approved contribution's claim, if any
 * @param to      the day of the last approval, if any
 */
public record Certificate(String user, String processId, String processName, Optional<LocalDate> processStart,
        Optional<LocalDate> processEnd, List<Item> items, Map<ContributionKind, Integer> points, int total, Optional<LocalDate> from,
        Optional<LocalDate> to, Instant issuedAt) {

    public Certificate {
        items = List.copyOf(items);
        points = Map.copyOf(points);
    }

    /** One approved contribution; {@code taskName} per language code (en always present when the task had a name). */
    public record Item(Claim claim, Map<String, String> taskName) {
        public Item {
            taskName = Map.copyOf(taskName);
        }
    }
}
