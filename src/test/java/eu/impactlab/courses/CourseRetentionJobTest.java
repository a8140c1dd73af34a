package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Participants' names and contact data go 90 days after the course's last session; anonymous facts stay. */
class CourseRetentionJobTest extends AbstractIntegrationTest {

    @Autowired
    CourseRetentionJob job;
    @Autowired
    Seats seats;
    @Autowired
    JdbcClient jdbc;

    @Test
    void personalDataIsDeletedAfterTheRetentionPeriodAndAnonymousFactsStay() {
        CourseFixtures fixtures = new CourseFixtures(jdbc);
        long old = fixtures.course("Lange her", 5, 30);
        long recent = fixtures.course("Kürzlich", 5, 30);
        long oldRegistration = register(old);
        long recentRegistration = register(recent);
        // The old course's last session ended 100 days ago, the recent one's 10 days ago.
        moveSessions(old, 130);
        moveSessions(recent, 40);

        assertThat(job.deleteExpiredPersonalData()).isPositive();

        var gone = jdbc.sql("select name, email, phone, age_band, gender, stadtteil, status, personal_data_deleted_at "
                + "from course_registration where id = ?").param(oldRegistration).query().singleRow();
        assertThat(gone.get("name")).isNull();
        assertThat(gone.get("email")).isNull();
        assertThat(gone.get("phone")).isNull();
        assertThat(gone.get("personal_data_deleted_at")).isNotNull();
        assertThat(gone).containsEntry("age_band", "FROM_45_TO_64").containsEntry("gender", "MALE")
                .containsEntry("stadtteil", "Vegesack").containsEntry("status", "CONFIRMED");
        assertThat(jdbc.sql("select name from course_registration where id = ?").param(recentRegistration)
                .query(String.class).single()).isEqualTo("Noch da");
        assertThat(jdbc.sql("select count(*) from course_log where registration_id = ? and action = 'PERSONAL_DATA_EXPIRED'")
                .param(oldRegistration).query(Long.class).single()).isEqualTo(1);
        assertThat(job.deleteExpiredPersonalData()).as("nothing left to delete").isZero();
    }

    @Test
    void onlyOneInstanceRunsTheJobAtATime() throws Exception {
        var pg = TestDatabase.server();
        try (Connection other = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/impactlab", "postgres", "")) {
            other.setAutoCommit(false);
            other.createStatement().execute("select pg_advisory_xact_lock(hashtext('" + CourseRetentionJob.LOCK + "'))");
            assertThat(job.deleteExpiredPersonalData()).as("another instance holds the lock").isEqualTo(-1);
            other.rollback();
        }
        assertThat(job.deleteExpiredPersonalData()).isGreaterThanOrEqualTo(0);
    }

    private long register(long course) {
        return ((RegistrationOutcome.Registered) seats.register(new RegistrationRequest(course, "Noch da", "da@example.org",
                "0421 555555", true, "FROM_45_TO_64", "MALE", "Vegesack", "de", null, "citizen"))).registration().id();
    }

    private void moveSessions(long course, int daysBack) {
        jdbc.sql("""
                update course_session set starts_at = starts_at - make_interval(days => ?), ends_at = ends_at - make_interval(days => ?)
                where course_id = ?""").params(daysBack, daysBack, course).update();
    }
}
