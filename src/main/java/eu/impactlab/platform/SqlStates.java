package eu.impactlab.platform;

import java.sql.SQLException;

/** The PostgreSQL error code behind a Spring data exception ("23505" unique violation, "23P01" exclusion). */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    public static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
