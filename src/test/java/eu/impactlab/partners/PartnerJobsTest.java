package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Each reminder goes out once, even with two instances at it; messages of finished requests are deleted in time. */
class PartnerJobsTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PartnerReminderJob reminders;
    @Autowired
    PartnerRetentionJob retention;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void thePartnerIsRemindedOnceAfterFiveWorkingDaysWarnedAtFifteenAndTheRequestWithdrawnAtTwenty() throws Exception {
        String email = "waiting-" + System.nanoTime() + "@example.org";
        long account = partnerAccount(email);
        long id = waitingRequest(account, Instant.now());
        Instant now = Instant.now();

        assertThat(actions(id, "REMINDED")).isZero();
        twoInstancesAtOnce(now.plus(Duration.ofDays(8)));
        assertThat(actions(id, "REMINDED")).as("after more than 5 working days, once").isEqualTo(1);
        reminders.remind(now.plus(Duration.ofDays(9)));
        assertThat(actions(id, "REMINDED")).isEqualTo(1);
        twoInstancesAtOnce(now.plus(Duration.ofDays(23)));
        assertThat(actions(id, "WARNED")).as("after more than 15 working days, once").isEqualTo(1);
        assertThat(state(id)).isEqualTo("CLARIFYING");
        twoInstancesAtOnce(now.plus(Duration.ofDays(32)));
        assertThat(state(id)).as("after 20 working days without an answer").isEqualTo("WITHDRAWN");
        assertThat(actions(id, "AUTO_WITHDRAWN")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(email).query(Long.class).single())
                .as("reminder, warning and withdrawal, each once").isEqualTo(3);
    }

    @Test
    void partnerAndCoordinatorsAreRemindedOnce48HoursBeforeTheDateAndTheReportIsAskedForAfter3And7Days() throws Exception {
        String email = "soon-" + System.nanoTime() + "@example.org";
        long account = partnerAccount(email);
        long id = waitingRequest(account, Instant.now());
        jdbc.sql("update partner_request set waiting_for_partner = false, scheduled_start = now() + interval '30 hours', "
                + "scheduled_end = now() + interval '32 hours', state = 'SCHEDULED' where id = ?").param(id).update();
        twoInstancesAtOnce(Instant.now());
        reminders.remind(Instant.now().plus(Duration.ofHours(1)));
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and body like '%zwei Tagen%'").param(email)
                .query(Long.class).single()).isEqualTo(1);

        jdbc.sql("update partner_request set scheduled_start = now() - interval '3 hours', scheduled_end = now() - interval '1 hour', "
                + "state = 'DELIVERED', delivered_at = now() where id = ?").param(id).update();
        twoInstancesAtOnce(Instant.now().plus(Duration.ofDays(1)));
        assertThat(column(id, "report_reminded_3_at")).isFalse();
        twoInstancesAtOnce(Instant.now().plus(Duration.ofDays(4)));
        assertThat(column(id, "report_reminded_3_at")).isTrue();
        assertThat(column(id, "report_reminded_7_at")).isFalse();
        twoInstancesAtOnce(Instant.now().plus(Duration.ofDays(8)));
        assertThat(column(id, "report_reminded_7_at")).isTrue();
    }

    @Test
    void onlyOneInstanceRemindsAtATime() throws Exception {
        var pg = TestDatabase.server();
        try (Connection other = DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/impactlab", "postgres", "")) {
            other.setAutoCommit(false);
            other.createStatement().execute("select pg_advisory_xact_lock(hashtext('" + PartnerReminderJob.LOCK + "'))");
            assertThat(reminders.remind(Instant.now())).as("another instance holds the lock").isEqualTo(-1);
            assertThat(retention.deleteExpiredPersonalData(Instant.now())).isGreaterThanOrEqualTo(0);
            other.rollback();
        }
    }

    /** Runs in a transaction that is rolled back: the job at two years ahead would empty the shared demo requests too. */
    @Test
    void messagesNamesAndDeclineTextsAreDeletedTwoYearsAfterTheLastChangeAndTheCountsStay() {
        transactions.executeWithoutResult(tx -> {
            long account = partnerAccount("retention-" + System.nanoTime() + "@example.org");
            long id = waitingRequest(account, Instant.now());
            jdbc.sql("update partner_request set state = 'DECLINED', decline_reason = 'Frau Yilmaz ist krank', "
                    + "decline_alternative = 'Kurs im Lab' where id = ?").param(id).update();
            jdbc.sql("insert into partner_message (request_id, author_id, from_lab, body) values (?, ?, false, 'Frau Yilmaz ruft an')")
                    .params(id, account).update();
            jdbc.sql("insert into partner_request_helper (request_id, account_id) values (?, ?)").params(id, account).update();
            jdbc.sql("insert into partner_request_log (request_id, action, actor, visible_to_partner) values (?, 'DECLINED', 'frau.yilmaz', true)")
                    .param(id).update();
            long open = waitingRequest(account, Instant.now());
            jdbc.sql("insert into partner_message (request_id, author_id, from_lab, body) values (?, ?, false, 'Abgebrochen')")
                    .params(open, account).update();
            jdbc.sql("insert into partner_request_log (request_id, action, actor, visible_to_partner) values (?, 'CREATED', 'frau.yilmaz', true)")
                    .param(open).update();
            long runs = jdbc.sql("select count(*) from privacy_deletion_run where job = ?").param(PartnerRetentionJob.LOCK)
                    .query(Long.class).single();

            retention.deleteDue(Instant.now());
            assertThat(messages(id)).as("not yet: the retention period runs").isEqualTo(1);

            assertThat(retention.deleteDue(Instant.now().plus(Duration.ofDays(731)))).isPositive();
            assertThat(messages(id)).isZero();
            assertThat(messages(open)).as("an open request untouched for two years is abandoned").isZero();
            assertThat(jdbc.sql("select count(*) from partner_request_log where request_id in (?, ?) and (actor is not null or actor_id is not null)")
                    .params(id, open).query(Long.class).single()).as("no user names left in the log").isZero();
            assertThat(jdbc.sql("select count(*) from partner_request_helper where request_id = ?").param(id).query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("select coalesce(decline_reason, decline_alternative) from partner_request where id = ?").param(id)
                    .query(String.class).optional()).isEmpty();
            assertThat(jdbc.sql("select group_size from partner_request where id = ?").param(id).query(Integer.class).single())
                    .as("the counts stay").isEqualTo(12);
            assertThat(retention.deleteDue(Instant.now().plus(Duration.ofDays(732)))).as("once only").isZero();
            assertThat(actions(id, "PERSONAL_DATA_EXPIRED")).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from privacy_deletion_run where job = ?").param(PartnerRetentionJob.LOCK)
                    .query(Long.class).single()).as("each run recorded").isEqualTo(runs + 3);
            tx.setRollbackOnly();
        });
    }

    private long messages(long id) {
        return jdbc.sql("select count(*) from partner_message where request_id = ?").param(id).query(Long.class).single();
    }

    /** Two app instances run the job at the same moment: the advisory lock lets one of them do the work. */
    private void twoInstancesAtOnce(Instant now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return reminders.remind(now);
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private long partnerAccount(String email) {
        long org = jdbc.sql("insert into partner_organisation (name, kind, stadtteil, lab_id) values (?, 'SCHOOL', 'Walle', 1) returning id")
                .param("Schule Jobs " + System.nanoTime()).query(Long.class).single();
        long account = jdbc.sql("insert into account (username, display_name, email, role) values (?, 'Jobs', ?, 'PARTNER') returning id")
                .params("jobs" + System.nanoTime(), email).query(Long.class).single();
        jdbc.sql("insert into partner_member (account_id, organisation_id, language, invited_by) values (?, ?, 'de', 'test')")
                .params(account, org).update();
        return account;
    }

    /** A request in CLARIFYING on which the lab has waited for the partner since {@code since}. */
    private long waitingRequest(long account, Instant since) {
        long org = jdbc.sql("select organisation_id from partner_member where account_id = ?").param(account).query(Long.class).single();
        long id = jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place, created_by)
                values (?, 1, 'WORKSHOP', 'Warten', 12, 'AGE_65_PLUS', 'de', 'LAB', ?) returning id""")
                .params(org, account).query(Long.class).single();
        jdbc.sql("update partner_request set state = 'CLARIFYING', waiting_for_partner = true where id = ?").param(id).update();
        jdbc.sql("insert into partner_request_pause (request_id, from_at) values (?, ?)")
                .params(id, java.sql.Timestamp.from(since)).update();
        return id;
    }

    private long actions(long id, String action) {
        return jdbc.sql("select count(*) from partner_request_log where request_id = ? and action = ?").params(id, action)
                .query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("select state from partner_request where id = ?").param(id).query(String.class).single();
    }

    private boolean column(long id, String column) {
        return jdbc.sql("select " + column + " is not null from partner_request where id = ?").param(id).query(Boolean.class).single();
    }
}
