package eu.impactlab.courses;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the course staff tests do again and again: create a course through the coordinator's form, add people. */
final class CourseStaffTesting {

    private CourseStaffTesting() {
    }

    /** The course form as a coordinator fills it in: a weekly series from {@code firstDate}, 10:00 to 12:00. */
    static MockHttpServletRequestBuilder courseForm(MockHttpServletRequestBuilder request, long labId, String title,
            int capacity, LocalDate firstDate, int sessions) {
        return request.with(csrf())
                .param("lab", String.valueOf(labId)).param("language", "de").param("level", "FOUNDATION")
                .param("capacity", String.valueOf(capacity)).param("completionPercent", "75")
                .param("room", "Raum 2").param("targetGroups", "SENIORS").param("competences", "1.1", "2.1")
                .param("series.firstDate", firstDate.toString()).param("series.startTime", "10:00")
                .param("series.endTime", "12:00").param("series.count", String.valueOf(sessions))
                .param("series.every", "WEEK")
                .param("texts[0].language", "de").param("texts[0].title", title)
                .param("texts[0].summary", "Wir üben Schritt für Schritt.")
                .param("texts[1].language", "en");
    }

    /** Creates a course through the form, publishes it as a coordinator would, and returns its id. */
    static long createCourse(MockMvc mvc, MockHttpSession coordinator, long labId, String title, int capacity,
            LocalDate firstDate, int sessions) throws Exception {
        long id = createDraft(mvc, coordinator, labId, title, capacity, firstDate, sessions);
        mvc.perform(post("/admin/courses/" + id + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    /** Creates a course through the form (a draft) and returns its id. */
    static long createDraft(MockMvc mvc, MockHttpSession coordinator, long labId, String title, int capacity,
            LocalDate firstDate, int sessions) throws Exception {
        String location = mvc.perform(courseForm(post("/admin/courses").session(coordinator), labId, title, capacity,
                        firstDate, sessions))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /**
     * A registration as the public side stores it (a confirmed one takes a seat of the guarded counter). The public
     * registration flow is built on branch courses-public; these tests only need people on the lists.
     */
    static long register(JdbcClient jdbc, long courseId, String name, String status, String email) {
        boolean confirmed = "CONFIRMED".equals(status);
        if (confirmed) {
            jdbc.sql("update course set confirmed_count = confirmed_count + 1 where id = ?").param(courseId).update();
        }
        return jdbc.sql("""
                insert into course_registration (course_id, status, waitlisted_at, name, email, ui_language, age_band, gender,
                    stadtteil, manage_token_hash, confirmed_at)
                values (?, ?, ?, ?, ?, 'ar', 'FROM_30_TO_44', 'FEMALE', 'Gröpelingen', ?, ?) returning id""")
                .params(courseId, status, confirmed ? null : java.sql.Timestamp.from(java.time.Instant.now()), name, email,
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        confirmed ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
                .query(Long.class).single();
    }

    /** Moves every session of the course back by whole weeks, so sessions lie in the past for ticking. */
    static void moveSessionsBack(JdbcClient jdbc, long courseId, int weeks) {
        jdbc.sql("update course_session set starts_at = starts_at - make_interval(weeks => ?), ends_at = ends_at - make_interval(weeks => ?) where course_id = ?")
                .params(weeks, weeks, courseId).update();
    }

    static long labId(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from lab where slug = ?").param(slug).query(Long.class).single();
    }
}
