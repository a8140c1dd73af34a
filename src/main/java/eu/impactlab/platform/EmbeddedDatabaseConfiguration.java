package eu.impactlab.platform;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The default database: without {@code spring.datasource.url} (absent or blank) the app runs its own durable
 * PostgreSQL on {@code impactlab.data-dir}. Boot then builds Hikari, Flyway, JPA and the health check from the
 * {@link JdbcConnectionDetails} as usual; since the DataSource depends on them and they depend on the launcher,
 * Spring stops PostgreSQL after everything that uses it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrlCondition.class)
public class EmbeddedDatabaseConfiguration {

    /** Starts PostgreSQL in the background before any bean is created, so it boots while Spring does. */
    @Bean
    static EmbeddedPostgresStarter embeddedPostgresStarter(Environment environment) {
        String dataDir = environment.getProperty("impactlab.data-dir", "./data");
        Path directory = Path.of(StringUtils.hasText(dataDir) ? dataDir.trim() : "./data").toAbsolutePath().normalize();
        return new EmbeddedPostgresStarter(directory);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgresLauncher embeddedPostgresLauncher(EmbeddedPostgresStarter starter) {
        return starter.await();
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresLauncher launcher) {
        return new EmbeddedPostgresConnectionDetails(launcher.jdbcUrl(), launcher.username(), launcher.password());
    }

    record EmbeddedPostgresConnectionDetails(String jdbcUrl, String username, String password)
            implements JdbcConnectionDetails {

        @Override
        public String getJdbcUrl() {
            return jdbcUrl;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public String getPassword() {
            return password;
        }

        @Override
        public String getDriverClassName() {
            return "org.postgresql.Driver";
        }
    }

    /** Matches when {@code spring.datasource.url} (or SPRING_DATASOURCE_URL) is absent or blank. */
    static class NoDatasourceUrlCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded PostgreSQL");
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            if (StringUtils.hasText(url)) {
                return ConditionOutcome.noMatch(message.because("spring.datasource.url is set"));
            }
            return ConditionOutcome.match(message.because("spring.datasource.url is not set"));
        }
    }
}
