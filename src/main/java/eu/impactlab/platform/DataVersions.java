package eu.impactlab.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current version of data that modules keep in memory (see migration V25): a trigger gives the name a new
 * version on every change to its tables, so a copy tagged with the version read before loading it is current exactly
 * while the version is unchanged, on every app instance.
 */
@Component
public class DataVersions {

    /** The labs with their texts, hours and closures; topics and courses (V50) count for the kept public pages. */
    public static final String LABS = "labs";

    private final JdbcClient jdbc;

    private final Object lock = new Object();
    /** Whether a read of all versions is running or waits for one of its callers to start it. */
    private boolean reading;
    /** The read that callers arriving during the current one share; it starts when the current one ends. */
    private Round next;

    /** One read of all versions, shared by every caller that arrived before it started. */
    private static final class Round {
        final CompletableFuture<String> result = new CompletableFuture<>();
        /** Completed when the read before it ended: one of the round's callers then reads for all of them. */
        final CompletableFuture<Void> turn = new CompletableFuture<>();
        final AtomicBoolean started = new AtomicBoolean();
    }

    DataVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every version at once (labs, topics and the course rows of V50), for a copy that may depend on any of them: the
     * text changes whenever any of them does.
     *
     * <p>Callers that arrive while a read is running share the next one, which starts after all of them arrived: so
     * each caller still sees every change committed before it asked (what the kept pages promise), but under load a
     * single query answers dozens of requests instead of one each (bench/README.md).
     */
    public String all() {
        Round round;
        synchronized (lock) {
            if (!reading) {
                reading = true;
                round = new Round();
                round.started.set(true);
            } else {
                if (next == null) {
                    next = new Round();
                }
                round = next;
            }
        }
        if (!round.started.get()) {
            // Each waiting caller is woken on its own (no herd on one monitor): by the answer, or by its round's turn.
            CompletableFuture.anyOf(round.result, round.turn).join();
            if (round.result.isDone() || !round.started.compareAndSet(false, true)) {
                return answer(round);
            }
        }
        read(round);
        return answer(round);
    }

    /** The shared answer, or the read's own exception (a database outage looks the same to every caller). */
    private static String answer(Round round) {
        try {
            return round.result.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void read(Round round) {
        try {
            round.result.complete(jdbc.sql("select string_agg(version::text, ',' order by name) from data_version")
                    .query(String.class).single());
        } catch (RuntimeException | Error e) {
            round.result.completeExceptionally(e);
        } finally {
            Round waiting;
            synchronized (lock) {
                waiting = next;
                next = null;
                reading = waiting != null;
            }
            if (waiting != null) {
                waiting.turn.complete(null);
            }
        }
    }

    public long current(String name) {
        return jdbc.sql("select version from data_version where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
