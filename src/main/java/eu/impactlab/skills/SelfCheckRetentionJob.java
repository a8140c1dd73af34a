package eu.impactlab.skills;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes self-checks that were never finished, with their answers, after impactlab.skills.unfinished-retention (30
 * days); clears the private link and pair key of finished ones after impactlab.skills.finished-link-retention (180
 * days), so only anonymous answers stay; and empties staff's reasons for revoking a badge after
 * impactlab.skills.revocation-reason-retention (365 days). Runs once at a time across app instances.
 */
@Component
class SelfCheckRetentionJob implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(SelfCheckRetentionJob.class);
    static final String LOCK = "impactlab.skills.retention";

    private final SelfCheckStore store;
    private final OnceAcrossInstances once;
    private final Clock clock;
    private final Duration unfinishedRetention;
    private final Duration finishedLinkRetention;
    private final Duration revocationReasonRetention;

    SelfCheckRetentionJob(SelfCheckStore store, OnceAcrossInstances once, Clock clock,
            @Value("${impactlab.skills.unfinished-retention:30d}") Duration unfinishedRetention,
            @Value("${impactlab.skills.finished-link-retention:180d}") Duration finishedLinkRetention,
            @Value("${impactlab.skills.revocation-reason-retention:365d}") Duration revocationReasonRetention) {
        this.store = store;
        this.once = once;
        this.clock = clock;
        this.unfinishedRetention = unfinishedRetention;
        this.finishedLinkRetention = finishedLinkRetention;
        this.revocationReasonRetention = revocationReasonRetention;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.skills.retention-cron:0 35 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteDue(Instant.now(clock));
    }

    /** @return how many checks or badges lost personal data, or -1 when another instance is at it */
    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(LOCK, () -> store.deleteUnfinishedBefore(now.minus(unfinishedRetention))
                + store.clearLinksFinishedBefore(now.minus(finishedLinkRetention))
                + store.clearRevocationReasonsBefore(now.minus(revocationReasonRetention))).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: {} self-checks or badges lost personal data", deleted);
        }
        return deleted;
    }

    Duration unfinishedRetention() {
        return unfinishedRetention;
    }

    Duration finishedLinkRetention() {
        return finishedLinkRetention;
    }

    Duration revocationReasonRetention() {
        return revocationReasonRetention;
    }
}
