package eu.interlink.coproduction.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import eu.interlink.coproduction.FieldException;
import eu.interlink.coproduction.ItemStatus;
import eu.interlink.coproduction.KpiService;
import eu.interlink.store.Store;
import eu.interlink.store.Sql;

/** Counts by SQL aggregates; periods are bucketed here, as H2 and PostgreSQL truncate dates differently. */
@Component(service = KpiService.class)
public class KpiComponent implements KpiService {
    static final int MAX_PERIODS = 400;

    @Reference
    private Store store;

    @Override
    public Map<ItemStatus, Integer> processesByStatus() {
        Map<ItemStatus, Integer> out = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) out.put(s, 0);
        store.inTransaction(c -> {
            for (Object[] row : Sql.query(c, "SELECT status, COUNT(*) FROM coproduction_process GROUP BY status", rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
                ItemStatus.of((String) row[0]).ifPresent(s -> out.put(s, (Integer) row[1]));
            }
            return null;
        });
        return out;
    }

    @Override
    public Map<String, Integer> assetsByInterlinker() {
        Map<String, Integer> out = new LinkedHashMap<>();
        store.inTransaction(c -> {
            for (Object[] row : Sql.query(c, "SELECT COALESCE(interlinker_id, ''), COUNT(*) AS n FROM asset GROUP BY COALESCE(interlinker_id, '')"
                    + " ORDER BY n DESC, 1", rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
                out.put((String) row[0], (Integer) row[1]);
            }
            return null;
        });
        return out;
    }

    @Override
    public List<ActiveUsers> activeUsers(LocalDate from, LocalDate to, Period period) {
        if (to.isBefore(from)) throw new FieldException("to", "'to' must not be before 'from'");
        LocalDate first = start(from, period);
        long periods = switch (period) {
            case DAY -> ChronoUnit.DAYS.between(first, to) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(first, start(to, period)) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(first, start(to, period)) + 1;
        };
        if (periods > MAX_PERIODS) throw new FieldException("from", "At most " + MAX_PERIODS + " periods; choose a longer period or a shorter range");
        Map<LocalDate, Set<String>> seen = new HashMap<>();
        store.inTransaction(c -> {
            // One row per actor and day, so the rows stay few however busy the platform is.
            String day = "CAST(occurred_at AS DATE)";
            for (Object[] row : Sql.query(c, "SELECT DISTINCT actor, " + day + " FROM activity_log WHERE actor IS NOT NULL AND actor <> 'anonymous'"
                    + " AND occurred_at >= ? AND occurred_at < ?", rs -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)},
                    first.atStartOfDay().toInstant(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
                seen.computeIfAbsent(start((LocalDate) row[1], period), k -> new HashSet<>()).add((String) row[0]);
            }
            return null;
        });
        List<ActiveUsers> out = new ArrayList<>();
        for (LocalDate at = first; !at.isAfter(to); at = next(at, period)) out.add(new ActiveUsers(at, seen.getOrDefault(at, Set.of()).size()));
        return out;
    }

    static LocalDate start(LocalDate d, Period period) {
        return switch (period) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate d, Period period) {
        return switch (period) {
            case DAY -> d.plusDays(1);
            case WEEK -> d.plusWeeks(1);
            case MONTH -> d.plusMonths(1);
        };
    }
}
