package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

/** The anonymous self-check as a citizen walks it: one question per page, pause and resume, result and learning path. */
class SelfCheckTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SelfCheckRetentionJob retention;

    private Long course;

    @AfterEach
    void removeTestCourse() {
        if (course != null) {
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void theStartPageOffersTheShortAndTheFullCheckInUkrainianWithTheFrameworkCredit() throws Exception {
        String page = page("/skills?lang=uk");
        assertThat(page).contains("<html lang=\"uk\"", "Коротка перевірка", "Запитань: 21", "Запитань: 63", "DigComp 2.2",
                "CC BY 4.0", "name=\"mode\" value=\"SHORT\"", "name=\"mode\" value=\"FULL\"");
    }

    @Test
    void theShortCheckInUkrainianEndsInAResultWithLevelsInWordsAndALearningPathIntoAFittingCourse() throws Exception {
        course = TestCourses.published(jdbc, "groepelingen", 10, "Geräte grün nutzen", 3);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '4.4')").param(course).update();
        String token = start("SHORT", "uk");

        String first = page("/skills/check/" + token + "/1");
        assertThat(first).contains("<html lang=\"uk\"", "Запитання 1 з 21",
                "Я вмію цілеспрямовано шукати інформацію", "З допомогою", "Самостійно", "type=\"radio\" name=\"answer\" id=\"answer\"");

        // Every competence answered "confidently" except 4.4 ("I don't know how").
        for (int n = 1; n <= 21; n++) {
            String answer = n == 17 ? "0" : "3";
            MvcResult r = mvc.perform(post("/skills/check/" + token + "/" + n).param("answer", answer))
                    .andExpect(status().is3xxRedirection()).andReturn();
            assertThat(r.getResponse().getRedirectedUrl())
                    .isEqualTo(n < 21 ? "/skills/check/" + token + "/" + (n + 1) : "/skills/check/" + token + "/result");
        }
        String result = page("/skills/check/" + token + "/result");
        assertThat(result).contains("<html lang=\"uk\"", "Ваш результат", "Впевнено, просунутий рівень", "Ваш шлях навчання",
                "Geräte grün nutzen", "href=\"/courses/" + course + "\"",
                "<table", "<svg");
        assertThat(jdbc.sql("select count(*) from skills_check where completed_at is not null and resume_token_hash = encode(sha256(?::bytea), 'hex')")
                .param(token).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMissingOrWrongAnswerIsAClearErrorInTheLanguageOfTheCheckAndEarlierAnswersStay() throws Exception {
        String token = start("SHORT", "ar");
        mvc.perform(post("/skills/check/" + token + "/1").param("answer", "2")).andExpect(status().is3xxRedirection());

        String missing = mvc.perform(post("/skills/check/" + token + "/2"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("<html lang=\"ar\" dir=\"rtl\"", "يرجى اختيار إحدى الإجابات الأربع", "role=\"alert\"",
                "aria-invalid=\"true\"");
        mvc.perform(post("/skills/check/" + token + "/2").param("answer", "7")).andExpect(status().isBadRequest());
        mvc.perform(post("/skills/check/" + token + "/2").param("answer", "<script>")).andExpect(status().isBadRequest());

        // Going back shows the earlier answer chosen.
        assertThat(page("/skills/check/" + token + "/1")).containsPattern("value=\"2\"\\s+checked");
    }

    @Test
    void pausingGivesAPrivateLinkThatResumesAtTheFirstOpenQuestionAndOnlyItsHashIsStored() throws Exception {
        String token = start("FULL", "de");
        for (int n = 1; n <= 5; n++) {
            mvc.perform(post("/skills/check/" + token + "/" + n).param("answer", "1")).andExpect(status().is3xxRedirection());
        }
        assertThat(page("/skills/check/" + token + "/6")).contains("Frage 6 von 63");
        String pause = page("/skills/check/" + token + "/pause");
        assertThat(pause).contains("Später weitermachen", "5 von 63", "/skills/check/" + token + "</code>");
        assertThat(mvc.perform(get("/skills/check/" + token)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/skills/check/" + token + "/6");
        assertThat(jdbc.sql("select count(*) from skills_check where resume_token_hash = ?").param(token)
                .query(Long.class).single()).as("the token itself is never stored").isZero();
        // The result waits until every question has an answer.
        assertThat(mvc.perform(get("/skills/check/" + token + "/result")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/skills/check/" + token + "/6");
    }

    @Test
    void anUnknownLinkSaysSoAndOffersANewStart() throws Exception {
        String page = mvc.perform(get("/skills/check/nichtda/1").header("Accept-Language", "tr"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Bu bağlantıyı tanımıyoruz", "href=\"/skills\"");
        mvc.perform(get("/skills/check/nichtda/result")).andExpect(status().isNotFound());
        String token = start("SHORT", "de");
        mvc.perform(get("/skills/check/" + token + "/22")).andExpect(status().isNotFound());
        mvc.perform(post("/skills/check/" + token + "/0").param("answer", "1")).andExpect(status().isNotFound());
    }

    @Test
    void unfinishedChecksAreDeletedAfter30DaysAndFinishedOnesStay() throws Exception {
        String unfinished = start("SHORT", "de");
        mvc.perform(post("/skills/check/" + unfinished + "/1").param("answer", "1")).andExpect(status().is3xxRedirection());
        String finished = start("SHORT", "de");
        for (int n = 1; n <= 21; n++) {
            mvc.perform(post("/skills/check/" + finished + "/" + n).param("answer", "2")).andExpect(status().is3xxRedirection());
        }
        assertThat(retention.unfinishedRetention()).isEqualTo(Duration.ofDays(30));

        assertThat(retention.deleteDue(Instant.now().plus(Duration.ofDays(29)))).as("not yet").isGreaterThanOrEqualTo(0);
        assertThat(exists(unfinished)).isTrue();

        assertThat(retention.deleteDue(Instant.now().plus(Duration.ofDays(31)))).isPositive();
        assertThat(exists(unfinished)).isFalse();
        assertThat(jdbc.sql("select count(*) from skills_answer a where not exists (select 1 from skills_check c where c.id = a.check_id)")
                .query(Long.class).single()).isZero();
        assertThat(exists(finished)).isTrue();
        assertThat(page("/skills/check/" + finished + "/result")).contains("Ihr Ergebnis", "Selbstständig");
        mvc.perform(get("/skills/check/" + unfinished + "/1")).andExpect(status().isNotFound());
    }

    private boolean exists(String token) {
        return jdbc.sql("select count(*) from skills_check where resume_token_hash = encode(sha256(?::bytea), 'hex')")
                .param(token).query(Long.class).single() == 1;
    }

    private String start(String mode, String lang) throws Exception {
        String location = mvc.perform(post("/skills/start").param("mode", mode).param("lang", lang)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/skills/check/[A-Za-z0-9_-]{43}/1");
        return location.substring("/skills/check/".length(), location.length() - 2);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
