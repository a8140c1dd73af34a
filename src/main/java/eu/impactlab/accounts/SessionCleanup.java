package eu.impactlab.accounts;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired sessions (Spring Session JDBC's tables) with their attributes, once across instances and recorded
 * like every deletion; it replaces Spring Session's own per-instance cleanup (spring.session.jdbc.cleanup-cron=-).
 * Spring Session already refuses an expired session when it is read, so the hour in between changes nothing for anyone.
 */
@Component
class SessionCleanup implements PersonalData.DeletionJob {

    static final String LOCK = "impactlab.accounts.sessions";
    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final Clock clock;

    SessionCleanup(JdbcClient jdbc, OnceAcrossInstances once, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.clock = clock;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.accounts.session-cleanup-cron:0 55 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteDue(clock.instant());
    }

    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(LOCK, () -> jdbc.sql("delete from spring_session where expiry_time < :now")
                .param("now", now.toEpochMilli()).update()).orElse(-1);
        if (deleted > 0) {
            log.info("Sessions: deleted {} expired sessions", deleted);
        }
        return deleted;
    }
}
