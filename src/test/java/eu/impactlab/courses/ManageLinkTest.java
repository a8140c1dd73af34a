package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The private manage link: status, asking before cancelling, deleting one's data, the calendar file, and feedback. */
@RecordApplicationEvents
class ManageLinkTest extends AbstractIntegrationTest {

    @Autowired
    Seats seats;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void theManagePageAsksBeforeCancellingAndTheCancelButtonNeedsNoSessionOrCsrfToken() throws Exception {
        String token = register(new CourseFixtures(jdbc).course("Absagen mit Frage", 3, 9), "Lena");
        String manage = page("/courses/registrations/" + token, "de");
        assertThat(manage).contains("Angemeldet, Sie haben einen Platz", "Lena", "href=\"/courses/registrations/" + token + "/cancel\"",
                "href=\"/courses/registrations/" + token + "/calendar.ics\"", "/courses/registrations/" + token + "</code>")
                .doesNotContain("action=\"/courses/registrations/" + token + "/cancel\"");
        String ask = page("/courses/registrations/" + token + "/cancel", "de");
        assertThat(ask).contains("Möchten Sie Ihre Anmeldung wirklich absagen?", "Ja, absagen", "Nein, zurück");
        mvc.perform(post("/courses/registrations/" + token + "/cancel")).andExpect(status().is3xxRedirection());
        assertThat(page("/courses/registrations/" + token, "de")).contains("Abgesagt")
                .doesNotContain("/calendar.ics", "Anmeldung absagen");
    }

    @Test
    void theLinkSpeaksTheLanguageOfTheRegistrationInAGermanBrowserUnlessOneIsChosen() throws Exception {
        long course = new CourseFixtures(jdbc).course("Sprache des Links", 3, 9);
        String token = ((RegistrationOutcome.Registered) seats.register(new RegistrationRequest(course, "Oksana",
                null, "0421 555", true, null, null, null, "uk", null, "citizen"))).manageToken();
        for (String path : List.of("", "/cancel", "/delete-data")) {
            String page = mvc.perform(get("/courses/registrations/" + token + path).header("Accept-Language", "de"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(path).contains("<html lang=\"uk\"");
        }
        assertThat(page("/courses/registrations/" + token, "de")).contains("<html lang=\"de\"", "Ihre Anmeldung");
    }

    @Test
    void afterCancellingNoTextSaysThePlaceIsKept() throws Exception {
        String token = register(new CourseFixtures(jdbc).course("Abgesagt und Platz weg", 3, 9), "Oleh");
        mvc.perform(post("/courses/registrations/" + token + "/cancel")).andExpect(status().is3xxRedirection());
        assertThat(page("/courses/registrations/" + token, "uk")).contains("Ваш запис скасовано. Ми одразу видалимо")
                .doesNotContain("Місце залишиться за Вами");
        assertThat(page("/courses/registrations/" + token, "de")).contains("Ihre Anmeldung ist abgesagt. Wir löschen")
                .doesNotContain("Ihr Platz bleibt");
        assertThat(page("/courses/registrations/" + token + "/delete-data", "de")).contains("schon abgesagt")
                .doesNotContain("Ihr Platz bleibt");
    }

    @Test
    void deletingOnesDataKeepsTheSeatButForgetsNameAndContact() throws Exception {
        long course = new CourseFixtures(jdbc).course("Daten löschen", 3, 9);
        String token = register(course, "Mira");
        assertThat(page("/courses/registrations/" + token + "/delete-data", "en")).contains("Do you want to delete your name");
        mvc.perform(post("/courses/registrations/" + token + "/delete-data")).andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select name, email, status, personal_data_deleted_at from course_registration where course_id = ?")
                .param(course).query().singleRow();
        assertThat(row.get("name")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("status")).isEqualTo("CONFIRMED");
        assertThat(row.get("personal_data_deleted_at")).isNotNull();
        assertThat(page("/courses/registrations/" + token, "en")).contains("Your name and contact details are deleted.")
                .doesNotContain("Mira");
    }

    @Test
    void theCalendarFileHasEverySessionOfTheCourse() throws Exception {
        String token = register(new CourseFixtures(jdbc).course("Reihe", 3, 7, 14, 21), "Kai");
        byte[] ics = mvc.perform(get("/courses/registrations/" + token + "/calendar.ics")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
        calendar.validate();
        assertThat(calendar.getComponents("VEVENT")).hasSize(3);
        assertThat(new String(ics, StandardCharsets.UTF_8)).contains("Reihe (Termin 2 von 3)");
    }

    @Test
    void anUnknownLinkSaysSoPolitelyAndJsonAnswers404() throws Exception {
        assertThat(page("/courses/registrations/gibt-es-nicht", "tr")).contains("<html lang=\"tr\"", "Bu kaydı bulamıyoruz");
        mvc.perform(get("/courses/registrations/gibt-es-nicht").accept("application/json")).andExpect(status().isNotFound());
    }

    @Test
    void afterTheLastSessionTheOneQuestionIsAskedOnceAndItsAnswerPublishedAnonymously() throws Exception {
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        long course = fixtures.course("Rückblick", 3, 3);
        String token = register(course, "Yusuf");
        String before = page("/courses/registrations/" + token, "de");
        assertThat(before).doesNotContain("Hat Ihnen der Kurs geholfen?");

        // The course took place: its only session moves into the past.
        jdbc.sql("update course_session set starts_at = starts_at - interval '5 days', ends_at = ends_at - interval '5 days' where course_id = ?")
                .param(course).update();
        String after = page("/courses/registrations/" + token, "ar");
        assertThat(after).contains("هل ساعدتكم الدورة؟", "type=\"radio\" name=\"score\"", "for=\"score-5\"", "كثيرًا جدًا");
        // The same five answers, in the same words, as the consultation feedback (ConsultationEventsTest).
        assertThat(page("/courses/registrations/" + token, "de")).contains(">Gar nicht<", ">Wenig<", ">Etwas<", ">Viel<",
                ">Sehr viel<");

        mvc.perform(post("/courses/registrations/" + token + "/feedback")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from course_registration where course_id = ? and feedback_given_at is not null")
                .param(course).query(Long.class).single()).as("no answer chosen, nothing stored").isZero();
        mvc.perform(post("/courses/registrations/" + token + "/feedback").param("score", "4")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/courses/registrations/" + token + "/feedback").param("score", "1")).andExpect(status().is3xxRedirection());

        List<CourseFeedbackGiven> given = events.stream(CourseFeedbackGiven.class).filter(e -> e.course().courseId() == course).toList();
        assertThat(given).hasSize(1);
        assertThat(given.get(0).score()).isEqualTo(4);
        assertThat(page("/courses/registrations/" + token, "de")).contains("Sie haben uns schon geantwortet.")
                .doesNotContain("name=\"score\"");
    }

    private String register(long course, String name) {
        return ((RegistrationOutcome.Registered) seats.register(new RegistrationRequest(course, name,
                name.toLowerCase() + "@example.org", null, true, null, null, null, "de", null, "citizen"))).manageToken();
    }

    private String page(String url, String language) throws Exception {
        return mvc.perform(get(url).param("lang", language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
