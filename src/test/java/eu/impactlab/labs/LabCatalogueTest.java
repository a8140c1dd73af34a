package eu.impactlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;

/** The labs are kept in memory between changes: every change shows on the next request, whoever made it where. */
class LabCatalogueTest extends AbstractIntegrationTest {

    @Autowired
    LabService labs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private String groepelingenText;
    private String groepelingenDirections;
    private String osterholzText;

    @BeforeEach
    void remember() {
        groepelingenText = description("groepelingen");
        groepelingenDirections = jdbc.sql("select t.directions from lab_text t join lab l on l.id = t.lab_id "
                + "where l.slug = 'groepelingen' and t.language = 'de'").query(String.class).single();
        osterholzText = description("osterholz");
    }

    @AfterEach
    void restore() {
        setDescription("groepelingen", groepelingenText);
        jdbc.sql("update lab_text set directions = ? from lab where lab.id = lab_text.lab_id and lab.slug = 'groepelingen' "
                + "and lab_text.language = 'de'").param(groepelingenDirections).update();
        setDescription("osterholz", osterholzText);
        jdbc.sql("delete from lab_exception where reason = 'OTHER' and day = ?").param(inFiveDays()).update();
    }

    @Test
    void aCoordinatorEditsTheLabTextAndThePublicPageShowsItOnTheNextRequest() throws Exception {
        assertThat(page("/labs/groepelingen")).doesNotContain("Ab sofort auch Hilfe beim Online-Banking.");

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/labs/groepelingen/texts").session(coordinator).with(csrf())
                        .param("language", "de").param("description", "Ab sofort auch Hilfe beim Online-Banking.")
                        .param("directions", "Straßenbahn 2, Haltestelle Gröpelingen."))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/labs/groepelingen")).contains("Ab sofort auch Hilfe beim Online-Banking.")
                .contains("Straßenbahn 2, Haltestelle Gröpelingen.");
    }

    @Test
    void aClosureEnteredOnAnotherInstanceShowsOnTheNextRequest() throws Exception {
        LocalDate day = inFiveDays();
        assertThat(labs.schedule("vegesack", day, 1).get(0).reason()).isNotEqualTo(ClosureReason.OTHER);

        // Another instance writes straight into the shared database; this one has the labs in memory.
        jdbc.sql("insert into lab_exception (lab_id, day, closed, reason) select id, ?, true, 'OTHER' from lab where slug = 'vegesack'")
                .param(day).update();

        DaySchedule schedule = labs.schedule("vegesack", day, 1).get(0);
        assertThat(schedule.open()).isFalse();
        assertThat(schedule.reason()).isEqualTo(ClosureReason.OTHER);
    }

    @Test
    void aChangeThatWasRolledBackNeverShows() throws Exception {
        transactions.executeWithoutResult(status -> {
            setDescription("osterholz", "Nie gespeichert.");
            // Read inside the changing transaction: it sees its own change and may keep it in memory.
            assertThat(labs.lab("osterholz", Language.DE).orElseThrow().description()).isEqualTo("Nie gespeichert.");
            status.setRollbackOnly();
        });
        assertThat(labs.lab("osterholz", Language.DE).orElseThrow().description()).isEqualTo(osterholzText);
        assertThat(page("/labs/osterholz")).doesNotContain("Nie gespeichert.");

        setDescription("osterholz", "Gespeichert.");
        assertThat(page("/labs/osterholz")).contains("Gespeichert.");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).param("lang", "de")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String description(String slug) {
        return jdbc.sql("select t.description from lab_text t join lab l on l.id = t.lab_id where l.slug = ? and t.language = 'de'")
                .param(slug).query(String.class).single();
    }

    private void setDescription(String slug, String text) {
        jdbc.sql("update lab_text set description = ? from lab where lab.id = lab_text.lab_id and lab.slug = ? and lab_text.language = 'de'")
                .params(text, slug).update();
    }

    private static LocalDate inFiveDays() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(5);
    }
}
