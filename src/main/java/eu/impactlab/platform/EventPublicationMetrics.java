package eu.impactlab.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Events between modules whose listener has not completed yet: a rising number means a module is failing. */
@Component
class EventPublicationMetrics {

    EventPublicationMetrics(JdbcClient jdbc, MeterRegistry registry) {
        Gauge.builder("impactlab.events.incomplete", () -> jdbc.sql(
                        "select count(*) from event_publication where completion_date is null").query(Long.class).single())
                .description("Event publications not yet completed by their listener")
                .register(registry);
    }
}
