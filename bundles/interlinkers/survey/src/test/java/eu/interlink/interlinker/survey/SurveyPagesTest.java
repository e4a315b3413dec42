package eu.interlink.interlinker.survey;

import static eu.interlink.interlinker.survey.SurveyTest.json;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import eu.interlink.api.Capability;
import eu.interlink.api.InterlinkerDescriptor;

public class SurveyPagesTest {
    private static final String EVIL = "<script>alert('x')</script>";
    private final SurveyPages.Urls urls = SurveyPages.Urls.of("/interlinkers/survey/assets/a1");

    private Survey evil() {
        Survey s = Survey.create(json(Map.of("title", EVIL, "description", "\"quoted\" & <b>", "questions", List.of(
                Map.of("kind", "single", "text", EVIL, "options", List.of(EVIL, "</script>")),
                Map.of("kind", "scale", "text", "S", "minLabel", EVIL)))), true);
        s.publish(Instant.now());
        return s;
    }

    @Test
    public void escapesEveryUserText() {
        String page = SurveyPages.answerPage(evil(), "<ana>", urls, PageTexts.EN);
        assertFalse(page, page.contains(EVIL));
        assertFalse(page, page.contains("<ana>"));
        assertTrue(page, page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(page, page.contains("&quot;quoted&quot; &amp; &lt;b&gt;"));
        String builder = SurveyPages.builderPage(evil(), 3, urls, PageTexts.EN);
        assertFalse(builder, builder.contains(EVIL));
        assertEquals("only the page's own two scripts close", 2, builder.split("</script>", -1).length - 1);
        String preview = SurveyPages.preview(evil(), 7, PageTexts.EN);
        assertFalse(preview, preview.contains(EVIL) || preview.contains("<script"));
        assertTrue(preview, preview.contains("Answers: 7"));
    }

    @Test
    public void saysWhyItTakesNoAnswers() {
        Survey draft = Survey.create(json(Map.of("title", "T", "questions", List.of(Map.of("kind", "text", "text", "?")))), true);
        assertTrue(SurveyPages.answerPage(draft, null, urls, PageTexts.EN).contains("not open for answers yet"));
        Survey signedOnly = Survey.create(json(Map.of("title", "T", "anonymous", false, "questions",
                List.of(Map.of("kind", "text", "text", "?")))), true);
        signedOnly.publish(Instant.now());
        assertTrue(SurveyPages.answerPage(signedOnly, null, urls, PageTexts.EN).contains("signed answers only"));
        assertTrue(SurveyPages.answerPage(signedOnly, "ana", urls, PageTexts.EN).contains("id=\"answers\""));
        signedOnly.close(Instant.now());
        assertTrue(SurveyPages.answerPage(signedOnly, "ana", urls, PageTexts.of("it")).contains("Questo sondaggio è chiuso"));
    }

    @Test
    public void negotiatesTheLanguage() {
        assertEquals("lv", PageTexts.negotiate("lv-LV", null).language);
        assertEquals("es", PageTexts.negotiate("xx", Collections.enumeration(List.of(Locale.GERMAN, new Locale("es")))).language);
        assertEquals("en", PageTexts.negotiate(null, Collections.enumeration(List.of(Locale.GERMAN))).language);
        for (String language : PageTexts.LANGUAGES) {
            PageTexts.of(language).all().forEach((key, text) -> assertFalse(language + " " + key, text.isBlank()));
        }
    }

    @Test
    public void describesItself() {
        InterlinkerDescriptor d = new SurveyInterlinker("1.2.3").descriptor();
        assertEquals("survey", d.id());
        assertEquals("1.2.3", d.version());
        assertEquals(EnumSet.allOf(Capability.class), d.capabilities());
        assertEquals(Set.of("en", "es", "it", "lv"), d.languages());
        assertEquals("/interlinkers/survey/assets/{assetId}", d.assetPage().orElseThrow());
    }
}
