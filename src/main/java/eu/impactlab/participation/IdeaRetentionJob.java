package eu.impactlab.participation;

import eu.impactlab.platform.OnceAcrossInstances;
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
 * decision is over (impactlab.participation.retention), and confirmation requests nobody confirmed within a week;
 * the idea's text stays, without the name. Runs once at a time across app instances.
 */
@Component
class IdeaRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(IdeaRetentionJob.class);
    static final String LOCK = "impactlab.participation.retention";
    static final Duration UNCONFIRMED = Duration.ofDays(7);

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

    @Scheduled(cron = "${impactlab.participation.retention-cron:0 35 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData(Instant.now(clock));
    }

    /** @return how many ideas lost their proposer's data, or -1 when another instance is at it */
    int deleteExpiredPersonalData(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(properties.retention()));
        int deleted = once.run(LOCK, () -> {
            var ids = jdbc.sql("""
                    update idea set nickname = null, email = null, personal_data_deleted_at = ?
                    where personal_data_deleted_at is null and state not in ('PENDING', 'QUESTION')
                      and last_decision_at < ?
                    returning id""").params(Timestamp.from(now), cutoff).query(Long.class).list();
            ids.forEach(id -> jdbc.sql("insert into idea_log (idea_id, action, actor) values (?, 'PERSONAL_DATA_EXPIRED', 'retention')")
                    .param(id).update());
            jdbc.sql("""
                    delete from idea_follower f using idea i
                    where f.idea_id = i.id and i.state not in ('PENDING', 'QUESTION') and i.last_decision_at < ?""")
                    .param(cutoff).update();
            jdbc.sql("delete from idea_follower where confirmed_at is null and created_at < ?")
                    .param(Timestamp.from(now.minus(UNCONFIRMED))).update();
            jdbc.sql("delete from idea_confirmed_support where confirmed_at is null and created_at < ?")
                    .param(Timestamp.from(now.minus(UNCONFIRMED))).update();
            return ids.size();
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: deleted nicknames and addresses of {} ideas' proposers", deleted);
        }
        return deleted;
    }
}
