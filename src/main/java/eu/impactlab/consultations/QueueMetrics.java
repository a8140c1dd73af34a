package eu.impactlab.consultations;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.Language;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The walk-in queue per lab for the operator's monitoring: how many wait today and how long the longest has waited.
 * One query serves all labs' gauges for a few seconds, so a scrape costs one query whatever the number of labs.
 */
@Component
class QueueMetrics {

    private static final long FRESH_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final LabService labs;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<Long, Waiting> snapshot = Map.of();
    private volatile long snapshotAt;

    record Waiting(long count, double longestSeconds) {
    }

    QueueMetrics(JdbcClient jdbc, LabService labs, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.labs = labs;
        this.registry = registry;
        this.clock = clock;
    }

    /** A gauge pair for every lab; labs added later get theirs within a minute. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void registerLabs() {
        labs.labs(Language.DE).forEach(lab -> {
            if (registered.add(lab.slug())) {
                long id = lab.id();
                Gauge.builder("impactlab.queue.waiting", () -> waiting(id).count())
                        .description("Walk-in tickets waiting today").tag("lab", lab.slug()).register(registry);
                Gauge.builder("impactlab.queue.longest.wait", () -> waiting(id).longestSeconds())
                        .description("How long the longest-waiting walk-in ticket of today has waited")
                        .baseUnit("seconds").tag("lab", lab.slug()).register(registry);
            }
        });
    }

    private Waiting waiting(long labId) {
        long now = clock.millis();
        if (now - snapshotAt > FRESH_MILLIS) {
            Instant at = clock.instant();
            LocalDate today = LocalDate.now(clock.withZone(SlotFinder.BREMEN));
            snapshot = jdbc.sql("""
                    select lab_id, count(*), min(created_at) from walk_in_ticket
                    where day = :today and status = 'WAITING' group by lab_id""")
                    .param("today", today)
                    .query((rs, i) -> Map.entry(rs.getLong(1), new Waiting(rs.getLong(2),
                            Math.max(0, at.getEpochSecond() - rs.getTimestamp(3).toInstant().getEpochSecond()))))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            snapshotAt = now;
        }
        return snapshot.getOrDefault(labId, new Waiting(0, 0));
    }
}
