package eu.impactlab.privacy;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit entries older than {@code impactlab.privacy.audit-retention} (default two years): long enough to answer
 * "who did this?" about any current record, not forever. Deleting is the only change the app makes to the trail.
 */
@Component
class AuditRetention implements PersonalData.DeletionJob {

    static final String LOCK = "impactlab.privacy.audit-retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final Clock clock;
    private final Duration retention;

    AuditRetention(JdbcClient jdbc, OnceAcrossInstances once, Clock clock,
            @Value("${impactlab.privacy.audit-retention:P730D}") Duration retention) {
        this.jdbc = jdbc;
        this.once = once;
        this.clock = clock;
        this.retention = retention;
    }

    long retentionDays() {
        return retention.toDays();
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.privacy.audit-retention-cron:0 50 3 * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteDue(Instant.now(clock));
    }

    @Override
    public int deleteDue(Instant now) {
        return once.deletion(LOCK, () -> jdbc.sql("delete from privacy_audit where at < ?")
                .param(Timestamp.from(now.minus(retention))).update()).orElse(-1);
    }
}
