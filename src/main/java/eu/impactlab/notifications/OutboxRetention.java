package eu.impactlab.notifications;

import eu.impactlab.platform.OnceAcrossInstances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails hold addresses, names and private links: they are deleted a while after they were written, sent or not, so
 * the outbox never keeps personal data longer than the appointments it reports on. One instance at a time.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final String LOCK = "impactlab.notifications.retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final int retentionDays;

    OutboxRetention(JdbcClient jdbc, OnceAcrossInstances once,
            @Value("${impactlab.mail.retention-days:30}") int retentionDays) {
        this.jdbc = jdbc;
        this.once = once;
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "${impactlab.mail.retention-cron:0 45 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteOldMails();
    }

    /** @return how many mails were deleted, or -1 when another instance is at it */
    int deleteOldMails() {
        int deleted = once.run(LOCK, () -> jdbc.sql(
                "delete from mail_outbox where created_at < now() - make_interval(days => :days)")
                .param("days", retentionDays).update()).orElse(-1);
        if (deleted > 0) {
            log.info("Outbox: deleted {} mails older than {} days", deleted, retentionDays);
        }
        return deleted;
    }
}
