package eu.interlink.contributions.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.Test;

import eu.interlink.contributions.Certificate;
import eu.interlink.contributions.Claim;
import eu.interlink.contributions.ContributionKind;
import eu.interlink.contributions.Standing;

public class RankingTest {
    // Ranks and the certificate's renderings, without a platform.


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
        assertEquals("&lt;b&gt; &amp; &quot;x&quot;", CertificateComponent.esc("<b> & \"x\""));
    }

    @Test
    public void certificatePagesAreInTheLanguageAskedAndEscaped() throws Exception {
        java.time.Instant now = java.time.Instant.parse("2026-11-20T10:00:00Z");
        Claim claim = new Claim("c1", "p1", "a1", "t1", ContributionKind.DEVELOPMENT, 42, "ana", "Wrote the survey <b>", Optional.empty(),
                Claim.Status.APPROVED, Optional.of("ben"), Optional.empty(), now, Optional.of(now));
        Map<ContributionKind, Integer> points = ContributionComponent.zero();
        points.put(ContributionKind.DEVELOPMENT, 42);
        Certificate c = new Certificate("ana", "p1", "Rīgas parks", Optional.empty(), Optional.empty(),
                List.of(new Certificate.Item(claim, Map.of("en", "Map the park"))), points, 42, Optional.of(LocalDate.of(2026, 11, 20)),
                Optional.of(LocalDate.of(2026, 11, 20)), now);
        CertificateComponent renderer = new CertificateComponent();
        String html = renderer.html(c, "lv");
        assertTrue(html, html.contains("<html lang=\"lv\">") && html.contains("Ieguldījuma apliecinājums") && html.contains("id=\"total\">42<"));
        assertTrue(html, html.contains("Wrote the survey &lt;b&gt;") && html.contains("@media print"));
    }
}
