package eu.impactlab.privacy;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.platform.StaffAction;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail: who did what to which object, as account ids and non-personal values. Written inside the caller's
 * transaction, so the record and the change commit together; the app only inserts (a trigger refuses updates).
 */
@Component
class AuditTrail {

    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private final JdbcClient jdbc;
    private final AccountService accounts;

    AuditTrail(JdbcClient jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Modules that the privacy module depends on announce their changes instead of calling it. */
    @EventListener
    void on(StaffAction action) {
        record(action.username(), action.action(), action.objectType(), action.objectId(), action.labId(), action.details());
    }

    void record(String username, String action, String objectType, String objectId, Long labId, String details) {
        Long actor = username == null ? null : accounts.byUsername(username).map(AccountView::id).orElse(null);
        jdbc.sql("""
                insert into privacy_audit (actor_id, action, object_type, object_id, lab_id, details)
                values (:actor, :action, :type, :id, :lab, :details)""")
                .param("actor", actor).param("action", action).param("type", objectType).param("id", objectId)
                .param("lab", labId).param("details", details).update();
    }

    /** The account id of a username, for the filter; null when there is no such account. */
    Long actorId(String username) {
        return accounts.byUsername(username).map(AccountView::id).orElse(null);
    }

    record Entry(long id, Instant at, Long actorId, String actor, String action, String objectType, String objectId,
            Long labId, String details) {
    }

    /** Filters may be null; "to" includes the whole day. */
    List<Entry> find(Long actorId, String objectType, String objectId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                select id, at, actor_id, action, object_type, object_id, lab_id, details from privacy_audit
                where (cast(:actor as bigint) is null or actor_id = :actor)
                and (cast(:type as text) is null or object_type = :type)
                and (cast(:object as text) is null or object_id = :object)
                and (cast(:from as timestamptz) is null or at >= :from)
                and (cast(:to as timestamptz) is null or at < :to)
                order by at desc, id desc limit :limit""")
                .param("actor", actorId).param("type", objectType).param("object", objectId)
                .param("from", from == null ? null : Timestamp.from(from.atStartOfDay(BREMEN).toInstant()))
                .param("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(BREMEN).toInstant()))
                .param("limit", limit)
                .query((rs, i) -> {
                    Long actor = rs.getObject(3) == null ? null : rs.getLong(3);
                    return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), actor,
                            actor == null ? "–" : accounts.byId(actor).map(AccountView::username).orElse("#" + actor),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8));
                }).list();
    }
}
