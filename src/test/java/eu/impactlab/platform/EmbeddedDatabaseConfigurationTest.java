package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(EmbeddedDatabaseConfiguration.class);

    @Test
    void withoutADatasourceUrlTheAppRunsItsOwnDurablePostgresAndASecondInstanceFailsClearly(@TempDir Path dir,
            CapturedOutput output) {
        runner.withPropertyValues("impactlab.data-dir=" + dir).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedPostgresLauncher.class);
            EmbeddedPostgresLauncher launcher = context.getBean(EmbeddedPostgresLauncher.class);
            assertThat(launcher.dataDirectory()).isEqualTo(dir.toRealPath());
            assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(launcher.jdbcUrl());
            assertThat(context.getBeanFactory().getDependenciesForBean("dataSource"))
                    .contains("embeddedPostgresConnectionDetails");

            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");

            // A blank URL counts as none: a second app tries the same directory and is refused with a report.
            SpringApplication second = new SpringApplication(SecondApp.class);
            second.setWebApplicationType(WebApplicationType.NONE);
            second.setBannerMode(Banner.Mode.OFF);
            assertThatThrownBy(() -> second.run("--impactlab.data-dir=" + dir, "--spring.datasource.url= ")).hasRootCauseInstanceOf(DataDirectoryInUseException.class);
            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("Another Impact Lab instance (process " + ProcessHandle.current().pid()
                            + ") is already running with data directory " + dir.toRealPath())
                    .contains("set IMPACTLAB_DATA_DIR to another directory");

            // The first one is unharmed.
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        });
    }

    @Test
    void withADatasourceUrlItStartsNoDatabaseOfItsOwn(@TempDir Path dir) {
        runner.withPropertyValues("impactlab.data-dir=" + dir,
                        "spring.datasource.url=jdbc:postgresql://localhost:1/elsewhere")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedPostgresLauncher.class);
                    assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                            .isEqualTo("jdbc:postgresql://localhost:1/elsewhere");
                });
        assertThat(dir).isEmptyDirectory();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
    @Import(EmbeddedDatabaseConfiguration.class)
    static class SecondApp {
    }
}
