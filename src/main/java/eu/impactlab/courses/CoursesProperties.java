package eu.impactlab.courses;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention     names and contact data of participants are deleted this long after the course's last session
 *                      (long enough to issue certificates)
 * @param retentionCron when the deletion job runs (Europe/Berlin)
 * @param pageSize      courses per page in the public catalogue
 */
@ConfigurationProperties("impactlab.courses")
record CoursesProperties(
        @DefaultValue("P90D") Duration retention,
        @DefaultValue("0 25 * * * *") String retentionCron,
        @DefaultValue("10") int pageSize) {

    long retentionDays() {
        return retention.toDays();
    }
}
