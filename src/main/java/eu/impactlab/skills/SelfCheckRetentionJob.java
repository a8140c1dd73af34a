package eu.impactlab.skills;

import eu.impactlab.platform.OnceAcrossInstances;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes self-checks that were never finished, with their answers, once they are older than
 * impactlab.skills.unfinished-retention (30 days). Runs once at a time across app instances.
 */
@Component
class SelfCheckRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(SelfCheckRetentionJob.class);
    static final String LOCK = "impactlab.skills.retention";

    private final SelfCheckStore store;
    private final OnceAcrossInstances once;
    private final Clock clock;
    private final Duration unfinishedRetention;

    SelfCheckRetentionJob(SelfCheckStore store, OnceAcrossInstances once, Clock clock,
            @Value("${impactlab.skills.unfinished-retention:30d}") Duration unfinishedRetention) {
        this.store = store;
        this.once = once;
        this.clock = clock;
        this.unfinishedRetention = unfinishedRetention;
    }

    @Scheduled(cron = "${impactlab.skills.retention-cron:0 35 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteUnfinished(Instant.now(clock));
    }

    /** @return how many unfinished checks were deleted, or -1 when another instance is at it */
    int deleteUnfinished(Instant now) {
        int deleted = once.run(LOCK, () -> store.deleteUnfinishedBefore(now.minus(unfinishedRetention))).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: deleted {} unfinished self-checks", deleted);
        }
        return deleted;
    }

    Duration unfinishedRetention() {
        return unfinishedRetention;
    }
}
