package eu.impactlab.courses;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes participants' names and contact data once the retention period after their course's last session is over
 * (impactlab.courses.retention); the anonymous facts stay for impact. A PostgreSQL advisory lock makes sure only one
 * app instance runs it at a time, however many share the database.
 */
@Component
class CourseRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(CourseRetentionJob.class);
    static final String LOCK = "impactlab.courses.retention";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CoursesProperties properties;

    CourseRetentionJob(JdbcClient jdbc, TransactionTemplate transactions, CoursesProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(cron = "${impactlab.courses.retention-cron:0 25 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData();
    }

    /** @return how many registrations lost their personal data, or -1 when another instance is at it */
    int deleteExpiredPersonalData() {
        Integer deleted = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return -1;
            }
            var rows = jdbc.sql("""
                    update course_registration r set name = null, email = null, phone = null, personal_data_deleted_at = now()
                    where r.personal_data_deleted_at is null
                    and (select max(s.ends_at) from course_session s where s.course_id = r.course_id)
                        < now() - make_interval(secs => :seconds)
                    returning r.id, r.course_id""")
                    .param("seconds", properties.retention().toSeconds())
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            rows.forEach(row -> jdbc.sql("""
                    insert into course_log (course_id, registration_id, action, actor)
                    values (?, ?, 'PERSONAL_DATA_EXPIRED', 'retention')""").params(row[1], row[0]).update());
            return rows.size();
        });
        if (deleted != null && deleted > 0) {
            log.info("Retention: deleted names and contact data of {} course registrations", deleted);
        }
        return deleted == null ? 0 : deleted;
    }
}
