package eu.impactlab.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox for the operator's monitoring: mails still to send (the backlog) and mails given up on. */
@Component
class OutboxMetrics {

    OutboxMetrics(JdbcClient jdbc, MeterRegistry registry) {
        Gauge.builder("impactlab.mail.outbox", () -> count(jdbc, "PENDING"))
                .description("Mails in the outbox by status").tag("status", "pending").register(registry);
        Gauge.builder("impactlab.mail.outbox", () -> count(jdbc, "FAILED"))
                .description("Mails in the outbox by status").tag("status", "failed").register(registry);
    }

    private static long count(JdbcClient jdbc, String status) {
        return jdbc.sql("select count(*) from mail_outbox where status = :status").param("status", status)
                .query(Long.class).single();
    }
}
