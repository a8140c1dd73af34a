package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.Logins;
import eu.impactlab.StreamingReplica;
import eu.impactlab.TestDatabase;
import eu.impactlab.labs.LabService;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With IMPACTLAB_REPORTING_DATASOURCE_URL the dashboard and its exports read a real PostgreSQL streaming replica of
 * the test database: a figure written on the primary shows once the replica has it, and while the replica's replay
 * is paused the dashboard keeps showing the replica's older figures, so it asks the replica and not the primary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext // its reporting pool points at a replica that stops after this class
class ReportingReplicaTest {

    private static final String DATABASE = "impactlab";
    /** A year no other test writes facts in. */
    private static final String YEAR = "from=2009-01-01&to=2009-12-31&lab=groepelingen";

    private static StreamingReplica replica;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, DATABASE);
        replica = StreamingReplica.of(TestDatabase.server());
        registry.add("impactlab.reporting.datasource.url", () -> replica.jdbcUrl(DATABASE));
        registry.add("impactlab.reporting.datasource.username", () -> TestDatabase.server().username());
    }

    @AfterAll
    static void stopReplica() {
        if (replica != null) {
            replica.close();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    FactStore primaryFacts;

    @Autowired
    JdbcClient primary;

    @Autowired
    LabService labs;

    @Autowired
    ReportingDatabase reporting;

    @Test
    void theDashboardAndItsExportReadTheReplica() throws Exception {
        assertThat(reporting.usesReplica()).isTrue();
        MockHttpSession funder = Logins.as(mvc, "funder");
        replica.catchUp(Duration.ofSeconds(60));
        String empty = csv(funder);
        assertThat(empty).doesNotContain(";12");

        long lab = labs.idOf("groepelingen").orElseThrow();
        try {
            figuresComeFromTheReplica(funder, empty, lab);
        } finally {
            primary.sql("delete from impact_fact where day between '2009-01-01' and '2009-12-31'").update();
        }
    }

    private void figuresComeFromTheReplica(MockHttpSession funder, String empty, long lab) throws Exception {
        replica.pauseReplay();
        try {
            for (int i = 0; i < 12; i++) {
                assertThat(primaryFacts.add(Fact.of(UUID.randomUUID(), LocalDate.of(2009, 3, 2 + i), lab,
                        Activity.WALK_IN))).isTrue();
            }
            assertThat(primary.sql("select count(*) from impact_fact where day between '2009-01-01' and '2009-12-31'")
                    .query(Long.class).single()).isEqualTo(12);
            // the replica has not replayed them yet: the same answer as before proves nobody asked the primary
            assertThat(csv(funder)).isEqualTo(empty);
            assertThat(page(funder)).doesNotContain(">12<");
        } finally {
            replica.resumeReplay();
        }

        // The primary may still be writing the facts' roll-ups after the inserts: catch up until they have arrived.
        String filled = empty;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!filled.contains(";12") && System.nanoTime() < deadline) {
            replica.catchUp(Duration.ofSeconds(60));
            filled = csv(funder);
            if (!filled.contains(";12")) {
                Thread.sleep(200);
            }
        }
        assertThat(filled).isNotEqualTo(empty).contains(";12");
        assertThat(page(funder)).contains(">12<");

        try (Connection standby = replica.connect("postgres");
                ResultSet rs = standby.createStatement().executeQuery(
                        "select count(*) from pg_stat_activity where application_name = '"
                                + ReportingDatabase.APPLICATION_NAME + "' and datname = '" + DATABASE + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the reporting pool's connections on the replica").isPositive();
        }
    }

    private String csv(MockHttpSession funder) throws Exception {
        return mvc.perform(get("/impact/export.csv?" + YEAR).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(MockHttpSession funder) throws Exception {
        return mvc.perform(get("/impact?" + YEAR).session(funder)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
