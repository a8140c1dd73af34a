package eu.impactlab.courses;

import eu.impactlab.platform.OnceAcrossInstances;
import eu.impactlab.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes participants' names and contact data once the retention period after their course's last session is over
 * (impactlab.courses.retention); the anonymous facts stay for impact. Runs once at a time across app instances.
 */
@Component
class CourseRetentionJob implements PersonalData.DeletionJob {

    private static final Logger log = LoggerFactory.getLogger(CourseRetentionJob.class);
    static final String LOCK = "impactlab.courses.retention";

    private final JdbcClient jdbc;
    private final OnceAcrossInstances once;
    private final CoursesProperties properties;
    private final Clock clock;

    CourseRetentionJob(JdbcClient jdbc, OnceAcrossInstances once, CoursesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.once = once;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return LOCK;
    }

    @Scheduled(cron = "${impactlab.courses.retention-cron:0 25 * * * *}", zone = "Europe/Berlin")
    void scheduled() {
        deleteExpiredPersonalData();
    }

    /** @return how many registrations lost their personal data, or -1 when another instance is at it */
    int deleteExpiredPersonalData() {
        return deleteDue(clock.instant());
    }

    @Override
    public int deleteDue(Instant now) {
        int deleted = once.deletion(LOCK, () -> {
            var rows = jdbc.sql("""
                    update course_registration r set name = null, email = null, phone = null, personal_data_deleted_at = cast(:now as timestamptz)
                    where r.personal_data_deleted_at is null
                    and (select max(s.ends_at) from course_session s where s.course_id = r.course_id)
                        < cast(:now as timestamptz) - make_interval(secs => :seconds)
                    returning r.id, r.course_id""")
                    .param("seconds", properties.retention().toSeconds()).param("now", Timestamp.from(now))
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            rows.forEach(row -> jdbc.sql("""
                    insert into course_log (course_id, registration_id, action, actor)
                    values (?, ?, 'PERSONAL_DATA_EXPIRED', 'retention')""").params(row[1], row[0]).update());
            return rows.size();
        }).orElse(-1);
        if (deleted > 0) {
            log.info("Retention: deleted names and contact data of {} course registrations", deleted);
        }
        return deleted;
    }
}
