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

    DataVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every version at once (labs, topics and the course rows of V50), for a copy that may depend on any of them: the
     * text changes whenever any of them does.
     */
    public String all() {
        return jdbc.sql("select string_agg(version::text, ',' order by name) from data_version").query(String.class).single();
    }

    public long current(String name) {
        return jdbc.sql("select version from data_version where name = :name").param("name", name)
                .query(Long.class).single();
    }
}
