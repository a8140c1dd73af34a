package eu.impactlab.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a job's work in one transaction that holds a PostgreSQL advisory lock named after the job, so scheduled jobs
 * (deletion after the retention period, reminders) run at most once at a time however many app instances share the
 * database. The lock ends with the transaction.
 */
@Component
public class OnceAcrossInstances {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry registry;
    /** Per job, when this instance last completed it (epoch seconds); the maximum across instances is the last run. */
    private final Map<String, Long> lastSuccess = new ConcurrentHashMap<>();

    OnceAcrossInstances(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.registry = registry;
    }

    private void succeeded(String job) {
        if (lastSuccess.put(job, clock.instant().getEpochSecond()) == null) {
            Gauge.builder("impactlab.job.last.success", lastSuccess, runs -> runs.getOrDefault(job, 0L))
                    .description("When this instance last completed the job (Unix time, seconds)")
                    .baseUnit("seconds").tag("job", job).register(registry);
        }
    }

    /** One run of a deletion job: its name, when it ran, and how many records lost personal data (never what). */
    public record DeletionRan(String job, Instant at, int count) {
    }

    /**
     * Runs a deletion job's work like {@link #run} and, in the same transaction, announces its count as
     * {@link DeletionRan}, which the privacy module records; so every deletion run is accounted for, also an empty one.
     */
    public OptionalInt deletion(String job, IntSupplier work) {
        Integer result = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", job)
                    .query(Boolean.class).single();
            if (!mine) {
                return null;
            }
            int count = work.getAsInt();
            events.publishEvent(new DeletionRan(job, clock.instant(), count));
            return count;
        });
        if (result == null) {
            return OptionalInt.empty();
        }
        succeeded(job);
        return OptionalInt.of(result);
    }

    /** @return what the work returned, or empty when another instance holds the lock right now */
    public OptionalInt run(String lock, IntSupplier work) {
        Integer result = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", lock)
                    .query(Boolean.class).single();
            return mine ? work.getAsInt() : null;
        });
        if (result == null) {
            return OptionalInt.empty();
        }
        succeeded(lock);
        return OptionalInt.of(result);
    }
}
