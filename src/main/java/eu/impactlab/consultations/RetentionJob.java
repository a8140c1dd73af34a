package eu.impactlab.consultations;

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
 * Deletes names and contact data of appointments once their retention period is over. A PostgreSQL advisory lock
 * makes sure only one app instance runs it at a time, however many share the database.
 */
@Component
class RetentionJob implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final String LOCK = "impactlab.consultations.retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final ConsultationsProperties properties;
    private final Clock clock;

    RetentionJob(JdbcClient jdbc, OnceAcrossInstances once, ConsultationsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.consultations.retention-cron:0 15 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData();
    }

    /** @return how many appointments lost their personal data, or -1 when another instance is at it */
    int deleteExpiredPersonalData() {
        return deleteDue(clock.instant());
    }

    @Override
    public int deleteDue(Instant now) {
        // one statement deletes and logs, however many appointments expired
        int deleted = once.deletion(LOCK, () -> jdbc.sql("""
                with expired as (
                    update appointment set name = null, email = null, phone = null, personal_data_deleted_at = cast(:now as timestamptz)
                    where personal_data_deleted_at is null and ends_at < cast(:now as timestamptz) - make_interval(days => :days)
                    returning id)
                insert into appointment_log (appointment_id, action, actor)
                select id, 'PERSONAL_DATA_EXPIRED', 'retention' from expired""")
                .param("days", properties.retentionDays()).param("now", Timestamp.from(now)).update()).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: deleted names and contact data of {} past appointments", deleted);
        }
        return deleted;
    }
}
