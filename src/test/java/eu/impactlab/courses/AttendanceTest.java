package eu.impactlab.courses;

import static eu.impactlab.courses.CourseStaffTesting.createCourse;
import static eu.impactlab.courses.CourseStaffTesting.labId;
import static eu.impactlab.courses.CourseStaffTesting.moveSessionsBack;
import static eu.impactlab.courses.CourseStaffTesting.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Helpers tick attendance per session on a tablet; real changes are published once, completion exactly once. */
@RecordApplicationEvents
class AttendanceTest extends AbstractIntegrationTest {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    record Course(long id, List<Long> sessions) {
    }

    /** Four weekly sessions: three in the past weeks and one today. */
    Course fourSessionsEndingToday(String title) throws Exception {
        LocalDate today = LocalDate.now(BREMEN);
        long id = createCourse(mvc, Logins.as(mvc, "coordinator"), labId(jdbc, "groepelingen"), title, 10, today, 4);
        moveSessionsBack(jdbc, id, 3);
        return new Course(id, jdbc.sql("select id from course_session where course_id = ? order by starts_at").param(id)
                .query(Long.class).list());
    }

    private org.springframework.test.web.servlet.ResultActions tick(MockHttpSession staff, Course course, int session,
            long registration, boolean present) throws Exception {
        return mvc.perform(post("/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(session)
                + "/attendance/" + registration).session(staff).with(csrf()).param("present", String.valueOf(present)));
    }

    @Test
    void aTickIsStoredLoggedAndPublishedOnceAndTakingItBackPublishesPresentFalse() throws Exception {
        Course course = fourSessionsEndingToday("Anwesenheit: einmal zählen");
        long leila = register(jdbc, course.id(), "ليلى أحمد", "CONFIRMED", null);
        MockHttpSession helper = Logins.as(mvc, "helper");

        tick(helper, course, 3, leila, true)
                .andExpect(redirectedUrl("/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3) + "#p-" + leila));
        // The same tick again (a double tap, a second tablet) changes nothing.
        tick(helper, course, 3, leila, true).andExpect(status().is3xxRedirection());

        List<CourseAttendanceRecorded> recorded = events.stream(CourseAttendanceRecorded.class).toList();
        assertThat(recorded).hasSize(1);
        CourseAttendanceRecorded event = recorded.get(0);
        assertThat(event.present()).isTrue();
        assertThat(event.date()).isEqualTo(LocalDate.now(BREMEN));
        assertThat(event.course()).isEqualTo(new CourseFacts(course.id(), labId(jdbc, "groepelingen"), List.of("SENIORS"),
                List.of("1.1", "2.1"), "de", false));
        assertThat(event.visitor()).isEqualTo(new VisitorFacts("FROM_30_TO_44", "FEMALE", "Gröpelingen"));
        assertThat(jdbc.sql("select present::text || ':' || coalesce((select username from account where id = recorded_by_id), recorded_by) from course_attendance where registration_id = ?")
                .param(leila).query(String.class).list()).containsExactly("true:helper");

        tick(helper, course, 3, leila, false).andExpect(status().is3xxRedirection());
        tick(helper, course, 3, leila, false).andExpect(status().is3xxRedirection());
        assertThat(events.stream(CourseAttendanceRecorded.class).map(CourseAttendanceRecorded::present).toList())
                .containsExactly(true, false);
        // Taking back a tick that never was is no change either.
        long olena = register(jdbc, course.id(), "Олена Коваленко", "CONFIRMED", null);
        tick(helper, course, 2, olena, false).andExpect(status().is3xxRedirection());
        assertThat(events.stream(CourseAttendanceRecorded.class)).hasSize(2);
        assertThat(jdbc.sql("select action || ':' || coalesce((select username from account where id = actor_id), actor) from course_log where registration_id = ? order by id").param(leila)
                .query(String.class).list()).containsExactly("ATTENDANCE_PRESENT:helper", "ATTENDANCE_ABSENT:helper");
        assertThat(events.stream(CourseCompleted.class)).isEmpty();
        // The audit trail has the same ticks, by account and ids, without the participant's name.
        assertThat(jdbc.sql("""
                select a.action || ':' || acc.username || ':' || a.details from privacy_audit a join account acc on acc.id = a.actor_id
                where a.object_type = 'course' and a.object_id = ? and a.action like 'ATTENDANCE\\_%' order by a.id""")
                .param(String.valueOf(course.id())).query(String.class).list()).containsExactly(
                "ATTENDANCE_PRESENT:helper:session " + course.sessions().get(3) + ", registration " + leila,
                "ATTENDANCE_ABSENT:helper:session " + course.sessions().get(3) + ", registration " + leila);
    }

    @Test
    void threeOfFourSessionsCompleteTheCourseOnceAndOnlyOnce() throws Exception {
        Course course = fourSessionsEndingToday("Anwesenheit: 75 Prozent");
        long ayse = register(jdbc, course.id(), "Ayşe Yılmaz", "CONFIRMED", null);
        MockHttpSession helper = Logins.as(mvc, "helper");

        tick(helper, course, 0, ayse, true);
        tick(helper, course, 1, ayse, true);
        assertThat(events.stream(CourseCompleted.class)).isEmpty();
        assertThat(jdbc.sql("select completed_at is null from course_registration where id = ?").param(ayse)
                .query(Boolean.class).single()).isTrue();

        tick(helper, course, 3, ayse, true)
                .andExpect(result -> assertThat(result.getFlashMap().get("saved")).isEqualTo("attendance.saved.completed"));
        assertThat(events.stream(CourseCompleted.class).toList()).singleElement()
                .satisfies(completed -> {
                    assertThat(completed.date()).isEqualTo(LocalDate.now(BREMEN));
                    assertThat(completed.course().courseId()).isEqualTo(course.id());
                    assertThat(completed.visitor().stadtteil()).isEqualTo("Gröpelingen");
                });
        var completedAt = jdbc.sql("select completed_at from course_registration where id = ?").param(ayse)
                .query(java.sql.Timestamp.class).single();
        assertThat(completedAt).isNotNull();

        // A fourth tick, a tick taken back and given again: completed stays, and is never published again.
        tick(helper, course, 2, ayse, true);
        tick(helper, course, 3, ayse, false);
        tick(helper, course, 3, ayse, true);
        assertThat(events.stream(CourseCompleted.class)).hasSize(1);
        assertThat(jdbc.sql("select completed_at from course_registration where id = ?").param(ayse)
                .query(java.sql.Timestamp.class).single()).isEqualTo(completedAt);
        assertThat(jdbc.sql("select count(*) from course_log where registration_id = ? and action = 'COMPLETED'").param(ayse)
                .query(Long.class).single()).isEqualTo(1);

        String page = mvc.perform(get("/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3))
                        .param("lang", "de").session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ayşe Yılmaz", "Teilnahme bestätigt", "Termine besucht: 4", "ab 3 von 4 Terminen");
    }

    @Test
    void theSessionPageWorksWithoutJavaScriptAndHtmxGetsOnlyTheParticipantsLine() throws Exception {
        Course course = fourSessionsEndingToday("Anwesenheit: Tablet");
        long jan = register(jdbc, course.id(), "Jan Kowalski", "CONFIRMED", null);
        register(jdbc, course.id(), "Wartende Person", "WAITLISTED", null);
        MockHttpSession helper = Logins.as(mvc, "helper2");

        String list = mvc.perform(get("/staff/courses").param("lang", "de").session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Anwesenheit: Tablet",
                "href=\"/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3) + "\"",
                "href=\"/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(1) + "\"");

        String page = mvc.perform(get("/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3))
                        .param("lang", "de").session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String action = "/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3) + "/attendance/" + jan;
        assertThat(page).contains("<form method=\"post\" action=\"" + action + "\"", "name=\"_csrf\"",
                "name=\"present\" value=\"true\"", "aria-pressed=\"false\"", "hx-post=\"" + action + "\"", "Jan Kowalski",
                "0 von 1 anwesend", "Termin 4 von 4").doesNotContain("Wartende Person");

        String fragment = mvc.perform(post(action).header("HX-Request", "true").param("lang", "de").session(helper).with(csrf())
                        .param("present", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html", "<main").contains("id=\"p-" + jan + "\"", "aria-pressed=\"true\"",
                "name=\"present\" value=\"false\"", "hx-swap-oob", "1 von 1 anwesend", "ist als anwesend eingetragen.");

        String again = mvc.perform(get("/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3))
                        .param("lang", "de").session(helper))
                .andReturn().getResponse().getContentAsString();
        assertThat(again).contains("aria-pressed=\"true\"", "1 von 1 anwesend");
        assertThat(events.stream(CourseAttendanceRecorded.class)).hasSize(1);
    }

    @Test
    void futureSessionsWaitAndOtherLabsOrRolesMayNotTick() throws Exception {
        LocalDate today = LocalDate.now(BREMEN);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long future = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Anwesenheit: später", 10, today.plusDays(7), 1);
        long futureSession = jdbc.sql("select id from course_session where course_id = ?").param(future).query(Long.class).single();
        long person = register(jdbc, future, "Hannelore Meyer", "CONFIRMED", null);
        MockHttpSession helper = Logins.as(mvc, "helper");

        mvc.perform(post("/staff/courses/" + future + "/sessions/" + futureSession + "/attendance/" + person).session(helper)
                        .with(csrf()).param("present", "true"))
                .andExpect(result -> assertThat(result.getFlashMap().get("saved")).isEqualTo("attendance.refused.NOT_YET"));
        String page = mvc.perform(get("/staff/courses/" + future + "/sessions/" + futureSession).param("lang", "de").session(helper))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dieser Termin hat noch nicht stattgefunden.").doesNotContain("name=\"present\"");
        assertThat(jdbc.sql("select count(*) from course_attendance where registration_id = ?").param(person).query(Long.class).single()).isZero();

        Course course = fourSessionsEndingToday("Anwesenheit: Rechte");
        long jan = register(jdbc, course.id(), "Jan", "CONFIRMED", null);
        MockHttpSession vegesack = Logins.as(mvc, "helper.vegesack");
        tick(vegesack, course, 3, jan, true).andExpect(status().isForbidden());
        mvc.perform(get("/staff/courses/" + course.id() + "/sessions/" + course.sessions().get(3)).session(vegesack))
                .andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/staff/courses").session(vegesack)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Anwesenheit: Rechte");
        for (String user : List.of("partner", "funder")) {
            mvc.perform(get("/staff/courses").session(Logins.as(mvc, user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/staff/courses")).andExpect(redirectedUrl("/login"));
        // A waitlisted person is not on the sheet and cannot be ticked.
        long waiting = register(jdbc, course.id(), "Wartend", "WAITLISTED", null);
        tick(helper, course, 3, waiting, true).andExpect(status().isNotFound());
        assertThat(events.stream(CourseAttendanceRecorded.class)).isEmpty();
    }
}
