package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My data" as a readable page to keep and print, and the static privacy page leading to every form's notice. */
class MyDataPrintTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReadableDownloadNamesEveryFieldInTheReadersLanguage() throws Exception {
        long course = TestCourses.published(jdbc, "groepelingen", 5, "Druck-Kurs", 14);
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, email, ui_language, manage_token_hash, stadtteil, age_band,
                    confirmed_at)
                values (?, 'CONFIRMED', 'Ayşe Druck', 'ayse.druck@example.org', 'ar', ?, 'Walle', 'FROM_30_TO_44', now())""")
                .params(course, SecretTokens.hash(token)).update();

        String page = mvc.perform(get("/privacy/my-data/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/privacy/my-data/" + token + "/data.html", "/privacy/my-data/" + token + "/data.json");

        var arabic = mvc.perform(get("/privacy/my-data/" + token + "/data.html").locale(Locale.forLanguageTag("ar")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(arabic.getHeader("Content-Disposition")).contains("attachment", "my-data.html");
        assertThat(arabic.getContentAsString()).contains("lang=\"ar\"", "dir=\"rtl\"", "Ayşe Druck", "ayse.druck@example.org",
                "Druck-Kurs", "@media print").doesNotContain("??");
        String german = mvc.perform(get("/privacy/my-data/" + token + "/data.html").locale(Locale.GERMAN))
                .andReturn().getResponse().getContentAsString();
        assertThat(german).contains("Was wir über Sie speichern", "E-Mail-Adresse", "30 bis 44 Jahre", "Stand: ")
                .containsPattern("Stand: \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}");
        // Leichte Sprache is German to the browser and writes the month as a word and the time with "Uhr".
        String easy = mvc.perform(get("/privacy/my-data/" + token + "/data.html").param("lang", "ls"))
                .andReturn().getResponse().getContentAsString();
        assertThat(easy).contains("lang=\"de\"", "Das speichern wir über Sie")
                .containsPattern("Diese Seite ist vom \\d{1,2}\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September"
                        + "|Oktober|November|Dezember) \\d{4}, \\d{1,2}:\\d{2} Uhr\\.");
        mvc.perform(get("/privacy/my-data/" + SecretTokens.newToken() + "/data.html")).andExpect(status().isNotFound());
    }

    @Test
    void thePrivacyPageLinksTheNoticeOfEveryPublicForm() throws Exception {
        String page = mvc.perform(get("/privacy").locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String form : PrivacyController.FORMS) {
            assertThat(page).contains("href=\"/privacy/notice/" + form + "\"");
        }
        assertThat(page).contains("Privacy notice for the self-check");
    }
}
