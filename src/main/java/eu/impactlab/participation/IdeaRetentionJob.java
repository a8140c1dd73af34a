package eu.impactlab.participation;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes nicknames and e-mail addresses of proposers and followers once the retention period after the idea's last
 * decision is over (impactlab.participation.retention), withdrawn and rejected ideas as a whole (their text was never
 * or is no longer public), contacts of ideas left waiting a year, and confirmation requests nobody confirmed within a
 * week; a public idea's text stays, without the name. Runs once at a time across app instances.
 */
@Component
class IdeaRetentionJob implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(IdeaRetentionJob.class);
    static final String LOCK = "impactlab.participation.retention";
    static final Duration UNCONFIRMED = Duration.ofDays(7);
    /** An idea nobody moderated, or whose proposer never answered the lab's question, for a year is abandoned. */
    static final Duration ABANDONED = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final ParticipationProperties properties;
    private final Clock clock;

    IdeaRetentionJob(JdbcClient jdbc, OnceAcrossInstances once, ParticipationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.participation.retention-cron:0 35 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteDue(Instant.now(clock));
    }

    /** @return how many ideas lost their proposer's data or were deleted, or -1 when another instance is at it */
    int deleteExpiredPersonalData(Instant now) {
        return deleteDue(now);
    }

    @Override
    public int deleteDue(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.retention()));
        Timestamp abandoned = Timestamp.from(now.minus(ABANDONED));
        int deleted = once.deletion(LOCK, () -> {
            // a merged idea points at its target, so a target is never deleted under it
            int removed = jdbc.sql("""
                    delete from idea i where i.state in ('WITHDRAWN', 'REJECTED') and i.last_decision_at < ?
                      and not exists (select 1 from idea m where m.merged_into = i.id)""")
                    .param(cutoff).update();
            var ids = jdbc.sql("""
                    update idea set nickname = null, email = null, personal_data_deleted_at = ?
                    where personal_data_deleted_at is null
                      and ((state not in ('PENDING', 'QUESTION') and last_decision_at < ?)
                        or (state in ('PENDING', 'QUESTION') and coalesce(last_decision_at, created_at) < ?))
                    returning id""")
                    .params(Timestamp.from(now), cutoff, abandoned).query(Long.class).list();
            ids.forEach(id -> jdbc.sql("insert into idea_log (idea_id, action, actor) values (?, 'PERSONAL_DATA_EXPIRED', 'retention')")
                    .param(id).update());
            jdbc.sql("""
                    delete from idea_follower f using idea i
                    where f.idea_id = i.id
                      and ((i.state not in ('PENDING', 'QUESTION') and i.last_decision_at < ?)
                        or (i.state in ('PENDING', 'QUESTION') and coalesce(i.last_decision_at, i.created_at) < ?))""")
                    .params(cutoff, abandoned).update();
            jdbc.sql("delete from idea_follower where confirmed_at is null and created_at < ?")
                    .param(Timestamp.from(now.minus(UNCONFIRMED))).update();
            jdbc.sql("delete from idea_confirmed_support where confirmed_at is null and created_at < ?")
                    .param(Timestamp.from(now.minus(UNCONFIRMED))).update();
            return removed + ids.size();
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: deleted the proposer's data of {} ideas", deleted);
        }
        return deleted;
    }
}
