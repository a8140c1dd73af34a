package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.impactlab.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lab's own texts carry their language: in Leichte Sprache the lab pages show the lab's Leichte Sprache text without
 * the "still in standard German" note, and show the note (with the German text, marked German) only when the lab has
 * no Leichte Sprache text.
 */
class LabTextLanguageTest extends AbstractIntegrationTest {

    private static final String NOTE = "class=\"notice ls-note\"";
    private static final String EASY_DESCRIPTION = "Unser Lab ist in Gröpelingen.";
    private static final String GERMAN_DESCRIPTION = "Unser Lab im Herzen von Gröpelingen.";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNoteShowsOnlyWhenTheLabTextFallsBackToGerman() throws Exception {
        for (String page : new String[] {"/labs/groepelingen", "/labs"}) {
            assertThat(easy(page)).as(page).contains(EASY_DESCRIPTION).doesNotContain(GERMAN_DESCRIPTION, NOTE);
        }
        String saved = jdbc.sql("select description from lab_text where language = 'ls' and lab_id = "
                + "(select id from lab where slug = 'groepelingen')").query(String.class).single();
        try {
            jdbc.sql("update lab_text set description = '' where language = 'ls' and lab_id = "
                    + "(select id from lab where slug = 'groepelingen')").update();
            for (String page : new String[] {"/labs/groepelingen", "/labs"}) {
                String html = easy(page);
                assertThat(html).as(page).contains(NOTE).doesNotContain(EASY_DESCRIPTION)
                        .containsPattern("<p[^>]* lang=\"de\" dir=\"ltr\"[^>]*>" + GERMAN_DESCRIPTION);
            }
            // The directions still exist in Leichte Sprache and are shown as such.
            assertThat(easy("/labs/groepelingen")).contains("Steigen Sie an der Halte·stelle Gröpelingen aus.");
        } finally {
            jdbc.sql("update lab_text set description = ? where language = 'ls' and lab_id = "
                    + "(select id from lab where slug = 'groepelingen')").param(saved).update();
        }
        assertThat(easy("/labs/groepelingen")).doesNotContain(NOTE);
    }

    @Test
    void theLabsPhoneNumberIsGroupedInLeichteSprache() throws Exception {
        assertThat(easy("/labs/groepelingen")).contains(">0421\u00a0000\u00a000\u00a001</a>");
        assertThat(mvc.perform(get("/labs/groepelingen").param("lang", "de")).andReturn().getResponse()
                .getContentAsString()).contains(">0421\u00a0000\u00a00001</a>");
    }

    @Test
    void otherLanguagesMarkTheirOwnLabTexts() throws Exception {
        String english = mvc.perform(get("/labs/groepelingen").param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).containsPattern("<p[^>]* lang=\"en\" dir=\"ltr\"[^>]*>Our lab in the heart of Gröpelingen.");
        String arabic = mvc.perform(get("/labs/groepelingen").param("lang", "ar")).andReturn().getResponse()
                .getContentAsString();
        assertThat(arabic).containsPattern("<p[^>]* lang=\"ar\" dir=\"rtl\"[^>]*>مختبرنا");
    }

    private String easy(String page) throws Exception {
        return mvc.perform(get(page).param("lang", "ls")).andReturn().getResponse().getContentAsString();
    }
}
