package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A database created before V4's comment changed still starts: its history is told the new checksum. */
class MigrationHistoryRemedyTest {

    @Test
    void databaseMigratedWithTheOldV4CommentStartsAfterTheRemedy() throws SQLException {
        EmbeddedPostgresLauncher pg = TestDatabase.server();
        String password = pg.password() == null ? "" : pg.password();
        try (Connection admin = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), password)) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS remedy_test");
            admin.createStatement().execute("CREATE DATABASE remedy_test");
        }
        DataSource db = new SingleConnectionDataSource("jdbc:postgresql://localhost:" + pg.port() + "/remedy_test",
                pg.username(), password, true);
        Flyway flyway = Flyway.configure().dataSource(db).locations("classpath:db/migration").load();
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        // as a database migrated before the comment changed records it
        jdbc.sql("UPDATE flyway_schema_history SET checksum = 909282931 WHERE version = '4'").update();
        assertThat(flyway.validateWithResult().validationSuccessful).isFalse();

        MigrationHistoryRemedy.apply(db, MigrationHistoryRemedy.V4_REFERENCE_COMMENT);

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(jdbc.sql("SELECT checksum FROM flyway_schema_history WHERE version = '4'").query(Integer.class)
                .single()).isEqualTo(717570962);
    }
}
