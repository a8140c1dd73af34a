package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The room of a course is a text per language like its title: pages, the calendar file and the staff pages show it
 * in the reader's language, and the German name, marked as German, where there is no translation.
 */
class CourseRoomTranslationTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CourseService courses;

    @Test
    void theUkrainianCoursePageShowsTheUkrainianRoomOfADemoCourse() throws Exception {
        long id = jdbc.sql("select id from course where room = 'Computerraum, 1. Stock' and language = 'uk'")
                .query(Long.class).single();

        String ukrainian = page("/courses/" + id + "?lang=uk");
        assertThat(ukrainian).contains("<span lang=\"uk\" dir=\"ltr\">Комп’ютерний клас, другий поверх</span>")
                .doesNotContain("Computerraum");
        String arabic = page("/courses/" + id + "?lang=ar");
        assertThat(arabic).contains("<span lang=\"ar\" dir=\"rtl\">قاعة الحاسوب، الطابق الأول</span>");
        String german = page("/courses/" + id + "?lang=de");
        assertThat(german).contains("<span lang=\"de\" dir=\"ltr\">Computerraum, 1. Stock</span>");
    }

    @Test
    void withoutATranslationTheGermanRoomShowsMarkedAsGerman() throws Exception {
        long id = new CourseFixtures(jdbc).course("Kurs ohne übersetzten Raum " + System.nanoTime(), 5, 30);
        try {
            assertThat(page("/courses/" + id + "?lang=pl")).contains("<span lang=\"de\" dir=\"ltr\">Raum 1</span>");
        } finally {
            jdbc.sql("delete from course where id = ?").param(id).update();
        }
    }

    @Test
    void theCoordinatorTranslatesTheRoomAndParticipantsSeeItOnTheirPageAndInTheirCalendar() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        long id = CourseStaffTesting.createCourse(mvc, coordinator, lab, "Raum-Übersetzung " + System.nanoTime(), 10,
                LocalDate.now(CourseFixtures.BREMEN).plusDays(40), 1);
        try {
            // the form shows a room field in every language but German, whose room is the place field above
            String form = mvc.perform(get("/admin/courses/" + id + "/edit").session(coordinator).param("lang", "de"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(form).contains("name=\"texts[5].room\"", "Raum in dieser Sprache").doesNotContain("name=\"texts[0].room\"");

            mvc.perform(CourseStaffTesting.courseForm(post("/admin/courses/" + id + "/edit").session(coordinator), lab,
                            "Raum-Übersetzung", 10, LocalDate.now(CourseFixtures.BREMEN).plusDays(40), 1)
                            .param("texts[5].language", "uk").param("texts[5].room", "Кімната 2"))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("select room from course_text where course_id = ? and language = 'uk'").param(id)
                    .query(String.class).single()).isEqualTo("Кімната 2");
            assertThat(jdbc.sql("select room from course where id = ?").param(id).query(String.class).single())
                    .isEqualTo("Raum 2");

            assertThat(page("/courses/" + id + "?lang=uk")).contains("<span lang=\"uk\" dir=\"ltr\">Кімната 2</span>");
            String adminPage = mvc.perform(get("/admin/courses/" + id).session(coordinator).param("lang", "uk"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(adminPage).contains("<span lang=\"uk\" dir=\"ltr\">Кімната 2</span>");
            String list = mvc.perform(get("/admin/courses/" + id + "/attendance-list").session(coordinator).param("lang", "uk"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(list).contains("Кімната 2");

            RegistrationOutcome outcome = courses.register(new RegistrationRequest(id, "Олена Коваленко",
                    "room-" + System.nanoTime() + "@example.org", null, true, null, null, null, "uk", null, "citizen"));
            String token = ((RegistrationOutcome.Registered) outcome).manageToken();
            String manage = page("/courses/registrations/" + token + "?lang=uk");
            assertThat(manage).contains("<span lang=\"uk\" dir=\"ltr\">Кімната 2</span>");
            String calendar = new String(courses.calendarFile(token, Locale.forLanguageTag("uk")).orElseThrow(),
                    StandardCharsets.UTF_8).replace("\r\n ", "");
            assertThat(calendar).contains("Кімната 2").doesNotContain("Raum 2");
        } finally {
            jdbc.sql("delete from course where id = ?").param(id).update();
        }
    }

    private String page(String path) throws Exception {
        var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }
}
