package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** "What we store about you" behind a private link, the privacy notices, and who may reach the staff pages. */
class MyDataPagesTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private String registration(String name, String email) {
        long course = TestCourses.published(jdbc, "groepelingen", 5, "Meine-Daten-Kurs", 12);
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, email, ui_language, manage_token_hash, stadtteil, age_band,
                    confirmed_at)
                values (?, 'CONFIRMED', ?, ?, 'de', ?, 'Walle', 'FROM_30_TO_44', now())""")
                .params(course, name, email, SecretTokens.hash(token)).update();
        jdbc.sql("update course set confirmed_count = confirmed_count + 1 where id = ?").param(course).update();
        return token;
    }

    @Test
    void theCitizenSeesDownloadsAndDeletesTheirDataAndLearnsWhatStays() throws Exception {
        String token = registration("Mira Daten", "mira@example.org");
        String page = mvc.perform(get("/privacy/my-data/" + token).locale(Locale.GERMAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Was wir über Sie speichern", "Mira Daten", "mira@example.org", "Walle", "Meine-Daten-Kurs",
                "Art. 6 Abs. 1 lit. a DSGVO", "90 Tage nach dem letzten Kurstermin", "Ihr Platz im Kurs bleibt ohne Namen",
                "30 bis 44 Jahre").doesNotContain("FROM_30_TO_44");

        var download = mvc.perform(get("/privacy/my-data/" + token + "/data.json").locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(download.getHeader("Content-Disposition")).contains("attachment");
        JsonNode data = json.readTree(download.getContentAsString());
        assertThat(data.get("records").get(0).get("fields").get("email").asString()).isEqualTo("mira@example.org");
        assertThat(data.get("records").get(0).get("kind").asString()).isEqualTo("Course registration");

        assertThat(mvc.perform(get("/privacy/my-data/" + token + "/delete").locale(Locale.GERMAN))
                .andReturn().getResponse().getContentAsString()).contains("Ja, jetzt löschen");
        assertThat(jdbc.sql("select name from course_registration where manage_token_hash = ?").param(SecretTokens.hash(token))
                .query(String.class).single()).as("asking deletes nothing").isEqualTo("Mira Daten");
        mvc.perform(post("/privacy/my-data/" + token + "/delete")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name, email, phone from course_registration where manage_token_hash = ?")
                .param(SecretTokens.hash(token)).query().singleRow()).allSatisfy((k, v) -> assertThat(v).isNull());
        assertThat(mvc.perform(get("/privacy/my-data/" + token).locale(Locale.GERMAN)).andReturn().getResponse()
                .getContentAsString()).contains("Ihre Daten sind gelöscht").doesNotContain("Mira Daten");
        assertThat(mvc.perform(get("/courses/registrations/" + token).locale(Locale.GERMAN)).andReturn().getResponse()
                .getContentAsString()).contains("/privacy/my-data/" + token);
    }

    @Test
    void anUnknownLinkFindsNothing() throws Exception {
        mvc.perform(get("/privacy/my-data/" + SecretTokens.newToken())).andExpect(status().isNotFound());
        mvc.perform(get("/privacy/my-data/" + SecretTokens.newToken() + "/data.json")).andExpect(status().isNotFound());
        mvc.perform(post("/privacy/my-data/" + SecretTokens.newToken() + "/delete")).andExpect(status().isNotFound());
        mvc.perform(get("/privacy/notice/nothing")).andExpect(status().isNotFound());
    }

    @Test
    void theNoticesComeFromTheDeclarationsInEveryLanguageAndTheFormsLinkThem() throws Exception {
        for (String lang : new String[] {"de", "en", "tr", "ar", "ru", "uk", "pl"}) {
            for (String form : new String[] {"booking", "course-registration"}) {
                String notice = mvc.perform(get("/privacy/notice/" + form + "?lang=" + lang)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(notice).as(lang + " " + form).contains("BremDSGVOAG").doesNotContain("??");
            }
        }
        assertThat(mvc.perform(get("/privacy/notice/booking?lang=de")).andReturn().getResponse().getContentAsString())
                .contains("Terminbuchung", "30 Tage nach dem Termin", "Mailserver", "Videodienst");
        long course = TestCourses.published(jdbc, "groepelingen", 5, "Hinweis-Kurs", 12);
        // without consent, the check step shows the consent page again, with the notice beside the consent
        assertThat(mvc.perform(post("/courses/" + course + "/register/check").with(csrf()).session(new MockHttpSession())
                        .header("Accept-Language", "de").param("name", "Nora").param("email", "nora@example.org")
                        .param("ageBand", "NOT_STATED").param("gender", "NOT_STATED").param("stadtteil", "NOT_STATED"))
                .andReturn().getResponse().getContentAsString())
                .contains("id=\"consent\"", "/privacy/notice/course-registration");
    }

    @Test
    void onlyCoordinatorsAndAdminsReachThePersonSearch() throws Exception {
        mvc.perform(get("/admin/privacy")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/privacy").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/privacy").session(Logins.as(mvc, "funder"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/privacy").session(Logins.as(mvc, "coordinator"))).andExpect(status().isOk());
        mvc.perform(get("/admin/privacy").session(Logins.as(mvc, "admin"))).andExpect(status().isOk());
    }
}
