package eu.interlink.contributions.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import eu.interlink.contributions.ContributionKind;
import eu.interlink.contributions.Standing;

/** Orders users by total points; equal totals share a rank ("1, 1, 3") and are listed by name, so the order never changes between calls. */
final class Ranking {
    private Ranking() {
    }

    static List<Standing> rank(Map<String, Map<ContributionKind, Integer>> pointsByUser) {
        List<Standing> unranked = new ArrayList<>();
        for (Map.Entry<String, Map<ContributionKind, Integer>> e : pointsByUser.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            unranked.add(new Standing(0, e.getKey(), e.getValue(), total));
        }
        unranked.sort(Comparator.comparingInt(Standing::total).reversed().thenComparing(Standing::user));
        List<Standing> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Standing s = unranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).total() == s.total() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Standing(rank, s.user(), s.points(), s.total()));
        }
        return ranked;
    }
}
