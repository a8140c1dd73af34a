package eu.impactlab;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Published courses for tests that need one to register for (new courses start as drafts, which nobody can book). */
public final class TestCourses {

    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private TestCourses() {
    }

    /** A published German course at that lab with one session from 10:00 to 12:00, {@code daysAhead} days from today. */
    public static long published(JdbcClient jdbc, String labSlug, int capacity, String title, int daysAhead) {
        long lab = jdbc.sql("select id from lab where slug = ?").param(labSlug).query(Long.class).single();
        long id = jdbc.sql("""
                insert into course (status, lab_id, language, capacity, room)
                values ('PUBLISHED', ?, 'de', ?, 'Raum 1') returning id""")
                .params(lab, capacity).query(Long.class).single();
        jdbc.sql("insert into course_text (course_id, language, title, summary) values (?, 'de', ?, 'Ein Kurs für Tests.')")
                .params(id, title).update();
        LocalDate day = LocalDate.now(BREMEN).plusDays(daysAhead);
        jdbc.sql("insert into course_session (course_id, starts_at, ends_at) values (?, ?, ?)")
                .params(id, Timestamp.from(day.atTime(LocalTime.of(10, 0)).atZone(BREMEN).toInstant()),
                        Timestamp.from(day.atTime(LocalTime.of(12, 0)).atZone(BREMEN).toInstant()))
                .update();
        return id;
    }
}
