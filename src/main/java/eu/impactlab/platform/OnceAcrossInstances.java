package eu.impactlab.platform;

import java.util.OptionalInt;
import java.util.function.IntSupplier;
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

    OnceAcrossInstances(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** @return what the work returned, or empty when another instance holds the lock right now */
    public OptionalInt run(String lock, IntSupplier work) {
        Integer result = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:lock))").param("lock", lock)
                    .query(Boolean.class).single();
            return mine ? work.getAsInt() : null;
        });
        return result == null ? OptionalInt.empty() : OptionalInt.of(result);
    }
}
