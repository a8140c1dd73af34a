package eu.impactlab.courses;

import eu.impactlab.platform.StaffAction;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Attendance ticked per session by the lab's helpers and coordinators. A real change (a tick, or a tick taken back)
 * is stored, logged and published as {@link CourseAttendanceRecorded}; ticking the same state again changes nothing.
 * When a participant reaches the course's completion rule, {@link CourseCompleted} is published once.
 */
@Service
class Attendance {

    /** How many days back the staff list shows sessions, for ticking late. */
    static final int RECENT_DAYS = 14;

    record SessionRow(long courseId, long sessionId, String title, String labName, ZonedDateTime start,
            ZonedDateTime end, int confirmed, int present) {
    }

    record Person(long registrationId, String name, boolean present, int presentSessions, boolean completed) {

        public boolean nameDeleted() {
            return name == null;
        }
    }

    /** One session's list for ticking. */
    record Sheet(CourseAdmin.Course course, String title, LabView lab, CourseAdmin.Session session, int number,
            List<Person> people, int required, boolean open) {

        public long presentCount() {
            return people.stream().filter(Person::present).count();
        }
    }

    enum Refusal { NOT_YET, CANCELLED, NOT_CONFIRMED }

    /** What a tick did: whether it changed anything, and whether it completed the course for the participant. */
    record Change(Refusal refused, boolean changed, boolean completedNow) {
    }

    private final JdbcClient jdbc;
    private final CourseAdmin courses;
    private final LabService labs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Attendance(JdbcClient jdbc, CourseAdmin courses, LabService labs, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.labs = labs;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Sessions from {@code from} to {@code to} (both days included) at the labs the person acts for, latest first. */
    @Transactional(readOnly = true)
    List<SessionRow> sessions(Authentication who, LocalDate from, LocalDate to, Language language) {
        Map<Long, LabView> myLabs = labs.labs(language).stream().filter(lab -> LabAccess.actsFor(who, lab.id()))
                .collect(Collectors.toMap(LabView::id, Function.identity()));
        if (myLabs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select s.id session_id, c.id course_id, c.lab_id, s.starts_at, s.ends_at, c.confirmed_count,
                       coalesce(nullif(l.title, ''), d.title) title,
                       (select count(*) from course_attendance a join course_registration r on r.id = a.registration_id
                        where a.session_id = s.id and a.present and r.status = 'CONFIRMED') present
                from course_session s join course c on c.id = s.course_id
                left join course_text d on d.course_id = c.id and d.language = 'de'
                left join course_text l on l.course_id = c.id and l.language = :language
                where c.lab_id in (:labs) and c.status <> 'CANCELLED' and s.starts_at >= :from and s.starts_at < :to
                order by s.starts_at desc, s.id""")
                .param("language", language.tag()).param("labs", myLabs.keySet())
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, i) -> new SessionRow(rs.getLong("course_id"), rs.getLong("session_id"), rs.getString("title"),
                        myLabs.get(rs.getLong("lab_id")).name(), zoned(rs.getTimestamp("starts_at")),
                        zoned(rs.getTimestamp("ends_at")), rs.getInt("confirmed_count"), rs.getInt("present")))
                .list();
    }

    @Transactional(readOnly = true)
    Sheet sheet(long courseId, long sessionId, Authentication who, Language language) {
        CourseAdmin.Course course = actingFor(courseId, who);
        CourseAdmin.Session session = course.session(sessionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session"));
        LabView lab = labs.labs(language).stream().filter(l -> l.id() == course.labId()).findFirst().orElseThrow();
        List<Person> people = jdbc.sql("""
                select r.id, r.name, r.completed_at is not null completed,
                       coalesce((select a.present from course_attendance a where a.session_id = ? and a.registration_id = r.id), false) present,
                       (select count(*) from course_attendance a where a.registration_id = r.id and a.present) present_sessions
                from course_registration r where r.course_id = ? and r.status = 'CONFIRMED'
                order by lower(r.name) nulls last, r.id""").params(sessionId, courseId)
                .query((rs, i) -> new Person(rs.getLong("id"), rs.getString("name"), rs.getBoolean("present"),
                        rs.getInt("present_sessions"), rs.getBoolean("completed")))
                .list();
        int number = course.sessions().indexOf(session) + 1;
        return new Sheet(course, course.title(language), lab, session, number, people,
                required(course.completionPercent(), course.sessions().size()),
                !course.cancelled() && !session.start().toLocalDate().isAfter(today()));
    }

    Optional<Person> person(Sheet sheet, long registrationId) {
        return sheet.people().stream().filter(p -> p.registrationId() == registrationId).findFirst();
    }

    /**
     * Ticks a participant present or takes the tick back. The registration row stays locked meanwhile, so two helpers
     * ticking at once count once, and completion is decided once.
     */
    @Transactional
    Change record(long courseId, long sessionId, long registrationId, boolean present, Authentication who) {
        CourseAdmin.Course course = actingFor(courseId, who);
        CourseAdmin.Session session = course.session(sessionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session"));
        if (course.cancelled()) {
            return new Change(Refusal.CANCELLED, false, false);
        }
        LocalDate day = session.start().toLocalDate();
        if (day.isAfter(today())) {
            return new Change(Refusal.NOT_YET, false, false);
        }
        Optional<VisitorFacts> visitor = jdbc.sql("""
                select age_band, gender, stadtteil from course_registration
                where id = ? and course_id = ? and status = 'CONFIRMED' for update""").params(registrationId, courseId)
                .query((rs, i) -> new VisitorFacts(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        if (visitor.isEmpty()) {
            return new Change(Refusal.NOT_CONFIRMED, false, false);
        }
        String actor = who.getName();
        int changed = present
                ? jdbc.sql("""
                        insert into course_attendance (session_id, registration_id, present, recorded_by) values (?, ?, true, ?)
                        on conflict (session_id, registration_id) do update
                        set present = true, recorded_at = now(), recorded_by = excluded.recorded_by,
                            recorded_by_id = excluded.recorded_by_id
                        where course_attendance.present = false""").params(sessionId, registrationId, actor).update()
                : jdbc.sql("""
                        update course_attendance set present = false, recorded_at = now(), recorded_by = ?
                        where session_id = ? and registration_id = ? and present""").params(actor, sessionId, registrationId)
                        .update();
        CourseFacts facts = course.facts();
        if (changed == 1) {
            jdbc.sql("insert into course_log (course_id, registration_id, action, actor) values (?, ?, ?, ?)")
                    .params(courseId, registrationId, present ? "ATTENDANCE_PRESENT" : "ATTENDANCE_ABSENT", actor).update();
            events.publishEvent(new CourseAttendanceRecorded(UUID.randomUUID(), day, facts, visitor.get(), present));
            events.publishEvent(new StaffAction(actor, present ? "ATTENDANCE_PRESENT" : "ATTENDANCE_ABSENT", "course",
                    String.valueOf(courseId), course.labId(), "session " + sessionId + ", registration " + registrationId));
        }
        boolean completedNow = present && completes(course, registrationId, actor);
        if (completedNow) {
            events.publishEvent(new CourseCompleted(UUID.randomUUID(), day, facts, visitor.get(), registrationId));
        }
        return new Change(null, changed == 1, completedNow);
    }

    /** Sets completed_at when the participant has reached the rule now; true only the first time. */
    private boolean completes(CourseAdmin.Course course, long registrationId, String actor) {
        int presentSessions = jdbc.sql("select count(*) from course_attendance where registration_id = ? and present")
                .param(registrationId).query(Integer.class).single();
        if (presentSessions < required(course.completionPercent(), course.sessions().size())) {
            return false;
        }
        int first = jdbc.sql("update course_registration set completed_at = ? where id = ? and completed_at is null")
                .params(Timestamp.from(Instant.now(clock)), registrationId).update();
        if (first == 1) {
            jdbc.sql("insert into course_log (course_id, registration_id, action, actor) values (?, ?, 'COMPLETED', ?)")
                    .params(course.id(), registrationId, actor).update();
        }
        return first == 1;
    }

    /** Sessions a participant must attend: completion percent of all sessions, rounded up. */
    static int required(int completionPercent, int sessions) {
        return (completionPercent * sessions + 99) / 100;
    }

    private CourseAdmin.Course actingFor(long courseId, Authentication who) {
        CourseAdmin.Course course = courses.course(courseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such course"));
        if (!LabAccess.actsFor(who, course.labId())) {
            throw new AccessDeniedException("does not act for this course's lab");
        }
        return course;
    }

    private ZonedDateTime zoned(Timestamp timestamp) {
        return timestamp.toInstant().atZone(clock.getZone());
    }
}
