package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expired sessions leave the database with their attributes; live ones stay. */
class SessionCleanupTest extends AbstractIntegrationTest {

    @Autowired
    SessionCleanup cleanup;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void expiredSessionsAreDeletedWithTheirAttributesAndLiveOnesStay() {
        long now = clock.millis();
        session("cleanup-expired-000000000000000000", now - 1_000);
        session("cleanup-live-00000000000000000000", now + Duration.ofHours(8).toMillis());

        assertThat(cleanup.deleteDue(clock.instant())).isPositive();
        assertThat(jdbc.sql("select count(*) from spring_session where primary_id like 'cleanup-expired%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where session_primary_id like 'cleanup-expired%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from spring_session where primary_id like 'cleanup-live%'").query(Long.class).single()).isOne();

        assertThat(cleanup.deleteDue(clock.instant().plus(Duration.ofHours(9)))).as("8 hours later").isPositive();
        assertThat(jdbc.sql("select count(*) from spring_session where primary_id like 'cleanup-%'").query(Long.class).single()).isZero();
    }

    private void session(String id, long expiry) {
        jdbc.sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval,
                    expiry_time, principal_name) values (:id, :id, 0, 0, 28800, :expiry, 'cleanup')""")
                .param("id", id).param("expiry", expiry).update();
        jdbc.sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) values (?, 'a', '\\x00')")
                .param(id).update();
    }
}
