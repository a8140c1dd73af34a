package eu.impactlab.courses;

import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.privacy.PrivacyService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The coordinator's side of courses: create, edit, copy, close registration, cancel, and read the participants.
 * Only coordinators of the course's lab (and admins) may do any of it; every change leaves a course_log entry.
 */
@Service
class CourseAdmin {

    static final int PAGE_SIZE = 20;

    /** The texts in one language; {@code room} only for languages other than German (German is course.room). */
    record Text(String title, String summary, String accessibilityNotes, String room) {
    }

    record Session(long id, ZonedDateTime start, ZonedDateTime end, boolean attendanceRecorded) {

        public long minutes() {
            return ChronoUnit.MINUTES.between(start, end);
        }
    }

    /** A course as its coordinators see it, texts in every language that has them. */
    record Course(long id, long labId, String status, String language, String level, boolean technical, int capacity,
            int confirmed, int waitlisted, Instant opensAt, Instant closesAt, boolean registrationClosed,
            int completionPercent, String room, String onlineUrl, Long copiedFromId, List<String> targetGroups,
            List<String> competences, Map<String, Text> texts, List<Session> sessions) {

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        /** The title in a language, German when that language has none. */
        public String title(Language language) {
            Text text = texts.get(language.tag());
            return text != null && text.title() != null && !text.title().isBlank() ? text.title() : germanTitle();
        }

        /** The room in a language (by its tag), the German name marked as German where it has no translation. */
        public CourseView.Text room(String tag) {
            Text text = Language.DE.tag().equals(tag) ? null : texts.get(tag);
            return text != null && text.room() != null && !text.room().isBlank() ? new CourseView.Text(text.room(), tag)
                    : new CourseView.Text(room, Language.DE.tag());
        }

        public String germanTitle() {
            Text german = texts.get("de");
            return german == null || german.title() == null ? "" : german.title();
        }

        public Optional<Session> session(long sessionId) {
            return sessions.stream().filter(s -> s.id() == sessionId).findFirst();
        }

        public Optional<ZonedDateTime> firstStart() {
            return sessions.stream().map(Session::start).findFirst();
        }

        public Optional<ZonedDateTime> lastEnd() {
            return sessions.stream().map(Session::end).max(ZonedDateTime::compareTo);
        }

        public int freeSeats() {
            return Math.max(0, capacity - confirmed);
        }

        CourseFacts facts() {
            return new CourseFacts(id, labId, targetGroups, competences, language, technical);
        }
    }

    /** One line of the coordinator's list of courses. */
    record Row(long id, String title, String labName, ZonedDateTime firstStart, ZonedDateTime lastEnd, int sessions,
            int capacity, int confirmed, int waitlisted, boolean cancelled, boolean registrationClosed) {
    }

    record Listing(List<Row> rows, int page, int pages, long total) {
    }

    /** A registration as staff see it: name and contact are gone once personal data was deleted. */
    record Participant(long id, String status, int waitlistPosition, String name, String email, String phone,
            Instant registeredAt, Instant completedAt, boolean personalDataDeleted, int presentSessions) {

        public boolean completed() {
            return completedAt != null;
        }
    }

    /** A change that would leave fewer seats than people who already have one. */
    static class CapacityBelowConfirmed extends RuntimeException {
        final int confirmed;

        CapacityBelowConfirmed(int confirmed) {
            super("capacity below confirmed registrations", null, false, false);
            this.confirmed = confirmed;
        }
    }

    private final JdbcClient jdbc;
    private final LabService labs;
    private final Seats seats;
    private final CourseStore store;
    private final CourseMails mails;
    private final Clock clock;
    private final PrivacyService privacy;

    CourseAdmin(JdbcClient jdbc, LabService labs, Seats seats, CourseStore store, CourseMails mails, Clock clock,
            PrivacyService privacy) {
        this.jdbc = jdbc;
        this.labs = labs;
        this.seats = seats;
        this.store = store;
        this.mails = mails;
        this.clock = clock;
        this.privacy = privacy;
    }

    ZoneId zone() {
        return clock.getZone();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The labs whose courses the person manages (all of them for admins). */
    List<LabView> manageableLabs(Authentication who, Language language) {
        return labs.labs(language).stream().filter(lab -> LabAccess.canManage(who, lab.id())).toList();
    }

    String labName(long labId, Language language) {
        return labs.labs(language).stream().filter(lab -> lab.id() == labId).map(LabView::name).findFirst().orElse("");
    }

    /** The course, if the person may manage it: 404 when there is none, 403 when it belongs to another lab. */
    @Transactional(readOnly = true)
    Course manageable(long id, Authentication who) {
        Course course = course(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such course"));
        if (!LabAccess.canManage(who, course.labId())) {
            throw new AccessDeniedException("not a coordinator of this course's lab");
        }
        return course;
    }

    @Transactional(readOnly = true)
    Optional<Course> course(long id) {
        return jdbc.sql("""
                select c.*, (select count(*) from course_registration r where r.course_id = c.id and r.status = 'WAITLISTED') waitlisted
                from course c where c.id = ?""").param(id)
                .query((rs, i) -> new Course(rs.getLong("id"), rs.getLong("lab_id"), rs.getString("status"),
                        rs.getString("language"), rs.getString("level"), rs.getBoolean("technical"), rs.getInt("capacity"),
                        rs.getInt("confirmed_count"), rs.getInt("waitlisted"), instant(rs.getTimestamp("registration_opens_at")),
                        instant(rs.getTimestamp("registration_closes_at")), rs.getBoolean("registration_closed"),
                        rs.getInt("completion_percent"), rs.getString("room"), rs.getString("online_url"),
                        (Long) rs.getObject("copied_from_id", Long.class), List.of(), List.of(), Map.of(), List.of()))
                .optional()
                .map(c -> new Course(c.id(), c.labId(), c.status(), c.language(), c.level(), c.technical(), c.capacity(),
                        c.confirmed(), c.waitlisted(), c.opensAt(), c.closesAt(), c.registrationClosed(),
                        c.completionPercent(), c.room(), c.onlineUrl(), c.copiedFromId(), targetGroups(id), competences(id),
                        texts(id), sessions(id)));
    }

    List<String> targetGroups(long id) {
        return jdbc.sql("select target_group from course_target_group where course_id = ? order by target_group")
                .param(id).query(String.class).list();
    }

    List<String> competences(long id) {
        return jdbc.sql("select competence from course_competence where course_id = ?").param(id).query(String.class)
                .list().stream().sorted(CourseForm.COMPETENCE_ORDER).toList();
    }

    private Map<String, Text> texts(long id) {
        Map<String, Text> texts = new LinkedHashMap<>();
        jdbc.sql("select language, title, summary, accessibility_notes, room from course_text where course_id = ?").param(id)
                .query(rs -> {
                    texts.put(rs.getString(1), new Text(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return texts;
    }

    List<Session> sessions(long id) {
        return jdbc.sql("""
                select s.id, s.starts_at, s.ends_at,
                       exists (select 1 from course_attendance a where a.session_id = s.id) recorded
                from course_session s where s.course_id = ? order by s.starts_at""").param(id)
                .query((rs, i) -> new Session(rs.getLong(1), rs.getTimestamp(2).toInstant().atZone(zone()),
                        rs.getTimestamp(3).toInstant().atZone(zone()), rs.getBoolean(4)))
                .list();
    }

    // --- the list ---

    /** Upcoming courses (not yet over) soonest first, or past ones latest first, of the given labs. */
    @Transactional(readOnly = true)
    Listing list(List<Long> labIds, boolean past, int page, Language language) {
        if (labIds.isEmpty()) {
            return new Listing(List.of(), 0, 0, 0);
        }
        Map<Long, String> labNames = new LinkedHashMap<>();
        labs.labs(language).forEach(lab -> labNames.put(lab.id(), lab.name()));
        String when = past ? "t.last_end < :now" : "(t.last_end is null or t.last_end >= :now)";
        String order = past ? "t.last_end desc, c.id desc" : "t.first_start nulls last, c.id";
        String joins = """
                from course c
                left join (select course_id, min(starts_at) first_start, max(ends_at) last_end, count(*) sessions
                           from course_session group by course_id) t on t.course_id = c.id
                """;
        String where = " where c.lab_id in (:labs) and " + when;
        Timestamp now = Timestamp.from(Instant.now(clock));
        long total = jdbc.sql("select count(*) " + joins + where).param("labs", labIds).param("now", now)
                .query(Long.class).single();
        int pages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, Math.max(0, pages - 1)));
        List<Row> rows = jdbc.sql("""
                select c.id, c.lab_id, c.status, c.capacity, c.confirmed_count, c.registration_closed,
                       coalesce(nullif(l.title, ''), d.title) title, t.first_start, t.last_end, coalesce(t.sessions, 0) sessions,
                       (select count(*) from course_registration r where r.course_id = c.id and r.status = 'WAITLISTED') waitlisted
                """ + joins + """
                left join course_text d on d.course_id = c.id and d.language = 'de'
                left join course_text l on l.course_id = c.id and l.language = :language
                """ + where + " order by " + order + " limit :limit offset :offset")
                .param("labs", labIds).param("now", now).param("language", language.tag())
                .param("limit", PAGE_SIZE).param("offset", current * PAGE_SIZE)
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("title"),
                        labNames.getOrDefault(rs.getLong("lab_id"), ""), zoned(rs.getTimestamp("first_start")),
                        zoned(rs.getTimestamp("last_end")), rs.getInt("sessions"), rs.getInt("capacity"),
                        rs.getInt("confirmed_count"), rs.getInt("waitlisted"), "CANCELLED".equals(rs.getString("status")),
                        rs.getBoolean("registration_closed")))
                .list();
        return new Listing(rows, current, pages, total);
    }

    // --- create and change ---

    @Transactional
    long create(CourseForm.Input input, List<CourseForm.SessionTime> sessions, String actor) {
        long id = insertCourse(input, null);
        replaceDetails(id, input);
        for (CourseForm.SessionTime session : sessions) {
            insertSession(id, session.start(), session.end());
        }
        log(id, "CREATED", actor);
        return id;
    }

    /**
     * Saves the changed settings and texts. The course row stays locked meanwhile, so no registration can take a seat
     * between the check and the change; more seats go to the waitlist at once, in its order.
     */
    @Transactional
    void update(long id, CourseForm.Input input, String actor) {
        int[] counts = jdbc.sql("select capacity, confirmed_count from course where id = ? for update").param(id)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        int oldCapacity = counts[0];
        int confirmed = counts[1];
        if (input.capacity() < confirmed) {
            throw new CapacityBelowConfirmed(confirmed);
        }
        jdbc.sql("""
                update course set lab_id = ?, language = ?, level = ?, technical = ?, capacity = ?,
                       registration_opens_at = ?, registration_closes_at = ?, completion_percent = ?, room = ?, online_url = ?
                where id = ?""")
                .params(input.labId(), input.language(), input.level(), input.technical(), input.capacity(),
                        timestamp(input.opensAt()), timestamp(input.closesAt()), input.completionPercent(), input.room(),
                        input.onlineUrl(), id)
                .update();
        replaceDetails(id, input);
        log(id, "EDITED", actor);
        if (input.capacity() != oldCapacity) {
            log(id, "CAPACITY_CHANGED", actor);
            // in this transaction, so the trail and the change commit together
            privacy.audit(actor, "CAPACITY_CHANGED", "course", Long.toString(id), input.labId(),
                    "capacity " + oldCapacity + " → " + input.capacity());
        }
        if (input.capacity() > oldCapacity) {
            seats.promoteWaitlist(id, actor);
        }
    }

    /** Adds sessions; false (and nothing added) when one would start at the same time as an existing one. */
    @Transactional
    boolean addSessions(long id, List<CourseForm.SessionTime> sessions, String actor) {
        Set<Instant> existing = new TreeSet<>(sessions(id).stream().map(s -> s.start().toInstant()).toList());
        if (sessions.stream().anyMatch(s -> existing.contains(s.start()))) {
            return false;
        }
        for (CourseForm.SessionTime session : sessions) {
            insertSession(id, session.start(), session.end());
        }
        log(id, "SESSIONS_ADDED", actor);
        return true;
    }

    enum Removal { REMOVED, LAST_SESSION, HAS_ATTENDANCE, NOT_FOUND }

    /** Removes a session unless it is the only one or attendance was already ticked for it. */
    @Transactional
    Removal removeSession(long id, long sessionId, String actor) {
        jdbc.sql("select id from course where id = ? for update").param(id).query(Long.class).single();
        List<Session> sessions = sessions(id);
        Optional<Session> session = sessions.stream().filter(s -> s.id() == sessionId).findFirst();
        if (session.isEmpty()) {
            return Removal.NOT_FOUND;
        }
        if (session.get().attendanceRecorded()) {
            return Removal.HAS_ATTENDANCE;
        }
        if (sessions.size() == 1) {
            return Removal.LAST_SESSION;
        }
        jdbc.sql("delete from course_session where id = ? and course_id = ?").params(sessionId, id).update();
        log(id, "SESSION_REMOVED", actor);
        return Removal.REMOVED;
    }

    /**
     * The sessions that people registered for and that may still be called off (with a question first and a mail
     * to them): not begun, no attendance, and not the course's only one (that is cancelling the course).
     */
    Set<Long> sessionsToCallOff(Course course) {
        if (course.cancelled() || course.sessions().size() < 2 || course.confirmed() + course.waitlisted() == 0) {
            return Set.of();
        }
        Instant now = Instant.now(clock);
        Set<Long> ids = new TreeSet<>();
        course.sessions().stream().filter(s -> !s.attendanceRecorded() && s.start().toInstant().isAfter(now))
                .forEach(s -> ids.add(s.id()));
        return ids;
    }

    /**
     * Calls off one session that has not begun and tells everyone registered, each in their language: the course goes
     * on without it. A course whose only session this is is cancelled as a whole (the usual course cancellation).
     * False, and nothing changed, when the session is gone, already began, has attendance or the course is cancelled.
     */
    @Transactional
    boolean cancelSession(long sessionId, String actor) {
        Optional<Long> courseId = jdbc.sql("select course_id from course_session where id = ?").param(sessionId)
                .query(Long.class).optional();
        if (courseId.isEmpty()) {
            return false;
        }
        long id = courseId.get();
        String status = jdbc.sql("select status from course where id = ? for update").param(id).query(String.class).single();
        List<Session> sessions = sessions(id);
        Optional<Session> session = sessions.stream().filter(s -> s.id() == sessionId).findFirst();
        if ("CANCELLED".equals(status) || session.isEmpty() || session.get().attendanceRecorded()
                || !session.get().start().toInstant().isAfter(Instant.now(clock))) {
            return false;
        }
        if (sessions.size() == 1) {
            return seats.cancelCourse(id, actor) >= 0;
        }
        jdbc.sql("delete from course_session where id = ? and course_id = ?").params(sessionId, id).update();
        log(id, "SESSION_CANCELLED", actor);
        CourseView.Session cancelled = new CourseView.Session(sessionId, 0,
                session.get().start().withZoneSameInstant(CourseView.BREMEN),
                session.get().end().withZoneSameInstant(CourseView.BREMEN));
        store.active(id).forEach(registration -> mails.sessionCancelled(registration, cancelled));
        return true;
    }

    /** Publishes a draft: from now on it is in the catalogue, the API and the feeds; false when it was no draft. */
    @Transactional
    boolean publish(long id, String actor) {
        boolean published = jdbc.sql("update course set status = 'PUBLISHED', published_at = now() where id = ? and status = 'DRAFT'")
                .param(id).update() == 1;
        if (published) {
            log(id, "PUBLISHED", actor);
        }
        return published;
    }

    /**
     * A new course with the same settings and texts whose first session is on {@code firstDate}; every session and
     * the registration window move by the same number of days, at the same local times. No registrations.
     */
    @Transactional
    long copy(long id, LocalDate firstDate, String actor) {
        Course original = course(id).orElseThrow();
        ZonedDateTime firstStart = original.firstStart().orElseThrow();
        long days = ChronoUnit.DAYS.between(firstStart.toLocalDate(), firstDate);
        CourseForm.Input input = new CourseForm.Input(original.labId(), original.language(), original.level(),
                original.technical(), original.capacity(), shift(original.opensAt(), days), shift(original.closesAt(), days),
                original.completionPercent(), original.room(), original.onlineUrl(), original.targetGroups(),
                original.competences(), original.texts());
        long copy = insertCourse(input, id);
        replaceDetails(copy, input);
        for (Session session : original.sessions()) {
            insertSession(copy, session.start().plusDays(days).toInstant(), session.end().plusDays(days).toInstant());
        }
        log(copy, "COPIED", actor);
        log(id, "COPIED_TO_NEW", actor);
        return copy;
    }

    /** Closes or reopens registration by hand; false when it already was so. */
    @Transactional
    boolean setRegistrationClosed(long id, boolean closed, String actor) {
        int changed = jdbc.sql("update course set registration_closed = ? where id = ? and registration_closed <> ? and status <> 'CANCELLED'")
                .params(closed, id, closed).update();
        if (changed == 1) {
            log(id, closed ? "REGISTRATION_CLOSED" : "REGISTRATION_REOPENED", actor);
        }
        return changed == 1;
    }

    /** Cancels the course; every registrant is told once (by Seats, which owns registrations). */
    @Transactional
    void cancel(long id, String actor) {
        seats.cancelCourse(id, actor);
    }

    // --- participants ---

    @Transactional(readOnly = true)
    List<Participant> participants(long id) {
        return jdbc.sql("""
                select r.id, r.status, r.name, r.email, r.phone, r.created_at, r.completed_at, r.personal_data_deleted_at,
                       case when r.status = 'WAITLISTED' then rank() over (partition by r.status order by r.waitlisted_at, r.id) else 0 end position,
                       (select count(*) from course_attendance a where a.registration_id = r.id and a.present) present
                from course_registration r
                where r.course_id = ? and r.status in ('CONFIRMED', 'WAITLISTED')
                order by r.status, position, lower(r.name), r.id""").param(id)
                .query((rs, i) -> new Participant(rs.getLong("id"), rs.getString("status"), rs.getInt("position"),
                        rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("completed_at")),
                        rs.getTimestamp("personal_data_deleted_at") != null, rs.getInt("present")))
                .list();
    }

    // --- storage ---

    private long insertCourse(CourseForm.Input input, Long copiedFrom) {
        return jdbc.sql("""
                insert into course (lab_id, language, level, technical, capacity, registration_opens_at, registration_closes_at,
                                    completion_percent, room, online_url, copied_from_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(input.labId(), input.language(), input.level(), input.technical(), input.capacity(),
                        timestamp(input.opensAt()), timestamp(input.closesAt()), input.completionPercent(), input.room(),
                        input.onlineUrl(), copiedFrom)
                .query(Long.class).single();
    }

    private void replaceDetails(long id, CourseForm.Input input) {
        jdbc.sql("delete from course_text where course_id = ?").param(id).update();
        input.texts().forEach((language, text) -> jdbc.sql("""
                insert into course_text (course_id, language, title, summary, accessibility_notes, room) values (?, ?, ?, ?, ?, ?)""")
                .params(id, language, text.title(), text.summary(), text.accessibilityNotes(),
                        Language.DE.tag().equals(language) ? null : text.room()).update());
        jdbc.sql("delete from course_target_group where course_id = ?").param(id).update();
        input.targetGroups().forEach(group -> jdbc.sql("insert into course_target_group (course_id, target_group) values (?, ?)")
                .params(id, group).update());
        jdbc.sql("delete from course_competence where course_id = ?").param(id).update();
        input.competences().forEach(code -> jdbc.sql("insert into course_competence (course_id, competence) values (?, ?)")
                .params(id, code).update());
    }

    private void insertSession(long id, Instant start, Instant end) {
        jdbc.sql("insert into course_session (course_id, starts_at, ends_at) values (?, ?, ?)")
                .params(id, Timestamp.from(start), Timestamp.from(end)).update();
    }

    void log(long id, String action, String actor) {
        jdbc.sql("insert into course_log (course_id, action, actor) values (?, ?, ?)").params(id, action, actor).update();
    }

    private Instant shift(Instant instant, long days) {
        return instant == null ? null : instant.atZone(zone()).plusDays(days).toInstant();
    }

    private ZonedDateTime zoned(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(zone());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static List<Long> ids(List<LabView> labs) {
        return new ArrayList<>(labs.stream().map(LabView::id).toList());
    }
}
