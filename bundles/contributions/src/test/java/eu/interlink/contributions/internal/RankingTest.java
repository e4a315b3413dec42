package eu.interlink.contributions.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;

import eu.interlink.contributions.ContributionKind;
import eu.interlink.contributions.Standing;

public class RankingTest {

    private static Map<ContributionKind, Integer> points(int management, int development) {
        Map<ContributionKind, Integer> p = ContributionComponent.zero();
        p.put(ContributionKind.MANAGEMENT, management);
        p.put(ContributionKind.DEVELOPMENT, development);
        return p;
    }

    @Test
    public void equalTotalsShareARankAndAreListedByName() {
        Map<String, Map<ContributionKind, Integer>> byUser = new TreeMap<>();
        byUser.put("zoe", points(5, 5));
        byUser.put("amy", points(0, 10));
        byUser.put("bob", points(20, 0));
        byUser.put("cy", points(1, 0));
        List<Standing> ranked = Ranking.rank(byUser);
        assertEquals(List.of("bob", "amy", "zoe", "cy"), ranked.stream().map(Standing::user).toList());
        assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(Standing::rank).toList());
        assertEquals(10, ranked.get(2).total());
        assertEquals(Integer.valueOf(0), ranked.get(0).points().get(ContributionKind.EXPLOITATION));
    }

    @Test
    public void certificatePagesEscapeWhatUsersWrote() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", HtmlCertificates.esc("<b> & \"x\""));
    }
}
