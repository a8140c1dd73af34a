package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.DaySchedule;
import eu.impactlab.labs.LabService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A closure that would leave a course session outside the hours: the coordinator sees it before saving and may call
 * it off from there; everyone registered gets one mail in their own language with the calendar cancel for that
 * session, and the course goes on with its other sessions. Nothing happens before the coordinator decides.
 */
class CourseSessionCancelTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CourseService courses;
    @Autowired
    LabService labs;
    @Autowired
    CourseAdmin admin;

    private LocalDate closedDay;
    private Long courseId;

    @AfterEach
    void cleanUp() throws Exception {
        if (closedDay != null) {
            mvc.perform(post("/admin/labs/groepelingen/closures/" + closedDay + "/delete")
                    .session(Logins.as(mvc, "coordinator")).with(csrf()));
        }
        if (courseId != null) {
            jdbc.sql("delete from course where id = ?").param(courseId).update();
        }
    }

    @Test
    void aClosureListsTheCourseSessionAndCallsItOffOnlyWhenTheCoordinatorConfirmsTellingEachParticipantInTheirLanguage()
            throws Exception {
        DaySchedule day = openDayWithoutOtherBookings();
        closedDay = day.date();
        LocalTime from = day.periods().get(0).opens();
        String title = "Kurs zum Absagen " + System.nanoTime();
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        courseId = fixtures.course("groepelingen", title, 10, null, null);
        fixtures.text(courseId, "uk", "Курс для скасування", "Курс для тестів.");
        fixtures.text(courseId, "tr", "İptal edilecek kurs", "Testler için bir kurs.");
        fixtures.session(courseId, closedDay, from, from.plusHours(1));
        fixtures.session(courseId, closedDay.plusDays(7), from, from.plusHours(1));
        long sessionId = jdbc.sql("select id from course_session where course_id = ? order by starts_at limit 1")
                .param(courseId).query(Long.class).single();
        String olena = "olena-" + System.nanoTime() + "@example.org";
        String ayse = "ayse-" + System.nanoTime() + "@example.org";
        register("Олена Коваленко", olena, "uk");
        register("Ayşe Yılmaz", ayse, "tr");
        register("Ohne Adresse", null, "de");

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        MockHttpServletRequestBuilder closure = post("/admin/labs/groepelingen/closures")
                .param("day", closedDay.toString()).param("kind", "CLOSED").param("reason", "TEAM_DAY").param("lang", "de");

        String preview = mvc.perform(closure.session(coordinator).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("Noch ist nichts gespeichert", "Kurstermin", title,
                "3 Personen, davon 2 per E-Mail erreichbar", "value=\"course-session:" + sessionId + "\"",
                "Alle Angemeldeten bekommen eine E-Mail in ihrer Sprache");
        assertThat(preview).doesNotContain(olena, "Олена");
        assertThat(sessions()).hasSize(2);
        assertThat(mailsTo(olena)).as("only the confirmation so far").hasSize(1);
        assertThat(labs.schedule("groepelingen", closedDay, 1).get(0).open()).isTrue();

        mvc.perform(closure.param("decision", "cancel").param("cancelChosen", "true")
                        .param("cancel", "course-session:" + sessionId).session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/labs/groepelingen"))
                .andExpect(flash().attribute("cancelledCount", 1));

        assertThat(labs.schedule("groepelingen", closedDay, 1).get(0).open()).isFalse();
        assertThat(sessions()).as("the other session stays").hasSize(1).doesNotContain(sessionId);
        assertThat(jdbc.sql("select status from course where id = ?").param(courseId).query(String.class).single())
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.sql("select count(*) from course_registration where course_id = ? and status = 'CONFIRMED'")
                .param(courseId).query(Integer.class).single()).isEqualTo(3);

        List<Map<String, Object>> toOlena = mailsTo(olena);
        assertThat(toOlena).hasSize(2);
        Map<String, Object> ukrainian = toOlena.get(1);
        assertThat((String) ukrainian.get("subject")).isEqualTo("Заняття курсу скасовано: Курс для скасування");
        assertThat((String) ukrainian.get("body")).contains("Олена Коваленко",
                "одне заняття курсу «Курс для скасування» скасовано", from + "\u00a0–\u00a0" + from.plusHours(1),
                "один файл у вкладенні видалить його звідти");
        String cancel = new String((byte[]) ukrainian.get("attachment_data"), StandardCharsets.UTF_8);
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED",
                "UID:" + CourseCalendar.uid(courseId, sessionId));
        String updated = new String(jdbc.sql("select data from mail_outbox_attachment where mail_id = ? and position = 1")
                .param(ukrainian.get("id")).query(byte[].class).single(), StandardCharsets.UTF_8);
        assertThat(updated).contains("METHOD:PUBLISH").doesNotContain(CourseCalendar.uid(courseId, sessionId));

        List<Map<String, Object>> toAyse = mailsTo(ayse);
        assertThat(toAyse).hasSize(2);
        assertThat((String) toAyse.get(1).get("subject")).isEqualTo("Bir kurs oturumu iptal edildi: İptal edilecek kurs");

        // sent again (a second click, a reload), nothing more is cancelled and nobody is told twice
        mvc.perform(closure.session(coordinator).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mailsTo(olena)).hasSize(2);
        assertThat(sessions()).hasSize(1);
    }

    @Test
    void aSessionLeftUntickedStaysAndNobodyIsTold() throws Exception {
        DaySchedule day = openDayWithoutOtherBookings();
        closedDay = day.date();
        LocalTime from = day.periods().get(0).opens();
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        courseId = fixtures.course("groepelingen", "Kurs zum Behalten " + System.nanoTime(), 10, null, null);
        fixtures.session(courseId, closedDay, from, from.plusHours(1));
        String email = "keep-" + System.nanoTime() + "@example.org";
        register("Jan Kowalski", email, "pl");

        mvc.perform(post("/admin/labs/groepelingen/closures").session(Logins.as(mvc, "coordinator")).with(csrf())
                        .param("day", closedDay.toString()).param("kind", "CLOSED").param("reason", "TEAM_DAY")
                        .param("decision", "cancel").param("cancelChosen", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("cancelledCount", 0))
                .andExpect(flash().attribute("keptBookings", true));

        assertThat(labs.schedule("groepelingen", closedDay, 1).get(0).open()).isFalse();
        assertThat(sessions()).hasSize(1);
        assertThat(jdbc.sql("select status from course where id = ?").param(courseId).query(String.class).single())
                .isEqualTo("PUBLISHED");
        assertThat(mailsTo(email)).as("only the confirmation").hasSize(1);
    }

    @Test
    void callingOffTheOnlySessionCancelsTheCourseWithTheUsualMail() throws Exception {
        DaySchedule day = openDayWithoutOtherBookings();
        closedDay = day.date();
        LocalTime from = day.periods().get(0).opens();
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        String title = "Einmaliger Kurs " + System.nanoTime();
        courseId = fixtures.course("groepelingen", title, 10, null, null);
        fixtures.session(courseId, closedDay, from, from.plusHours(1));
        long sessionId = sessions().get(0);
        String email = "only-" + System.nanoTime() + "@example.org";
        register("Jan Kowalski", email, "en");

        mvc.perform(post("/admin/labs/groepelingen/closures").session(Logins.as(mvc, "coordinator")).with(csrf())
                        .param("day", closedDay.toString()).param("kind", "CLOSED").param("reason", "TEAM_DAY")
                        .param("decision", "cancel").param("cancelChosen", "true")
                        .param("cancel", "course-session:" + sessionId))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("cancelledCount", 1));

        assertThat(jdbc.sql("select status from course where id = ?").param(courseId).query(String.class).single())
                .isEqualTo("CANCELLED");
        List<Map<String, Object>> mails = mailsTo(email);
        assertThat(mails).hasSize(2);
        assertThat((String) mails.get(1).get("subject")).isEqualTo("The course is cancelled: " + title);
    }

    @Test
    void onTheCoursePageCallingOffASessionWithPeopleAsksFirstThenTellsThem() throws Exception {
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        String title = "Kurs mit Terminabsage " + System.nanoTime();
        courseId = fixtures.course(title, 10, 50, 57);
        long first = sessions().get(0);
        String email = "page-" + System.nanoTime() + "@example.org";
        register("Leila Ahmad", email, "ar");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");

        String page = mvc.perform(get("/admin/courses/" + courseId).session(coordinator).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/admin/courses/" + courseId + "/sessions/" + first + "/cancel", "Absagen …");

        // the old one-tap removal now leads to the question, and nothing happens yet
        mvc.perform(post("/admin/courses/" + courseId + "/sessions/" + first + "/delete").session(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/admin/courses/" + courseId + "/sessions/" + first + "/cancel"));
        String question = mvc.perform(get("/admin/courses/" + courseId + "/sessions/" + first + "/cancel")
                        .session(coordinator).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(question).contains("Diesen Termin wirklich absagen?", "1 Angemeldete sind betroffen. 1 von ihnen");
        assertThat(sessions()).hasSize(2);
        assertThat(mailsTo(email)).hasSize(1);

        // a helper may not call it off
        mvc.perform(post("/admin/courses/" + courseId + "/sessions/" + first + "/cancel")
                        .session(Logins.as(mvc, "helper")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(sessions()).hasSize(2);

        mvc.perform(post("/admin/courses/" + courseId + "/sessions/" + first + "/cancel").session(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/admin/courses/" + courseId + "#sessions"))
                .andExpect(flash().attribute("saved", "staff.course.sessionCancel.done"));
        assertThat(sessions()).hasSize(1).doesNotContain(first);
        List<Map<String, Object>> mails = mailsTo(email);
        assertThat(mails).hasSize(2);
        assertThat((String) mails.get(1).get("subject")).startsWith("أُلغيت جلسة من الدورة: ");
    }

    @Test
    void twoCoordinatorsCallingOffTheSameSessionAtOnceTellEachPersonOnce() throws Exception {
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        courseId = fixtures.course("Kurs für gleichzeitige Absagen " + System.nanoTime(), 10, 60, 67);
        long first = sessions().get(0);
        String email = "twice-" + System.nanoTime() + "@example.org";
        register("Mehmet Demir", email, "tr");

        int threads = 6;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return admin.cancelSession(first, "coordinator");
            }));
        }
        start.countDown();
        int cancelled = 0;
        for (var result : results) {
            cancelled += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(cancelled).isEqualTo(1);
        assertThat(sessions()).hasSize(1).doesNotContain(first);
        assertThat(mailsTo(email)).as("the confirmation and one cancellation").hasSize(2);
    }

    /**
     * An open day far enough ahead that no demo course and no other test's appointment lies on it, whose first
     * opening period holds a one-hour session.
     */
    private DaySchedule openDayWithoutOtherBookings() {
        LocalDate start = LocalDate.now(CourseFixtures.BREMEN).plusDays(80 + (int) (System.nanoTime() % 40));
        for (DaySchedule day : labs.schedule("groepelingen", start, 60)) {
            if (!day.open() || day.periods().get(0).opens().plusHours(1).isAfter(day.periods().get(0).closes())) {
                continue;
            }
            long others = jdbc.sql("""
                    select (select count(*) from appointment a join lab l on l.id = a.lab_id
                            where l.slug = 'groepelingen' and a.starts_at::date = ?)
                         + (select count(*) from course_session s join course c on c.id = s.course_id
                            join lab l on l.id = c.lab_id where l.slug = 'groepelingen' and s.starts_at::date = ?)""")
                    .params(day.date(), day.date()).query(Long.class).single();
            if (others == 0) {
                return day;
            }
        }
        throw new AssertionError("no free open day at Gröpelingen");
    }

    private void register(String name, String email, String language) {
        RegistrationOutcome outcome = courses.register(new RegistrationRequest(courseId, name, email, null, true, null,
                null, null, language, null, "citizen"));
        assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class);
    }

    private List<Long> sessions() {
        return jdbc.sql("select id from course_session where course_id = ? order by starts_at").param(courseId)
                .query(Long.class).list();
    }

    private List<Map<String, Object>> mailsTo(String email) {
        return jdbc.sql("select id, subject, body, attachment_data from mail_outbox where recipient = ? order by id")
                .param(email).query().listOfRows();
    }
}
