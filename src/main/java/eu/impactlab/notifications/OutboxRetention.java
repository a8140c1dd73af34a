package eu.impactlab.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails hold addresses, names and private links: they are deleted a while after they were written, sent or not, so
 * the outbox never keeps personal data longer than the appointments it reports on. One instance at a time.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final String LOCK = "impactlab.notifications.retention";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int retentionDays;

    OutboxRetention(JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${impactlab.mail.retention-days:30}") int retentionDays) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "${impactlab.mail.retention-cron:0 45 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteOldMails();
    }

    /** @return how many mails were deleted, or -1 when another instance is at it */
    int deleteOldMails() {
        Integer deleted = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return -1;
            }
            return jdbc.sql("delete from mail_outbox where created_at < now() - make_interval(days => :days)")
                    .param("days", retentionDays).update();
        });
        if (deleted != null && deleted > 0) {
            log.info("Outbox: deleted {} mails older than {} days", deleted, retentionDays);
        }
        return deleted == null ? 0 : deleted;
    }
}
