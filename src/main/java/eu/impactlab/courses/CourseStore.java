package eu.impactlab.courses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for courses, their sessions and registrations; clearer as SQL than as entities. */
@Repository
class CourseStore {

    private final JdbcClient jdbc;

    CourseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- courses ---

    /** A course row with its texts in one language (German field by field where a translation is missing). */
    record CourseRow(long id, long labId, String status, String language, String level, boolean technical, int capacity,
            int confirmedCount, int waitlistLength, Instant registrationOpensAt, Instant registrationClosesAt,
            boolean registrationClosed, String room, String roomLanguage, String onlineUrl, Instant cancelledAt,
            Instant firstStart, Instant lastEnd, int completionPercent, String title, String titleLanguage, String summary,
            String summaryLanguage, String accessibilityNotes, String accessibilityNotesLanguage) {
    }

    record SessionRow(long id, long courseId, Instant startsAt, Instant endsAt) {
    }

    /** What the catalogue may filter by; null means "any". */
    record Filter(Long labId, String targetGroup, String language, Instant from, Instant to, String competence) {
    }

    record Found(List<CourseRow> courses, long total) {
    }

    private static final String COURSE_SELECT = """
            select c.id, c.lab_id, c.status, c.language, c.level, c.technical, c.capacity, c.confirmed_count,
                (select count(*) from course_registration w where w.course_id = c.id and w.status = 'WAITLISTED') as waitlist,
                c.registration_opens_at, c.registration_closes_at, c.registration_closed, c.online_url,
                coalesce(t.room, c.room) as room,
                case when t.room is not null then t.language else 'de' end as room_language,
                c.cancelled_at, b.first_start, b.last_end, c.completion_percent,
                coalesce(t.title, d.title, (select x.title from course_text x where x.course_id = c.id and x.title is not null
                    order by x.language limit 1), '') as title,
                case when t.title is not null then t.language else 'de' end as title_language,
                coalesce(t.summary, d.summary) as summary,
                case when t.summary is not null then t.language else 'de' end as summary_language,
                coalesce(t.accessibility_notes, d.accessibility_notes) as notes,
                case when t.accessibility_notes is not null then t.language else 'de' end as notes_language,
                count(*) over () as total
            from course c
            left join (select course_id, min(starts_at) as first_start, max(ends_at) as last_end from course_session
                group by course_id) b on b.course_id = c.id
            left join course_text d on d.course_id = c.id and d.language = 'de'
            left join course_text t on t.course_id = c.id and t.language = :language
            """;

    Optional<CourseRow> course(long id, String language) {
        return jdbc.sql(COURSE_SELECT + " where c.id = :id").param("language", language).param("id", id)
                .query(this::courseRow).optional();
    }

    /** Published courses whose last session has not ended yet, soonest first, one page of them. */
    Found upcoming(Filter filter, Instant now, String language, int offset, int limit) {
        StringBuilder sql = new StringBuilder(COURSE_SELECT)
                .append(" where c.status = 'PUBLISHED' and b.last_end > :now");
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(now));
        params.put("language", language);
        if (filter.labId() != null) {
            sql.append(" and c.lab_id = :lab");
            params.put("lab", filter.labId());
        }
        if (filter.targetGroup() != null) {
            sql.append(" and exists (select 1 from course_target_group g where g.course_id = c.id and g.target_group = :group)");
            params.put("group", filter.targetGroup());
        }
        if (filter.language() != null) {
            sql.append(" and c.language = :teaching");
            params.put("teaching", filter.language());
        }
        if (filter.competence() != null) {
            // A competence ("4.2") or a whole area ("4").
            sql.append(" and exists (select 1 from course_competence k where k.course_id = c.id")
                    .append(" and (k.competence = :competence or k.competence like :area))");
            params.put("competence", filter.competence());
            params.put("area", filter.competence().contains(".") ? "-" : filter.competence() + ".%");
        }
        if (filter.from() != null || filter.to() != null) {
            sql.append(" and exists (select 1 from course_session s where s.course_id = c.id and s.ends_at > :now");
            if (filter.from() != null) {
                sql.append(" and s.starts_at >= :from");
                params.put("from", Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and s.starts_at < :to");
                params.put("to", Timestamp.from(filter.to()));
            }
            sql.append(")");
        }
        sql.append(" order by b.first_start, c.id offset :offset limit :limit");
        params.put("offset", offset);
        params.put("limit", limit);
        long[] total = {0};
        List<CourseRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> {
            total[0] = rs.getLong("total");
            return courseRow(rs, i);
        }).list();
        if (rows.isEmpty() && offset > 0) {
            total[0] = jdbc.sql(sql.toString().replace(" offset :offset limit :limit", " limit 1")).params(params)
                    .query((rs, i) -> rs.getLong("total")).optional().orElse(0L);
        }
        return new Found(rows, total[0]);
    }

    Map<Long, List<SessionRow>> sessions(Collection<Long> courseIds) {
        Map<Long, List<SessionRow>> byCourse = new LinkedHashMap<>();
        courseIds.forEach(id -> byCourse.put(id, new ArrayList<>()));
        if (courseIds.isEmpty()) {
            return byCourse;
        }
        jdbc.sql("select id, course_id, starts_at, ends_at from course_session where course_id in (:ids) order by starts_at, id")
                .param("ids", courseIds)
                .query((rs, i) -> new SessionRow(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list().forEach(s -> byCourse.get(s.courseId()).add(s));
        return byCourse;
    }

    Map<Long, List<String>> targetGroups(Collection<Long> courseIds) {
        return keyed("select course_id, target_group from course_target_group where course_id in (:ids) order by target_group",
                courseIds);
    }

    Map<Long, List<String>> competences(Collection<Long> courseIds) {
        return keyed("select course_id, competence from course_competence where course_id in (:ids) order by competence",
                courseIds);
    }

    private Map<Long, List<String>> keyed(String sql, Collection<Long> courseIds) {
        Map<Long, List<String>> byCourse = new LinkedHashMap<>();
        courseIds.forEach(id -> byCourse.put(id, new ArrayList<>()));
        if (!courseIds.isEmpty()) {
            jdbc.sql(sql).param("ids", courseIds).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(e -> byCourse.get(e.getKey()).add(e.getValue()));
        }
        return byCourse;
    }

    /** The languages courses are taught in, for the catalogue's filter. */
    List<String> teachingLanguages() {
        return jdbc.sql("select distinct language from course where status = 'PUBLISHED' order by language")
                .query(String.class).list();
    }

    // --- the seat counter, changed only while the course row is locked ---

    /** What the seat rules need, read with the course row locked (FOR UPDATE) until the transaction ends. */
    record Locked(long id, long labId, String status, String language, boolean technical, int capacity,
            int confirmedCount, Instant registrationOpensAt, Instant registrationClosesAt, boolean registrationClosed,
            Instant firstStart, Instant lastEnd) {
    }

    Optional<Locked> lock(long courseId) {
        return jdbc.sql("""
                select c.id, c.lab_id, c.status, c.language, c.technical, c.capacity, c.confirmed_count,
                    c.registration_opens_at, c.registration_closes_at, c.registration_closed,
                    (select min(starts_at) from course_session s where s.course_id = c.id),
                    (select max(ends_at) from course_session s where s.course_id = c.id)
                from course c where c.id = :id for update of c""")
                .param("id", courseId)
                .query((rs, i) -> new Locked(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), instant(rs, 8), instant(rs, 9), rs.getBoolean(10),
                        instant(rs, 11), instant(rs, 12)))
                .optional();
    }

    /** Adds (or with a negative delta frees) seats; the CHECK refuses anything beyond the capacity. */
    void changeConfirmed(long courseId, int delta) {
        jdbc.sql("update course set confirmed_count = confirmed_count + :delta where id = :id")
                .param("delta", delta).param("id", courseId).update();
    }

    void markCancelled(long courseId, Instant at) {
        jdbc.sql("update course set status = 'CANCELLED', cancelled_at = :at, confirmed_count = 0 where id = :id")
                .param("at", Timestamp.from(at)).param("id", courseId).update();
    }

    // --- registrations ---

    record NewRegistration(long courseId, Registration.Status status, Instant at, String name, String email, String phone,
            String uiLanguage, String ageBand, String gender, String stadtteil, String manageTokenHash,
            String idempotencyKey, String idempotencyRequestHash) {
    }

    long insert(NewRegistration r) {
        boolean waitlisted = r.status() == Registration.Status.WAITLISTED;
        return jdbc.sql("""
                insert into course_registration (course_id, status, waitlisted_at, name, email, phone, ui_language, age_band,
                    gender, stadtteil, manage_token_hash, idempotency_key, idempotency_request_hash, created_at, confirmed_at)
                values (:course, :status, :waitlistedAt, :name, :email, :phone, :ui, :age, :gender, :stadtteil, :hash, :key,
                    :requestHash, :at, :confirmedAt)
                returning id""")
                .param("course", r.courseId()).param("status", r.status().name())
                .param("waitlistedAt", waitlisted ? Timestamp.from(r.at()) : null)
                .param("name", r.name()).param("email", r.email()).param("phone", r.phone()).param("ui", r.uiLanguage())
                .param("age", r.ageBand()).param("gender", r.gender()).param("stadtteil", r.stadtteil())
                .param("hash", r.manageTokenHash()).param("key", r.idempotencyKey())
                .param("requestHash", r.idempotencyRequestHash()).param("at", Timestamp.from(r.at()))
                .param("confirmedAt", waitlisted ? null : Timestamp.from(r.at()))
                .query(Long.class).single();
    }

    private static final String REGISTRATION_SELECT = """
            select r.id, r.course_id, r.status, r.name, r.email, r.phone, r.ui_language, r.age_band, r.gender, r.stadtteil,
                r.created_at, r.cancelled_at, r.feedback_given_at, r.personal_data_deleted_at,
                case when r.status = 'WAITLISTED' then (select count(*) from course_registration w
                    where w.course_id = r.course_id and w.status = 'WAITLISTED'
                    and (w.waitlisted_at, w.id) <= (r.waitlisted_at, r.id)) end as position,
                exists (select 1 from course_log l where l.registration_id = r.id and l.action = 'PROMOTED') as promoted
            from course_registration r""";

    Optional<Registration> registration(long id) {
        return jdbc.sql(REGISTRATION_SELECT + " where r.id = :id").param("id", id).query(this::registrationRow).optional();
    }

    List<Long> completedRegistrations(long courseId) {
        return jdbc.sql("select id from course_registration where course_id = ? and status = 'CONFIRMED' and completed_at is not null order by id")
                .param(courseId).query(Long.class).list();
    }

    boolean completed(long registrationId) {
        return jdbc.sql("select count(*) from course_registration where id = ? and completed_at is not null")
                .param(registrationId).query(Long.class).single() == 1;
    }

    Optional<Registration> byTokenHash(String hash) {
        return jdbc.sql(REGISTRATION_SELECT + " where r.manage_token_hash = :hash or r.promotion_token_hash = :hash").param("hash", hash)
                .query(this::registrationRow).optional();
    }

    /** The registration an idempotency key made, with the hash of the request that came with the key. */
    record KeyUse(long registrationId, String requestHash, Instant createdAt) {
    }

    Optional<KeyUse> keyUse(String key) {
        return jdbc.sql("select id, idempotency_request_hash, created_at from course_registration where idempotency_key = :key")
                .param("key", key)
                .query((rs, i) -> new KeyUse(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Frees an expired key, so it may make a new registration. */
    void forgetIdempotencyKey(long registrationId) {
        jdbc.sql("update course_registration set idempotency_key = null, idempotency_request_hash = null where id = :id")
                .param("id", registrationId).update();
    }

    /** The course's registrations that hold a seat or a place on the waitlist, seats first, then by waitlist rank. */
    List<Registration> active(long courseId) {
        return jdbc.sql(REGISTRATION_SELECT + """
                 where r.course_id = :course and r.status <> 'CANCELLED'
                order by r.status, r.waitlisted_at nulls first, r.id""")
                .param("course", courseId).query(this::registrationRow).list();
    }

    Optional<Long> courseOf(long registrationId) {
        return jdbc.sql("select course_id from course_registration where id = :id").param("id", registrationId)
                .query(Long.class).optional();
    }

    /** The first on the course's waitlist (the oldest), if any. */
    Optional<Long> firstWaitlisted(long courseId) {
        return jdbc.sql("""
                select id from course_registration where course_id = :course and status = 'WAITLISTED'
                order by waitlisted_at, id limit 1""").param("course", courseId).query(Long.class).optional();
    }

    /** Cancels a registration; false when it was cancelled already. */
    boolean cancel(long id, Instant at) {
        return jdbc.sql("""
                update course_registration set status = 'CANCELLED', waitlisted_at = null, cancelled_at = :at
                where id = :id and status <> 'CANCELLED'""")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Gives a waitlisted registration its seat; false when it was not waitlisted (any more). */
    /** Gives a waitlisted registration its seat, with a second private link (by its hash) for the promotion mail. */
    boolean confirm(long id, Instant at, String promotionTokenHash) {
        return jdbc.sql("""
                update course_registration set status = 'CONFIRMED', waitlisted_at = null, confirmed_at = :at,
                    promotion_token_hash = :tokenHash
                where id = :id and status = 'WAITLISTED'""")
                .param("at", Timestamp.from(at)).param("tokenHash", promotionTokenHash).param("id", id).update() == 1;
    }

    void deletePersonalData(long id, Instant at) {
        jdbc.sql("""
                update course_registration set name = null, email = null, phone = null, personal_data_deleted_at = :at
                where id = :id and personal_data_deleted_at is null""")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Notes that the person answered "Did this help you?"; false when they had answered already. */
    boolean markFeedbackGiven(long id, Instant at) {
        return jdbc.sql("update course_registration set feedback_given_at = :at where id = :id and feedback_given_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    void log(long courseId, Long registrationId, String action, String actor) {
        jdbc.sql("insert into course_log (course_id, registration_id, action, actor) values (:course, :registration, :action, :actor)")
                .param("course", courseId).param("registration", registrationId).param("action", action)
                .param("actor", actor).update();
    }

    private Registration registrationRow(ResultSet rs, int i) throws SQLException {
        long position = rs.getLong("position");
        boolean hasPosition = !rs.wasNull();
        return new Registration(rs.getLong("id"), rs.getLong("course_id"), Registration.Status.valueOf(rs.getString("status")),
                hasPosition ? (int) position : null, rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("ui_language"), rs.getString("age_band"), rs.getString("gender"), rs.getString("stadtteil"),
                instant(rs, "created_at"), instant(rs, "cancelled_at"), instant(rs, "feedback_given_at"),
                instant(rs, "personal_data_deleted_at"), rs.getBoolean("promoted"));
    }

    private CourseRow courseRow(ResultSet rs, int i) throws SQLException {
        return new CourseRow(rs.getLong("id"), rs.getLong("lab_id"), rs.getString("status"), rs.getString("language"),
                rs.getString("level"), rs.getBoolean("technical"), rs.getInt("capacity"), rs.getInt("confirmed_count"),
                rs.getInt("waitlist"), instant(rs, "registration_opens_at"), instant(rs, "registration_closes_at"),
                rs.getBoolean("registration_closed"), rs.getString("room"), rs.getString("room_language"),
                rs.getString("online_url"),
                instant(rs, "cancelled_at"), instant(rs, "first_start"), instant(rs, "last_end"),
                rs.getInt("completion_percent"), rs.getString("title"), rs.getString("title_language"),
                rs.getString("summary"), rs.getString("summary_language"), rs.getString("notes"),
                rs.getString("notes_language"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
