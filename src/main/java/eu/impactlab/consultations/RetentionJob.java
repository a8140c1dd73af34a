package eu.impactlab.consultations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes names and contact data of appointments once their retention period is over. A PostgreSQL advisory lock
 * makes sure only one app instance runs it at a time, however many share the database.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    static final String LOCK = "impactlab.consultations.retention";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ConsultationsProperties properties;

    RetentionJob(JdbcClient jdbc, TransactionTemplate transactions, ConsultationsProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(cron = "${impactlab.consultations.retention-cron:0 15 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData();
    }

    /** @return how many appointments lost their personal data, or -1 when another instance is at it */
    int deleteExpiredPersonalData() {
        Integer deleted = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return -1;
            }
            var ids = jdbc.sql("""
                    update appointment set name = null, email = null, phone = null, personal_data_deleted_at = now()
                    where personal_data_deleted_at is null and ends_at < now() - make_interval(days => :days)
                    returning id""").param("days", properties.retentionDays()).query(Long.class).list();
            ids.forEach(id -> jdbc.sql("insert into appointment_log (appointment_id, action, actor) values (?, 'PERSONAL_DATA_EXPIRED', 'retention')")
                    .param(id).update());
            return ids.size();
        });
        if (deleted != null && deleted > 0) {
            log.info("Retention: deleted names and contact data of {} past appointments", deleted);
        }
        return deleted == null ? 0 : deleted;
    }
}
