package eu.impactlab.consultations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for topics, helpers' skills and availability, and appointments; clearer as SQL than as entities. */
@Repository
class ConsultationStore {

    private final JdbcClient jdbc;

    ConsultationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- topics ---

    List<TopicView> topics(String language) {
        return jdbc.sql("""
                select t.key, coalesce(wanted.title, german.title) as title, t.typical_minutes
                from topic t
                join topic_title german on german.topic_key = t.key and german.language = 'de'
                left join topic_title wanted on wanted.topic_key = t.key and wanted.language = :language
                where t.active order by t.position""")
                .param("language", language)
                .query((rs, i) -> new TopicView(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    // --- helpers ---

    record Availability(long helperId, int dayOfWeek, LocalTime starts, LocalTime ends, Set<Mode> modes) {
    }

    record Absence(long helperId, LocalDate startsOn, LocalDate endsOn) {
    }

    record Busy(long helperId, Instant startsAt, Instant endsAt) {
    }

    /** Helpers who know the topic and speak the language and have weekly hours at the lab. */
    List<Long> matchingHelpers(long labId, String topicKey, String language) {
        return jdbc.sql("""
                select distinct a.helper_id from helper_availability a
                join helper_topic t on t.helper_id = a.helper_id and t.topic_key = :topic
                join helper_language l on l.helper_id = a.helper_id and l.language = :language
                where a.lab_id = :lab order by a.helper_id""")
                .param("lab", labId).param("topic", topicKey).param("language", language)
                .query(Long.class).list();
    }

    /** Whether any helper at any lab speaks this language (to tell "no one speaks it" from "no time free"). */
    boolean anyHelperSpeaks(String language) {
        return jdbc.sql("select exists (select 1 from helper_language where language = :language)")
                .param("language", language).query(Boolean.class).single();
    }

    List<Availability> availability(long labId, Collection<Long> helperIds) {
        if (helperIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select helper_id, day_of_week, starts, ends, in_person, phone, video from helper_availability
                where lab_id = :lab and helper_id in (:helpers)""")
                .param("lab", labId).param("helpers", helperIds)
                .query((rs, i) -> {
                    Set<Mode> modes = EnumSet.noneOf(Mode.class);
                    if (rs.getBoolean("in_person")) modes.add(Mode.IN_PERSON);
                    if (rs.getBoolean("phone")) modes.add(Mode.PHONE);
                    if (rs.getBoolean("video")) modes.add(Mode.VIDEO);
                    return new Availability(rs.getLong("helper_id"), rs.getInt("day_of_week"),
                            rs.getTime("starts").toLocalTime(), rs.getTime("ends").toLocalTime(), modes);
                })
                .list();
    }

    List<Absence> absences(Collection<Long> helperIds, LocalDate from, LocalDate to) {
        if (helperIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select helper_id, starts_on, ends_on from helper_absence
                where helper_id in (:helpers) and starts_on <= :to and ends_on >= :from""")
                .param("helpers", helperIds).param("from", from).param("to", to)
                .query((rs, i) -> new Absence(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()))
                .list();
    }

    /** Appointments that keep helpers busy in a period, at any lab. */
    List<Busy> busy(Collection<Long> helperIds, Instant from, Instant to) {
        if (helperIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select helper_id, starts_at, ends_at from appointment
                where helper_id in (:helpers) and status <> 'CANCELLED' and starts_at < :to and ends_at > :from""")
                .param("helpers", helperIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Busy(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** How many appointments each of these helpers has that day, in one query (helpers without any are left out). */
    Map<Long, Long> appointmentsOn(Collection<Long> helperIds, Instant dayStart, Instant dayEnd) {
        if (helperIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                select helper_id, count(*) from appointment where helper_id in (:helpers) and status <> 'CANCELLED'
                and starts_at >= :from and starts_at < :to group by helper_id""")
                .param("helpers", helperIds).param("from", Timestamp.from(dayStart)).param("to", Timestamp.from(dayEnd))
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /**
     * The helpers who could take one appointment: they know the topic, speak the language, work at the lab for the whole
     * time in that way of meeting, are not away that day and hold no appointment then; those with the fewest
     * appointments that day first. One statement instead of loading a whole day's plans; the exclusion constraint still
     * decides who gets a contested time.
     */
    List<Long> helpersFreeAt(long labId, String topicKey, String language, Mode mode, LocalDate date, LocalTime from,
            LocalTime to, Instant start, Instant end, Instant dayStart, Instant dayEnd) {
        String offers = switch (mode) {
            case IN_PERSON -> "a.in_person";
            case PHONE -> "a.phone";
            case VIDEO -> "a.video";
        };
        return jdbc.sql("""
                select a.helper_id from helper_availability a
                join helper_topic t on t.helper_id = a.helper_id and t.topic_key = :topic
                join helper_language l on l.helper_id = a.helper_id and l.language = :language
                where a.lab_id = :lab and a.day_of_week = :weekday and a.starts <= :from and a.ends >= :to and %s
                and not exists (select 1 from helper_absence x
                    where x.helper_id = a.helper_id and x.starts_on <= :date and x.ends_on >= :date)
                and not exists (select 1 from appointment b
                    where b.helper_id = a.helper_id and b.status <> 'CANCELLED' and b.starts_at < :end and b.ends_at > :start)
                group by a.helper_id
                order by (select count(*) from appointment d where d.helper_id = a.helper_id and d.status <> 'CANCELLED'
                    and d.starts_at >= :dayStart and d.starts_at < :dayEnd), a.helper_id""".formatted(offers))
                .param("lab", labId).param("topic", topicKey).param("language", language)
                .param("weekday", date.getDayOfWeek().getValue()).param("from", from).param("to", to).param("date", date)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("dayStart", Timestamp.from(dayStart)).param("dayEnd", Timestamp.from(dayEnd))
                .query(Long.class).list();
    }

    // --- appointments ---

    record NewAppointment(String code, long labId, long helperId, String topicKey, String language, Mode mode,
            Instant startsAt, Instant endsAt, String name, String email, String phone, String uiLanguage,
            String meetingUrl, String manageTokenHash, String idempotencyKey, String idempotencyRequestHash) {
    }

    long insert(NewAppointment a) {
        return jdbc.sql("""
                insert into appointment (code, lab_id, helper_id, topic_key, language, mode, starts_at, ends_at, name,
                    email, phone, ui_language, meeting_url, manage_token_hash, idempotency_key, idempotency_request_hash)
                values (:code, :lab, :helper, :topic, :language, :mode, :starts, :ends, :name, :email, :phone,
                    :uiLanguage, :meetingUrl, :tokenHash, :idempotencyKey, :requestHash)
                returning id""")
                .param("code", a.code()).param("lab", a.labId()).param("helper", a.helperId())
                .param("topic", a.topicKey()).param("language", a.language()).param("mode", a.mode().name())
                .param("starts", Timestamp.from(a.startsAt())).param("ends", Timestamp.from(a.endsAt()))
                .param("name", a.name()).param("email", a.email()).param("phone", a.phone())
                .param("uiLanguage", a.uiLanguage()).param("meetingUrl", a.meetingUrl())
                .param("tokenHash", a.manageTokenHash()).param("idempotencyKey", a.idempotencyKey())
                .param("requestHash", a.idempotencyRequestHash())
                .query(Long.class).single();
    }

    void log(long appointmentId, String action, String actor) {
        jdbc.sql("insert into appointment_log (appointment_id, action, actor) values (:id, :action, :actor)")
                .param("id", appointmentId).param("action", action).param("actor", actor).update();
    }

    record Row(long id, String code, long labId, long helperId, String topicKey, String language, Mode mode,
            Instant startsAt, Instant endsAt, String status, String name, String email, String phone, String uiLanguage,
            String meetingUrl, Instant cancelledAt, Instant personalDataDeletedAt, Instant outcomeRecordedAt, int sequence,
            boolean feedbackGiven) {
    }

    private static final String SELECT_ROW = """
            select id, code, lab_id, helper_id, topic_key, language, mode, starts_at, ends_at, status, name, email, phone,
                ui_language, meeting_url, cancelled_at, personal_data_deleted_at, outcome_recorded_at, sequence,
                feedback_given_at is not null as feedback_given from appointment""";

    Optional<Row> byTokenHash(String tokenHash) {
        return jdbc.sql(SELECT_ROW + " where manage_token_hash = :hash").param("hash", tokenHash).query(this::row).optional();
    }

    /** The appointment an idempotency key made, with the hash of the request that came with the key. */
    record KeyUse(long appointmentId, String requestHash, Instant createdAt) {
    }

    Optional<KeyUse> keyUse(String key) {
        return jdbc.sql("select id, idempotency_request_hash, created_at from appointment where idempotency_key = :key")
                .param("key", key)
                .query((rs, i) -> new KeyUse(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Frees an expired key, so it may make a new booking. */
    void forgetIdempotencyKey(long id) {
        jdbc.sql("update appointment set idempotency_key = null, idempotency_request_hash = null where id = :id")
                .param("id", id).update();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT_ROW + " where id = :id").param("id", id).query(this::row).optional();
    }

    /** Cancels a booked appointment; false when it was not booked any more. */
    boolean cancel(long id) {
        return jdbc.sql("update appointment set status = 'CANCELLED', cancelled_at = now() where id = :id and status = 'BOOKED'")
                .param("id", id).update() == 1;
    }

    /** Booked appointments at a lab, or of a helper, starting in a period, in time order. */
    List<Row> booked(Long labId, Long helperId, Instant from, Instant to) {
        return jdbc.sql(SELECT_ROW + " " + """
                 where status = 'BOOKED' and (cast(:lab as bigint) is null or lab_id = :lab)
                   and (cast(:helper as bigint) is null or helper_id = :helper)
                   and starts_at >= :from and starts_at < :to order by starts_at, id""")
                .param("lab", labId).param("helper", helperId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::row).list();
    }

    /** A helper's appointments starting in a period, at any lab, cancelled ones included, in time order. */
    List<Row> ofHelper(long helperId, Instant from, Instant to) {
        return jdbc.sql(SELECT_ROW + " where helper_id = :helper and starts_at >= :from and starts_at < :to order by starts_at, id")
                .param("helper", helperId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::row).list();
    }

    /** Notes that the citizen answered the feedback question; false when it was answered before or the help did not happen. */
    boolean markFeedbackGiven(long id) {
        return jdbc.sql("update appointment set feedback_given_at = now() where id = :id and status = 'DONE' and feedback_given_at is null")
                .param("id", id).update() == 1;
    }

    /** Moves an appointment from one status to the next; false when it was not in that status any more. */
    boolean changeStatus(long id, String from, String to) {
        return jdbc.sql("update appointment set status = :to where id = :id and status = :from")
                .param("id", id).param("from", from).param("to", to).update() == 1;
    }

    /** Marks that the appointment's outcome is recorded; false when it was already (or it is not done). */
    boolean markOutcomeRecorded(long id, Instant at) {
        return jdbc.sql("""
                update appointment set outcome_recorded_at = :at
                where id = :id and status = 'DONE' and outcome_recorded_at is null""")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Moves a booked appointment to another time and helper; false when it is not booked any more. */
    boolean move(long id, long helperId, Instant startsAt, Instant endsAt) {
        return jdbc.sql("""
                update appointment set helper_id = :helper, starts_at = :starts, ends_at = :ends, sequence = sequence + 1,
                    reminder_sent_at = null where id = :id and status = 'BOOKED'""")
                .param("helper", helperId).param("starts", Timestamp.from(startsAt)).param("ends", Timestamp.from(endsAt))
                .param("id", id).update() == 1;
    }

    void deletePersonalData(long id) {
        jdbc.sql("""
                update appointment set name = null, email = null, phone = null, personal_data_deleted_at = now()
                where id = :id""").param("id", id).update();
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        Timestamp deleted = rs.getTimestamp("personal_data_deleted_at");
        Timestamp outcome = rs.getTimestamp("outcome_recorded_at");
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getLong("lab_id"), rs.getLong("helper_id"),
                rs.getString("topic_key"), rs.getString("language"), Mode.valueOf(rs.getString("mode")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("status"),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("ui_language"),
                rs.getString("meeting_url"), cancelled == null ? null : cancelled.toInstant(),
                deleted == null ? null : deleted.toInstant(), outcome == null ? null : outcome.toInstant(), rs.getInt("sequence"),
                rs.getBoolean("feedback_given"));
    }
}
