package eu.interlink.contributions;

import java.util.Map;

/**
 * One user's line of a process's leaderboard.
 *
 * @param rank   1 for the most points; users with equal totals share a rank (1, 1, 3…)
 * @param points approved points per kind (every kind present, 0 when none)
 */
public record Standing(int rank, String user, Map<ContributionKind, Integer> points, int total) {

    public Standing {
        points = Map.copyOf(points);
    }
}
