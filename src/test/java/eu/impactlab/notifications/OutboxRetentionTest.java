package eu.impactlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class OutboxRetentionTest extends AbstractIntegrationTest {

    @Autowired
    OutboxRetention retention;
    @Autowired
    JdbcClient jdbc;

    @Test
    void mailsWithAddressesAndLinksAreDeletedAfterTheRetentionPeriodSentOrNot() {
        jdbc.sql("""
                insert into mail_outbox (recipient, subject, body, status, created_at, next_attempt_at, attempts)
                values ('old@example.org', 'Alt', 'Hallo Alte', 'PENDING', now() - interval '40 days', now(), 0),
                       ('new@example.org', 'Neu', 'Hallo Neue', 'PENDING', now() - interval '2 days', now(), 0)""").update();
        assertThat(retention.deleteOldMails()).isPositive();
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'old@example.org'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = 'new@example.org'").query(Long.class).single()).isOne();
    }
}
