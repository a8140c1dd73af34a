package eu.impactlab.courses;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Courses made for one test, so tests do not depend on (or change) the demo courses. */
final class CourseFixtures {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private final JdbcClient jdbc;

    CourseFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published course at Gröpelingen with sessions at 10:00–12:00 on the given days from today. */
    long course(String title, int capacity, int... daysAhead) {
        return course("groepelingen", title, capacity, null, null, daysAhead);
    }

    long course(String labSlug, String title, int capacity, Instant opensAt, Instant closesAt, int... daysAhead) {
        long lab = jdbc.sql("select id from lab where slug = ?").param(labSlug).query(Long.class).single();
        long id = jdbc.sql("""
                insert into course (lab_id, language, capacity, registration_opens_at, registration_closes_at, room, status)
                values (?, 'de', ?, ?, ?, 'Raum 1', 'PUBLISHED') returning id""")
                .params(lab, capacity, opensAt == null ? null : Timestamp.from(opensAt),
                        closesAt == null ? null : Timestamp.from(closesAt))
                .query(Long.class).single();
        jdbc.sql("insert into course_text (course_id, language, title, summary) values (?, 'de', ?, ?)")
                .params(id, title, "Ein Kurs für Tests.").update();
        jdbc.sql("insert into course_target_group (course_id, target_group) values (?, 'SENIORS')").param(id).update();
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1')").param(id).update();
        for (int days : daysAhead) {
            session(id, LocalDate.now(BREMEN).plusDays(days), LocalTime.of(10, 0), LocalTime.of(12, 0));
        }
        return id;
    }

    void session(long courseId, LocalDate day, LocalTime from, LocalTime to) {
        jdbc.sql("insert into course_session (course_id, starts_at, ends_at) values (?, ?, ?)")
                .params(courseId, Timestamp.from(day.atTime(from).atZone(BREMEN).toInstant()),
                        Timestamp.from(day.atTime(to).atZone(BREMEN).toInstant()))
                .update();
    }

    void text(long courseId, String language, String title, String summary) {
        jdbc.sql("insert into course_text (course_id, language, title, summary) values (?, ?, ?, ?)")
                .params(courseId, language, title, summary).update();
    }

    int confirmed(long courseId) {
        return jdbc.sql("select count(*) from course_registration where course_id = ? and status = 'CONFIRMED'")
                .param(courseId).query(Integer.class).single();
    }

    int counter(long courseId) {
        return jdbc.sql("select confirmed_count from course where id = ?").param(courseId).query(Integer.class).single();
    }

    long registrations(long courseId) {
        return jdbc.sql("select count(*) from course_registration where course_id = ?").param(courseId).query(Long.class).single();
    }
}
