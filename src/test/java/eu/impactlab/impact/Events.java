package eu.impactlab.impact;

import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishes events as their modules do (inside a transaction) and waits for the asynchronous listeners. */
class Events {

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    Events(ApplicationEventPublisher publisher, TransactionTemplate transactions, JdbcClient jdbc) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    void publish(Object event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
    }

    long factCount(UUID eventId) {
        return jdbc.sql("select count(*) from impact_fact where event_id = ?").param(eventId).query(Long.class).single();
    }

    void awaitFact(UUID eventId) {
        await(() -> factCount(eventId) > 0, "fact " + eventId);
    }

    void awaitCompleted(UUID eventId) {
        await(() -> jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + eventId + "%").query(Long.class).single() == 0, "publications of " + eventId + " completed");
    }

    static void await(BooleanSupplier condition, String what) {
        eu.impactlab.Eventually.until(condition, what);
    }
}
