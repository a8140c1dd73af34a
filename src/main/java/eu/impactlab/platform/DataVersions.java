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
    /** The kept public pages: every version except the free times' rows (a booking does not change those pages). */
    private final SharedRead pages;
    /** The kept free times (V79): the labs, the topics, the helpers and the 64 appointment rows. */
    private final SharedRead slots;

    DataVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.pages = new SharedRead("select string_agg(version::text, ',' order by name) from data_version"
                + " where name not like 'slots:%'");
        this.slots = new SharedRead("select string_agg(version::text, ',' order by name) from data_version"
                + " where name in ('labs', 'topics') or name like 'slots:%'");
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
        return pages.read();
    }

    /**
     * The versions free times depend on (labs, topics, helpers and appointments, V79), shared like {@link #all()}:
     * the text changes whenever a lab, a topic, a helper's hours or any appointment's time or cancellation changes.
     */
    public String slots() {
        return slots.read();
    }

    /** One query whose concurrent callers share one round trip, each still seeing what was committed before it asked. */
    private final class SharedRead {

        private final String sql;
        private final Object lock = new Object();
        /** Whether a read is running or waits for one of its callers to start it. */
        private boolean reading;
        /** The read that callers arriving during the current one share; it starts when the current one ends. */
        private Round next;

        SharedRead(String sql) {
            this.sql = sql;
        }

        String read() {
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
            run(round);
            return answer(round);
        }

        private void run(Round round) {
            try {
                round.result.complete(jdbc.sql(sql).query(String.class).single());
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
    }

    /** One read, shared by every caller that arrived before it started. */
    private static final class Round {
        final CompletableFuture<String> result = new CompletableFuture<>();
        /** Completed when the read before it ended: one of the round's callers then reads for all of them. */
        final CompletableFuture<Void> turn = new CompletableFuture<>();
        final AtomicBoolean started = new AtomicBoolean();
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

    public long current(String name) {
        return jdbc.sql("select version from data_version where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
