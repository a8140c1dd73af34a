package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A course's participant checks themselves before and after the course, on its competences only, and sees the change. */
class CourseSelfCheckTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Long course;

    @AfterEach
    void removeTestCourse() {
        if (course != null) {
            jdbc.sql("delete from skills_check where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void beforeTheFirstAndAfterTheLastSessionThePersonSeesTheirOwnChange() throws Exception {
        course = TestCourses.published(jdbc, "vegesack", 10, "Sicher mit Passwörtern", 5);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '4.2'), (?, '4.1')").params(course, course).update();
        String manage = register(course, "uk");

        assertThat(page("/courses/registrations/" + manage)).contains("href=\"/skills/course/" + manage + "\"",
                "Самоперевірка до цього курсу");

        String overview = page("/skills/course/" + manage + "?lang=de");
        assertThat(overview).contains("Selbstcheck zu Ihrem Kurs", "Sicher mit Passwörtern", "Check vor dem Kurs starten",
                "Ab dem letzten Termin").doesNotContain("Check nach dem Kurs starten");

        String before = startCheck(manage);
        assertThat(page("/skills/check/" + before + "/1?lang=de")).contains("Frage 1 von 6", "Geräte schützen");
        answerAll(before, 6, "1");
        assertThat(page("/skills/course/" + manage + "?lang=de")).contains("Erledigt.", "/skills/check/" + before + "/result")
                .doesNotContain("Check vor dem Kurs starten");

        // The last session has started: now the second check opens.
        jdbc.sql("update course_session set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' where course_id = ?")
                .param(course).update();
        assertThat(page("/skills/course/" + manage + "?lang=de")).contains("Check nach dem Kurs starten");
        String after = startCheck(manage);
        assertThat(after).isNotEqualTo(before);
        answerAll(after, 6, "3");

        String result = page("/skills/check/" + after + "/result?lang=de");
        assertThat(result).contains("Ihre Veränderung", "Vor dem Kurs", "Nach dem Kurs", "Grundlagen", "Sicher, fortgeschritten",
                "(gestiegen)", "Personenbezogene Daten und Privatsphäre schützen");
        assertThat(page("/skills/course/" + manage + "?lang=de")).contains("Ihre Veränderung", "Sicher, fortgeschritten");

        // Only pseudonymous keys are stored: neither link's token nor the registration's hash.
        assertThat(jdbc.sql("select count(*) from skills_check where pair_key = ? or resume_token_hash = ?")
                .params(SecretTokens.hash(manage), SecretTokens.hash(manage)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from skills_check where course_id = ? and completed_at is not null").param(course)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void startingTwiceKeepsOneCheckPerPhaseAndAnUnknownManageLinkSaysSo() throws Exception {
        course = TestCourses.published(jdbc, "vegesack", 10, "Zweimal gedrückt", 5);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '1.1')").param(course).update();
        String manage = register(course, "de");
        String first = startCheck(manage);
        String second = startCheck(manage);
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from skills_check where course_id = ?").param(course).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/skills/course/unbekannt")).andExpect(status().isNotFound());
        mvc.perform(post("/skills/course/unbekannt/start")).andExpect(status().isNotFound());
    }

    @Test
    void aCancelledRegistrationCannotStartACheck() throws Exception {
        course = TestCourses.published(jdbc, "vegesack", 10, "Abgesagt", 5);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '1.1')").param(course).update();
        String manage = register(course, "de");
        jdbc.sql("update course_registration set status = 'CANCELLED', cancelled_at = now() where course_id = ?").param(course).update();
        assertThat(page("/skills/course/" + manage)).doesNotContain("Check vor dem Kurs starten");
        mvc.perform(post("/skills/course/" + manage + "/start")).andExpect(status().isNotFound());
    }

    private String register(long courseId, String language) {
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at)
                values (?, 'CONFIRMED', 'Testperson', ?, ?, now())""")
                .params(courseId, language, SecretTokens.hash(token)).update();
        return token;
    }

    private String startCheck(String manage) throws Exception {
        String location = mvc.perform(post("/skills/course/" + manage + "/start"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/skills/check/");
        return location.substring("/skills/check/".length());
    }

    private void answerAll(String token, int count, String answer) throws Exception {
        for (int n = 1; n <= count; n++) {
            mvc.perform(post("/skills/check/" + token + "/" + n).param("answer", answer)).andExpect(status().is3xxRedirection());
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
