package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.SecretTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Funders see anonymous self-check figures with small numbers hidden; citizens and helpers do not see the page. */
class SkillsFiguresTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SelfCheckStore store;

    private Long course;

    @AfterEach
    void cleanUp() {
        if (course != null) {
            jdbc.sql("delete from skills_check where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void smallCountsAreHiddenAndTheirNeighbourToo() {
        assertThat(SkillsFigures.suppress(new long[] {0, 3, 12, 7})).extracting(SkillsFigures.Count::value)
                .containsExactly(0L, null, 12L, null);
        assertThat(SkillsFigures.suppress(new long[] {2, 3, 12, 7})).extracting(SkillsFigures.Count::value)
                .containsExactly(null, null, 12L, 7L);
        assertThat(SkillsFigures.suppress(new long[] {5, 0, 6, 9})).extracting(SkillsFigures.Count::value)
                .containsExactly(5L, 0L, 6L, 9L);
    }

    @Test
    void theBeforeAfterChangeOfACourseShowsFromFivePeopleOn() throws Exception {
        course = TestCourses.published(jdbc, "groepelingen", 20, "Zahlen für Geldgeber", 5);
        for (int person = 0; person < 6; person++) {
            pair(person, 0, 2);
        }
        String page = mvc.perform(get("/impact/skills").header("Accept-Language", "de").with(user("funder").roles("FUNDER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Digitale Kompetenzen", "Zahlen für Geldgeber", "Personenbezogene Daten und Privatsphäre schützen",
                "<td>6</td>", "2,00", "Umgang mit Informationen und Daten");

        jdbc.sql("delete from skills_check where course_id = ? and pair_key like 'figures-pair-5%'").param(course).update();
        jdbc.sql("delete from skills_check where course_id = ? and pair_key like 'figures-pair-4%'").param(course).update();
        String fewer = mvc.perform(get("/impact/skills").header("Accept-Language", "de").with(user("funder").roles("FUNDER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fewer).contains("Zahlen für Geldgeber", "unter 5").doesNotContain("<td>4</td>");
    }

    @Test
    void onlyFundersCoordinatorsAndAdminsSeeTheFigures() throws Exception {
        mvc.perform(get("/impact/skills")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/impact/skills").with(user("helper").roles("HELPER"))).andExpect(status().isForbidden());
        mvc.perform(get("/impact/skills").with(user("coordinator").roles("COORDINATOR"))).andExpect(status().isOk());
        mvc.perform(get("/impact/skills").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
    }

    private void pair(int person, int before, int after) {
        String pairKey = "figures-pair-" + person + "-" + course;
        for (String phase : List.of("BEFORE", "AFTER")) {
            long id = store.create(SecretTokens.hash(SecretTokens.newToken()), Questions.Mode.COURSE, "de", course, phase,
                    pairKey, Instant.now(), List.of("4.2"));
            for (Questions.Question q : Questions.of(Questions.Mode.COURSE, List.of("4.2"))) {
                store.answer(id, q, phase.equals("BEFORE") ? before : after);
            }
            store.complete(id, Instant.now());
        }
    }
}
