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

    /** The labs with their texts, hours and closures; V25 also reserves rows for topics and courses, unused so far. */
    public static final String LABS = "labs";

    private final JdbcClient jdbc;

    DataVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current(String name) {
        return jdbc.sql("select version from data_version where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
