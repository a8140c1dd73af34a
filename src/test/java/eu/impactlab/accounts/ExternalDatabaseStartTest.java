package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.Logins;
import eu.impactlab.TestDatabase;
import eu.impactlab.platform.EmbeddedPostgresLauncher;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A production-like start: SPRING_DATASOURCE_URL points at a PostgreSQL server that the test started separately,
 * the database is empty, and IMPACTLAB_ADMIN_EMAIL is set. The app starts no PostgreSQL of its own, creates no demo
 * data, and the first admin gets a one-time link in the log.
 */
// Sessions in memory, as in the test profile: MockMvc's MockHttpSession is not read by Spring Session's filter.
@SpringBootTest(properties = {"impactlab.demo-data=auto", "impactlab.admin-email=leitung@lab.example",
        "impactlab.base-url=https://labs.example",
        "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseStartTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "external_start");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void usesTheConfiguredServerAndStartsNoPostgresOfItsOwn() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedPostgresLauncher.class)).isEmpty();
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).endsWith(":" + TestDatabase.server().port() + "/external_start");
        }
    }

    @Test
    void createsNoDemoDataAndOnlyTheFirstAdminWhoSetsTheirPasswordWithTheLinkFromTheLog(CapturedOutput output)
            throws Exception {
        assertThat(jdbc.sql("select count(*) from lab").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select username from account").query(String.class).list()).containsExactly("leitung@lab.example");
        assertThat(jdbc.sql("select password_hash from account").query(String.class).optional()).isEmpty();

        String log = output.getAll();
        Matcher link = Pattern.compile("https://labs\\.example/password/([A-Za-z0-9_-]{43})").matcher(log);
        assertThat(link.find()).as("the setup link is in the startup log").isTrue();
        assertThat(log).doesNotContain("leitung@lab.example");

        String path = "/password/" + link.group(1);
        mvc.perform(post(path).with(csrf()).param("password", "Erster Tag im Lab").param("repeat", "Erster Tag im Lab"))
                .andExpect(redirectedUrl("/login"));
        var session = Logins.as(mvc, "leitung@lab.example", "Erster Tag im Lab");
        // On an external database admins set up a second factor before anything else (IMPACTLAB_TWO_FACTOR_ROLES=auto).
        mvc.perform(get("/admin/accounts").session(session)).andExpect(redirectedUrl("/admin/account/two-factor"));
        mvc.perform(get("/admin/account/two-factor").session(session)).andExpect(status().isOk());
    }
}
