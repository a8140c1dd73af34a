package eu.impactlab.platform;

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

    /** The read of all versions that callers arriving now will share; null when none is waiting to start. */
    private Round waiting;
    private boolean reading;

    /** One read of all versions, shared by every caller that arrived before it started. */
    private static final class Round {
        boolean done;
        String value;
        RuntimeException failure;
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
        synchronized (this) {
            if (waiting == null) {
                waiting = new Round();
            }
            round = waiting;
            while (reading && !round.done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the data versions", e);
                }
            }
            if (round.done) {
                return result(round);
            }
            // Nobody reads now: this caller reads for everyone who joined its round; later callers start a new one.
            reading = true;
            if (waiting == round) {
                waiting = null;
            }
        }
        String value = null;
        RuntimeException failure = new IllegalStateException("the data versions could not be read");
        try {
            value = jdbc.sql("select string_agg(version::text, ',' order by name) from data_version")
                    .query(String.class).single();
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (this) {
                round.value = value;
                round.failure = failure;
                round.done = true;
                reading = false;
                notifyAll();
            }
        }
        return result(round);
    }

    private static String result(Round round) {
        if (round.failure != null) {
            throw round.failure;
        }
        return round.value;
    }

    public long current(String name) {
        return jdbc.sql("select version from data_version where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
