package eu.impactlab.courses;

import eu.impactlab.labs.LabBookings;
import eu.impactlab.labs.Language;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions of published courses at a lab, for the labs module's check before hours change. A session is not
 * cancelled from there: a course's dates are the coordinator's decision on the course page, where the participants
 * are, so the check shows the session with its course and links to that page.
 */
@Component
class CourseSessionsAtLab implements LabBookings {

    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private final JdbcClient jdbc;

    CourseSessionsAtLab(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Booking> booked(long labId, LocalDate from, LocalDate to, Language language) {
        return jdbc.sql("""
                select s.id, s.course_id, s.starts_at, s.ends_at,
                    coalesce(t.title, d.title, '') as title,
                    (select count(*) from course_registration r where r.course_id = c.id and r.status = 'CONFIRMED') as people,
                    (select count(*) from course_registration r where r.course_id = c.id and r.status = 'CONFIRMED'
                        and r.email is not null) as mailable
                from course_session s join course c on c.id = s.course_id
                left join course_text t on t.course_id = c.id and t.language = :language
                left join course_text d on d.course_id = c.id and d.language = 'de'
                where c.lab_id = :lab and c.status = 'PUBLISHED' and s.starts_at >= :from and s.starts_at < :to
                order by s.starts_at, s.id""")
                .param("language", language.tag()).param("lab", labId)
                .param("from", Timestamp.from(from.atStartOfDay(BREMEN).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(BREMEN).toInstant()))
                .query((rs, i) -> new Booking("course-session", rs.getLong("id"),
                        rs.getTimestamp("starts_at").toInstant().atZone(BREMEN),
                        rs.getTimestamp("ends_at").toInstant().atZone(BREMEN), rs.getString("title"),
                        "#" + rs.getLong("course_id"), rs.getInt("people"), rs.getInt("mailable"), false,
                        "/admin/courses/" + rs.getLong("course_id") + "#sessions"))
                .list();
    }

    @Override
    public int cancelAndTell(List<Booking> bookings, String actor) {
        return 0;
    }
}
