package eu.impactlab.partners;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the messages and notes of requests (they may name people), the decline texts, the assigned helpers and the user
 * names in their log and reach report once the retention period after the last change is over; the counts of the reach
 * report stay. A request still open after so long without a change is abandoned, so it goes the same way.
 * One instance at a time.
 */
@Component
class PartnerRetentionJob implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(PartnerRetentionJob.class);
    static final String LOCK = "impactlab.partners.retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final PartnersProperties properties;
    private final Clock clock;

    PartnerRetentionJob(JdbcClient jdbc, OnceAcrossInstances once, PartnersProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.partners.retention-cron:0 35 3 * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData(Instant.now(clock));
    }

    /** @return how many requests lost their messages, or -1 when another instance is at it */
    int deleteExpiredPersonalData(Instant now) {
        return deleteDue(now);
    }

    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(LOCK, () -> {
            var ids = jdbc.sql("""
                    select r.id from partner_request r
                    where r.personal_data_deleted_at is null
                      and coalesce((select max(l.at) from partner_request_log l where l.request_id = r.id), r.created_at) < :before
                    for update of r skip locked""")
                    .param("before", Timestamp.from(now.minus(properties.retention()))).query(Long.class).list();
            for (long id : ids) {
                jdbc.sql("delete from partner_message where request_id = ?").param(id).update();
                jdbc.sql("delete from partner_request_helper where request_id = ?").param(id).update();
                jdbc.sql("update partner_request_log set actor = null, actor_id = null where request_id = ?").param(id).update();
                jdbc.sql("update partner_reach_report set filed_by = null, filed_by_id = null where request_id = ?").param(id).update();
                jdbc.sql("""
                        update partner_request set personal_data_deleted_at = :now, decline_reason = null,
                            decline_alternative = null where id = :id""")
                        .param("now", Timestamp.from(now)).param("id", id).update();
                // the action names who deleted: the retention period, no person
                jdbc.sql("insert into partner_request_log (request_id, action, visible_to_partner, at) values (?, 'PERSONAL_DATA_EXPIRED', false, ?)")
                        .params(id, Timestamp.from(now)).update();
            }
            return ids.size();
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Partner retention: deleted messages and names of {} requests", deleted);
        }
        return deleted;
    }
}
