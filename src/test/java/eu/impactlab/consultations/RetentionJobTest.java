package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RetentionJobTest extends AbstractIntegrationTest {

    @Autowired
    RetentionJob job;
    @Autowired
    JdbcClient jdbc;

    @Test
    void namesAndContactsAreDeletedAfterTheRetentionPeriodAndAnonymousFactsStay() {
        long old = appointment("OL-D22", 40);
        long recent = appointment("RE-C33", 5);

        assertThat(job.deleteExpiredPersonalData()).isPositive();

        var oldRow = jdbc.sql("select name, email, phone, topic_key, personal_data_deleted_at from appointment where id = ?")
                .param(old).query().singleRow();
        assertThat(oldRow.get("name")).isNull();
        assertThat(oldRow.get("email")).isNull();
        assertThat(oldRow.get("phone")).isNull();
        assertThat(oldRow.get("topic_key")).isEqualTo("jobs");
        assertThat(oldRow.get("personal_data_deleted_at")).isNotNull();
        assertThat(jdbc.sql("select email from appointment where id = ?").param(recent).query(String.class).single())
                .isEqualTo("someone@example.org");
        assertThat(job.deleteExpiredPersonalData()).as("nothing left to delete").isZero();
    }

    @Test
    void onlyOneInstanceRunsTheJobAtATime() throws Exception {
        var pg = TestDatabase.server();
        try (Connection other = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/impactlab", "postgres", "")) {
            other.setAutoCommit(false);
            other.createStatement().execute("select pg_advisory_xact_lock(hashtext('" + RetentionJob.LOCK + "'))");
            assertThat(job.deleteExpiredPersonalData()).as("another instance holds the lock").isEqualTo(-1);
            other.rollback();
        }
        assertThat(job.deleteExpiredPersonalData()).isGreaterThanOrEqualTo(0);
    }

    private long appointment(String code, int daysAgo) {
        long helper = jdbc.sql("select helper_id from helper_availability limit 1").query(Long.class).single();
        long lab = jdbc.sql("select lab_id from helper_availability limit 1").query(Long.class).single();
        return jdbc.sql("""
                insert into appointment (code, lab_id, helper_id, topic_key, language, mode, starts_at, ends_at, status, name,
                    email, phone, ui_language, manage_token_hash)
                values (:code, :lab, :helper, 'jobs', 'de', 'IN_PERSON', now() - make_interval(days => :days) - interval '1 hour',
                    now() - make_interval(days => :days), 'DONE', 'Alte Buchung', 'someone@example.org', '0421 555', 'de', md5(:code))
                returning id""").param("code", code).param("lab", lab).param("helper", helper).param("days", daysAgo)
                .query(Long.class).single();
    }
}
