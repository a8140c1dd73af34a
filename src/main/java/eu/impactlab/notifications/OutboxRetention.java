package eu.impactlab.notifications;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
class OutboxRetention implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final String LOCK = "impactlab.notifications.retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final int retentionDays;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, OnceAcrossInstances once,
            @Value("${impactlab.mail.retention-days:30}") int retentionDays, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.mail.retention-cron:0 45 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteOldMails();
    }

    /** @return how many mails were deleted, or -1 when another instance is at it */
    int deleteOldMails() {
        return deleteDue(clock.instant());
    }

    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(LOCK, () -> jdbc.sql(
                "delete from mail_outbox where created_at < cast(:now as timestamptz) - make_interval(days => :days)")
                .param("days", retentionDays).param("now", Timestamp.from(now)).update()).orElse(-1);
        if (deleted > 0) {
            log.info("Outbox: deleted {} mails older than {} days", deleted, retentionDays);
        }
        return deleted;
    }
}
