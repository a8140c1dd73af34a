package eu.impactlab.privacy;

import eu.impactlab.platform.OnceAcrossInstances.DeletionRan;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records each deletion run's count, in the job's own transaction, so a run and its record commit together. */
@Component
class DeletionRuns {

    private final JdbcClient jdbc;

    DeletionRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void record(DeletionRan run) {
        jdbc.sql("insert into privacy_deletion_run (job, ran_at, deleted_count) values (?, ?, ?)")
                .params(run.job(), Timestamp.from(run.at()), run.count()).update();
    }

    record Run(String job, Instant at, int count) {
    }

    /** The latest runs, newest first; runs that deleted nothing are folded into the latest one per job. */
    List<Run> latest(int limit) {
        return jdbc.sql("""
                select job, ran_at, deleted_count from privacy_deletion_run r
                where deleted_count > 0 or ran_at = (select max(ran_at) from privacy_deletion_run x where x.job = r.job)
                order by ran_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Run(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3))).list();
    }
}
