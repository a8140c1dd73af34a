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
 * The sessions of published courses held at a lab (online ones are not), for the labs module's check before hours
 * change. The coordinator may call a session off from there; everyone registered is told in their language, and the
 * link leads to the course page, where a replacement date is added.
 */
@Component
class CourseSessionsAtLab implements LabBookings {

    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    static final String SOURCE = "course-session";

    private final JdbcClient jdbc;
    private final CourseAdmin courses;

    CourseSessionsAtLab(JdbcClient jdbc, CourseAdmin courses) {
        this.jdbc = jdbc;
        this.courses = courses;
    }

    @Override
    public List<Booking> booked(long labId, LocalDate from, LocalDate to, Language language) {
        return jdbc.sql("""
                select s.id, s.course_id, s.starts_at, s.ends_at,
                    coalesce(t.title, d.title, '') as title,
                    (select count(*) from course_registration r where r.course_id = c.id and r.status <> 'CANCELLED') as people,
                    (select count(*) from course_registration r where r.course_id = c.id and r.status <> 'CANCELLED'
                        and r.email is not null) as mailable
                from course_session s join course c on c.id = s.course_id
                left join course_text t on t.course_id = c.id and t.language = :language
                left join course_text d on d.course_id = c.id and d.language = 'de'
                where c.lab_id = :lab and c.status = 'PUBLISHED' and s.starts_at >= :from and s.starts_at < :to
                    and (c.room is not null or c.online_url is null)
                order by s.starts_at, s.id""")
                .param("language", language.tag()).param("lab", labId)
                .param("from", Timestamp.from(from.atStartOfDay(BREMEN).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(BREMEN).toInstant()))
                .query((rs, i) -> new Booking(SOURCE, rs.getLong("id"),
                        rs.getTimestamp("starts_at").toInstant().atZone(BREMEN),
                        rs.getTimestamp("ends_at").toInstant().atZone(BREMEN), rs.getString("title"),
                        "#" + rs.getLong("course_id"), rs.getInt("people"), rs.getInt("mailable"), true,
                        "/admin/courses/" + rs.getLong("course_id") + "#sessions"))
                .list();
    }

    @Override
    public int cancelAndTell(List<Booking> bookings, String actor) {
        return (int) bookings.stream()
                .filter(b -> SOURCE.equals(b.source()))
                .filter(b -> courses.cancelSession(b.id(), actor))
                .count();
    }
}
