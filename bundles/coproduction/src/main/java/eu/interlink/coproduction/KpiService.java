package eu.interlink.coproduction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Key figures of the platform for its operators: counts only, never names or texts, private processes included.
 */
@ProviderType
public interface KpiService {

    /** How many processes are awaiting, in progress and finished (every status present, zero included). */
    Map<ItemStatus, Integer> processesByStatus();

    /** How many assets each Interlinker made, was copied from or linked from, most first; links of none under "". */
    Map<String, Integer> assetsByInterlinker();

    enum Period {
        DAY, WEEK, MONTH
    }

    /** One period: its first day and how many accounts changed something in it. */
    record ActiveUsers(LocalDate start, int users) {
    }

    /**
     * Distinct signed-in accounts that changed something (the activity log's actors), per period from {@code from} to
     * {@code to} inclusive, oldest first, every period present; weeks start on Monday. At most 400 periods.
     */
    List<ActiveUsers> activeUsers(LocalDate from, LocalDate to, Period period);
}
