package eu.impactlab.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the partners module; the service decides, this reads and writes rows. */
@Repository
class PartnerStore {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    /** A request's row before the due dates are worked out. */
    record Row(long id, long organisationId, String organisationName, String organisationStadtteil, long labId,
            String kind, String topic, int groupSize, String ageBands, String languages, String accessibility,
            String place, String deviceType, Integer deviceCount, LocalDate loanFrom, LocalDate loanUntil,
            RequestState state, boolean waitingForPartner, Instant proposedStart, Instant proposedEnd,
            Instant scheduledStart, Instant scheduledEnd, int calendarSequence, Instant firstReplyAt,
            Instant dateProposedAt, String declineReason, String declineAlternative, String cancelReason,
            Long courseId, Integer feedbackScore, long createdBy, Instant createdAt, Instant deliveredAt) {
    }

    record Message(long id, Long authorId, boolean fromLab, boolean internal, String body, ZonedDateTime at) {
    }

    record LogEntry(String action, String fromState, String toState, String actor, boolean visibleToPartner,
            ZonedDateTime at) {
    }

    record Organisation(long id, String name, String kind, String stadtteil, long labId) {
    }

    record Member(long accountId, long organisationId, String language) {
    }

    private static final String SELECT = """
            select r.*, o.name as org_name, o.stadtteil as org_stadtteil from partner_request r
            join partner_organisation o on o.id = r.organisation_id""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PartnerStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
    }

    Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(PartnerStore::row).optional();
    }

    Optional<Row> byIdForUpdate(long id) {
        return jdbc.sql(SELECT + " where r.id = ? for update of r").param(id).query(PartnerStore::row).optional();
    }

    List<Row> ofOrganisation(long organisationId) {
        return jdbc.sql(SELECT + " where r.organisation_id = ? order by r.created_at desc, r.id desc")
                .param(organisationId).query(PartnerStore::row).list();
    }

    List<Row> ofLab(long labId) {
        return jdbc.sql(SELECT + " where r.lab_id = ? and r.state not in ('REPORTED', 'DECLINED', 'WITHDRAWN', 'CANCELLED')")
                .param(labId).query(PartnerStore::row).list();
    }

    List<Row> inStates(Collection<String> states) {
        return jdbc.sql(SELECT + " where r.state in (:states) order by r.id").param("states", states)
                .query(PartnerStore::row).list();
    }

    Map<Long, List<RequestView.DateRange>> preferredDates(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select request_id, starts_at, ends_at from partner_request_date where request_id in (:ids) "
                        + "order by request_id, position").param("ids", requestIds)
                .query((rs, n) -> Map.entry(rs.getLong("request_id"), new RequestView.DateRange(
                        zoned(rs.getTimestamp("starts_at")), zoned(rs.getTimestamp("ends_at")))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    Map<Long, List<WorkingDays.Pause>> pauses(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select request_id, from_at, until_at from partner_request_pause where request_id in (:ids)")
                .param("ids", requestIds)
                .query((rs, n) -> Map.entry(rs.getLong("request_id"), new WorkingDays.Pause(
                        zoned(rs.getTimestamp("from_at")).toLocalDate(),
                        rs.getTimestamp("until_at") == null ? null : zoned(rs.getTimestamp("until_at")).toLocalDate())))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    Optional<Instant> openPauseSince(long requestId) {
        return jdbc.sql("select from_at from partner_request_pause where request_id = ? and until_at is null")
                .param(requestId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    void startPause(long requestId, Instant at) {
        jdbc.sql("""
                insert into partner_request_pause (request_id, from_at) values (?, ?)
                on conflict (request_id) where until_at is null do nothing""")
                .params(requestId, Timestamp.from(at)).update();
    }

    void endPause(long requestId, Instant at) {
        jdbc.sql("update partner_request_pause set until_at = ? where request_id = ? and until_at is null")
                .params(Timestamp.from(at), requestId).update();
    }

    List<Message> messages(long requestId, boolean withInternal) {
        return jdbc.sql("select * from partner_message where request_id = ? " + (withInternal ? "" : "and not internal ")
                        + "order by created_at, id").param(requestId)
                .query((rs, n) -> new Message(rs.getLong("id"), (Long) rs.getObject("author_id"), rs.getBoolean("from_lab"),
                        rs.getBoolean("internal"), rs.getString("body"), zoned(rs.getTimestamp("created_at"))))
                .list();
    }

    void addMessage(long requestId, long authorId, boolean fromLab, boolean internal, String body, Instant at) {
        jdbc.sql("insert into partner_message (request_id, author_id, from_lab, internal, body, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(requestId, authorId, fromLab, internal, body, Timestamp.from(at)).update();
    }

    List<LogEntry> log(long requestId, boolean onlyVisible) {
        // Staff are account ids in the log: their current user name, none once the account is erased.
        return jdbc.sql("select l.*, coalesce(a.username, l.actor) as actor_name from partner_request_log l "
                        + "left join account a on a.id = l.actor_id where l.request_id = ? "
                        + (onlyVisible ? "and l.visible_to_partner " : "") + "order by l.at, l.id").param(requestId)
                .query((rs, n) -> new LogEntry(rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"),
                        rs.getString("actor_name"), rs.getBoolean("visible_to_partner"), zoned(rs.getTimestamp("at"))))
                .list();
    }

    void log(long requestId, String action, RequestState from, RequestState to, String actor, boolean visible, Instant at) {
        jdbc.sql("""
                insert into partner_request_log (request_id, action, from_state, to_state, actor, visible_to_partner, at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, action, from == null ? null : from.name(), to == null ? null : to.name(), actor, visible,
                        Timestamp.from(at)).update();
        // Every step by an account (staff or partner) also goes into the platform's audit trail, in the same transaction.
        if (actor != null) {
            String audited = "REQUEST_" + action;
            events.publishEvent(new StaffAction(actor, audited.substring(0, Math.min(40, audited.length())), "partner-request",
                    String.valueOf(requestId), null, from == null && to == null ? null : from + " → " + to));
        }
    }

    /** Moves the state only from the state the service saw; false when someone else changed it meanwhile. */
    boolean moveState(long id, RequestState from, RequestState to) {
        return jdbc.sql("update partner_request set state = ?, version = version + 1 where id = ? and state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    void update(long id, String assignments, Map<String, Object> params) {
        var spec = jdbc.sql("update partner_request set " + assignments + ", version = version + 1 where id = :id")
                .param("id", id);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    List<Long> helpers(long requestId) {
        return jdbc.sql("select account_id from partner_request_helper where request_id = ? order by account_id")
                .param(requestId).query(Long.class).list();
    }

    void setHelpers(long requestId, Collection<Long> accountIds) {
        jdbc.sql("delete from partner_request_helper where request_id = ?").param(requestId).update();
        for (long account : accountIds) {
            jdbc.sql("insert into partner_request_helper (request_id, account_id) values (?, ?)").params(requestId, account).update();
        }
    }

    Optional<Member> member(long accountId) {
        return jdbc.sql("select account_id, organisation_id, language from partner_member where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    List<Member> membersOf(long organisationId) {
        return jdbc.sql("select account_id, organisation_id, language from partner_member where organisation_id = ? order by account_id")
                .param(organisationId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
    }

    Optional<Organisation> organisation(long id) {
        return jdbc.sql("select id, name, kind, stadtteil, lab_id from partner_organisation where id = ?").param(id)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).optional();
    }

    List<Organisation> organisationsOfLabs(Collection<Long> labIds) {
        if (labIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, kind, stadtteil, lab_id from partner_organisation where lab_id in (:labs) order by lower(name)")
                .param("labs", labIds)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
    }

    Optional<Organisation> organisationByName(String name) {
        return jdbc.sql("select id, name, kind, stadtteil, lab_id from partner_organisation where lower(name) = lower(?)")
                .param(name)
                .query((rs, n) -> new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).optional();
    }

    long insertOrganisation(String name, String kind, String stadtteil, long labId) {
        return jdbc.sql("insert into partner_organisation (name, kind, stadtteil, lab_id) values (?, ?, ?, ?) returning id")
                .params(name, kind, stadtteil, labId).query(Long.class).single();
    }

    void insertMember(long accountId, long organisationId, String language, String invitedBy) {
        jdbc.sql("insert into partner_member (account_id, organisation_id, language, invited_by) values (?, ?, ?, ?)")
                .params(accountId, organisationId, language, invitedBy).update();
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static ZonedDateTime zoned(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(BREMEN);
    }

    static ZonedDateTime zoned(Instant t) {
        return t == null ? null : t.atZone(BREMEN);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("org_name"),
                rs.getString("org_stadtteil"), rs.getLong("lab_id"), rs.getString("kind"), rs.getString("topic"),
                rs.getInt("group_size"), rs.getString("age_bands"), rs.getString("languages"), rs.getString("accessibility"),
                rs.getString("place"), rs.getString("device_type"), (Integer) rs.getObject("device_count"),
                rs.getObject("loan_from", LocalDate.class), rs.getObject("loan_until", LocalDate.class),
                RequestState.valueOf(rs.getString("state")), rs.getBoolean("waiting_for_partner"),
                instant(rs.getTimestamp("proposed_start")), instant(rs.getTimestamp("proposed_end")),
                instant(rs.getTimestamp("scheduled_start")), instant(rs.getTimestamp("scheduled_end")),
                rs.getInt("calendar_sequence"), instant(rs.getTimestamp("first_reply_at")),
                instant(rs.getTimestamp("date_proposed_at")), rs.getString("decline_reason"),
                rs.getString("decline_alternative"), rs.getString("cancel_reason"), (Long) rs.getObject("course_id"),
                rs.getObject("feedback_score") == null ? null : rs.getInt("feedback_score"), rs.getLong("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("delivered_at")));
    }

    static <T> List<T> list(Collection<T> c) {
        return new ArrayList<>(c);
    }
}
