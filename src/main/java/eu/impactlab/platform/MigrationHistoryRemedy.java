package eu.impactlab.platform;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrates with Flyway after telling existing databases about migrations whose comments (never their SQL) changed
 * after they ran, so an upgraded lab starts instead of failing on a checksum mismatch.
 */
@Configuration(proxyBeanMethods = false)
class MigrationHistoryRemedy {

    private static final Logger log = LoggerFactory.getLogger(MigrationHistoryRemedy.class);

    /** Version, checksum before and after the comment-only change. */
    record CommentOnlyChange(String version, int before, int after) {
    }

    /** V4's first comment line now cites src/main/resources/reference/ instead of a path outside the project. */
    static final CommentOnlyChange V4_REFERENCE_COMMENT = new CommentOnlyChange("4", 909282931, 717570962);

    @Bean
    FlywayMigrationStrategy migrateAfterRemedy() {
        return flyway -> {
            apply(flyway.getConfiguration().getDataSource(), V4_REFERENCE_COMMENT);
            flyway.migrate();
        };
    }

    static void apply(DataSource dataSource, CommentOnlyChange change) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        boolean hasHistory = jdbc.sql("SELECT to_regclass('flyway_schema_history') IS NOT NULL")
                .query(Boolean.class).single();
        if (!hasHistory) {
            return;
        }
        int updated = jdbc.sql("UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")
                .params(change.after(), change.version(), change.before()).update();
        if (updated > 0) {
            log.info("Migration history: version {} recorded with its new checksum (comment-only change)",
                    change.version());
        }
    }
}
