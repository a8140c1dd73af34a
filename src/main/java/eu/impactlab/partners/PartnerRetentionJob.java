package eu.impactlab.partners;

import eu.impactlab.platform.OnceAcrossInstances;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the messages and notes of finished requests (they may name people) and the user names in their log once the
 * retention period after the last change is over; the counts of the reach report stay. One instance at a time.
 */
@Component
class PartnerRetentionJob {

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

    @Scheduled(cron = "${impactlab.partners.retention-cron:0 35 3 * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData(Instant.now(clock));
    }

    /** @return how many requests lost their messages, or -1 when another instance is at it */
    int deleteExpiredPersonalData(Instant now) {
        int deleted = once.run(LOCK, () -> {
            var ids = jdbc.sql("""
                    select r.id from partner_request r
                    where r.personal_data_deleted_at is null
                      and r.state in ('REPORTED', 'DECLINED', 'WITHDRAWN', 'CANCELLED')
                      and (select max(l.at) from partner_request_log l where l.request_id = r.id) < :before
                    for update of r skip locked""")
                    .param("before", Timestamp.from(now.minus(properties.retention()))).query(Long.class).list();
            for (long id : ids) {
                jdbc.sql("delete from partner_message where request_id = ?").param(id).update();
                jdbc.sql("delete from partner_request_helper where request_id = ?").param(id).update();
                jdbc.sql("update partner_request_log set actor = '-' where request_id = ?").param(id).update();
                jdbc.sql("""
                        update partner_request set personal_data_deleted_at = :now, decline_reason = case when decline_reason
                            is null then null else '-' end, decline_alternative = case when decline_alternative is null
                            then null else '-' end where id = :id""")
                        .param("now", Timestamp.from(now)).param("id", id).update();
                jdbc.sql("insert into partner_request_log (request_id, action, actor, visible_to_partner, at) values (?, 'PERSONAL_DATA_EXPIRED', 'retention', false, ?)")
                        .params(id, Timestamp.from(now)).update();
            }
            return ids.size();
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Partner retention: deleted messages and names of {} finished requests", deleted);
        }
        return deleted;
    }
}
