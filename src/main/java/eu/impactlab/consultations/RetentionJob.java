package eu.impactlab.consultations;

import eu.impactlab.platform.OnceAcrossInstances;
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
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final String LOCK = "impactlab.consultations.retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final ConsultationsProperties properties;

    RetentionJob(JdbcClient jdbc, OnceAcrossInstances once, ConsultationsProperties properties) {
        this.jdbc = jdbc;
        this.once = once;
        this.properties = properties;
    }

    @Scheduled(cron = "${impactlab.consultations.retention-cron:0 15 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData();
    }

    /** @return how many appointments lost their personal data, or -1 when another instance is at it */
    int deleteExpiredPersonalData() {
        // one statement deletes and logs, however many appointments expired
        int deleted = once.run(LOCK, () -> jdbc.sql("""
                with expired as (
                    update appointment set name = null, email = null, phone = null, personal_data_deleted_at = now()
                    where personal_data_deleted_at is null and ends_at < now() - make_interval(days => :days)
                    returning id)
                insert into appointment_log (appointment_id, action, actor)
                select id, 'PERSONAL_DATA_EXPIRED', 'retention' from expired""")
                .param("days", properties.retentionDays()).update()).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: deleted names and contact data of {} past appointments", deleted);
        }
        return deleted;
    }
}
