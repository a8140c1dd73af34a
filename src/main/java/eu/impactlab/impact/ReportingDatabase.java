package eu.impactlab.impact;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the dashboard, its exports and the open data read their figures: a PostgreSQL streaming replica when
 * impactlab.reporting.datasource.url is set, so funders' reports never slow bookings down; otherwise the primary.
 *
 * <p>The replica's pool is no DataSource bean on purpose: a second one would switch off Spring Boot's own
 * DataSource, JdbcTemplate and health check of the primary, and a replica that is down must not take the app out
 * of the load balancer.
 */
@Component
class ReportingDatabase implements AutoCloseable {

    static final String APPLICATION_NAME = "impactlab-reporting";

    private final Optional<HikariDataSource> replica;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbcClient;
    private final TransactionTemplate readOnly;

    ReportingDatabase(JdbcTemplate primary, PlatformTransactionManager primaryTransactions,
            @Value("${impactlab.reporting.datasource.url:}") String url,
            @Value("${impactlab.reporting.datasource.username:}") String username,
            @Value("${impactlab.reporting.datasource.password:}") String password) {
        if (url.isBlank()) {
            this.replica = Optional.empty();
            this.jdbcTemplate = primary;
            this.readOnly = new TransactionTemplate(primaryTransactions);
        } else {
            HikariConfig config = new HikariConfig();
            config.setPoolName("reporting");
            config.setJdbcUrl(url.strip());
            config.setUsername(username.isBlank() ? null : username);
            config.setPassword(password.isEmpty() ? null : password);
            config.setReadOnly(true);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(5000);
            // Start even while the replica is unreachable: bookings do not need it.
            config.setInitializationFailTimeout(-1);
            config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
            HikariDataSource dataSource = new HikariDataSource(config);
            this.replica = Optional.of(dataSource);
            this.jdbcTemplate = new JdbcTemplate(dataSource);
            this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        }
        this.readOnly.setReadOnly(true);
        this.jdbcClient = JdbcClient.create(jdbcTemplate);
    }

    /** Runs the queries of one answer in one read-only transaction on the reporting database ("set local" holds). */
    <T> T read(Supplier<T> queries) {
        return readOnly.execute(status -> queries.get());
    }

    JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    JdbcClient jdbcClient() {
        return jdbcClient;
    }

    boolean usesReplica() {
        return replica.isPresent();
    }

    @Override
    public void close() {
        replica.ifPresent(HikariDataSource::close);
    }
}
