package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.participation.IdeaAnswered;
import eu.impactlab.participation.IdeaProposed;
import eu.impactlab.participation.IdeaSupported;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The funders' participation figures: from the participation events (a retried one counts once), small numbers hidden with their complements. */
class ParticipationFiguresTest extends AbstractIntegrationTest {

    static final LocalDate DAY = LocalDate.of(2001, 5, 14);

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Events events;

    @Autowired
    void events(org.springframework.context.ApplicationEventPublisher publisher,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        events = new Events(publisher, transactions, jdbc);
    }
    @Autowired
    ParticipationFigures figures;
    @Autowired
    LabService labs;

    @Test
    void ideasSupportsAndRealisedSharesAreSuppressedLikeTheDashboard() throws Exception {
        List<LabView> all = labs.labs(Language.DE);
        long groepelingen = id(all, "groepelingen");
        long vegesack = id(all, "vegesack");
        for (int i = 0; i < 7; i++) {
            IdeaProposed idea = new IdeaProposed(UUID.randomUUID(), DAY, groepelingen, "COURSE");
            events.publish(idea);
            events.publish(idea);
        }
        for (int i = 0; i < 2; i++) {
            events.publish(new IdeaProposed(UUID.randomUUID(), DAY, vegesack, "COURSE"));
        }
        for (int i = 0; i < 6; i++) {
            events.publish(new IdeaSupported(UUID.randomUUID(), DAY, groepelingen, "COURSE", i < 3));
            events.publish(new IdeaAnswered(UUID.randomUUID(), DAY, groepelingen, "COURSE", "PLANNED", i < 5, 10 + i));
        }

        Events.await(() -> jdbc.sql("select count(*) from impact_participation_fact where day = ?").param(DAY)
                .query(Long.class).single() == 21, "21 participation facts");
        ParticipationFigures.Figures result = figures.figures(DAY.withDayOfYear(1), DAY.withDayOfYear(365), all, "Gesamt");
        int g = index(all, "groepelingen");
        int v = index(all, "vegesack");
        int total = all.size();
        ParticipationFigures.Grid ideas = result.grids().get(0);
        assertThat(ideas.rows().get(0).cells().get(v)).as("2 ideas are too few to show").isEqualTo("•");
        assertThat(ideas.rows().get(0).cells().get(g)).as("its complement in the row").isEqualTo("•");
        assertThat(ideas.rows().get(0).cells().get(total)).as("a retried event counts once").isEqualTo("9");
        assertThat(ideas.rows().stream().flatMap(r -> r.cells().stream())).doesNotContain("2", "7");
        ParticipationFigures.Grid supports = result.grids().get(1);
        assertThat(supports.rows().get(0).cells().get(g)).isEqualTo("•");
        assertThat(supports.rows().get(2).cells().get(g)).isEqualTo("6");
        ParticipationFigures.Grid realised = result.grids().get(2);
        assertThat(realised.rows().get(0).cells().get(g)).as("5 of 7 realised would reveal the 2 others").isEqualTo("•");
        assertThat(realised.rows().get(2).cells().get(g)).as("so the share is hidden too").isEqualTo("•");
        assertThat(result.medianDaysToAnswer()).isEqualTo("13");

        String page = mvc.perform(get("/impact/participation").param("from", "2001-01-01").param("to", "2001-12-31")
                        .session(Logins.as(mvc, "funder")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vorgeschlagene Ideen nach Art und Lab", "Kurs- oder Workshopwunsch", "•");
        assertThat(page).as("each table of counts has its chart, as on the dashboard")
                .contains("<svg", "aria-label=\"Vorgeschlagene Ideen nach Art und Lab\"", "aria-label=\"Unterstützungen nach Lab\"");
        mvc.perform(get("/impact/participation").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/impact").session(Logins.as(mvc, "funder"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/impact/participation\"");
    }

    private static long id(List<LabView> labs, String slug) {
        return labs.stream().filter(l -> l.slug().equals(slug)).findFirst().orElseThrow().id();
    }

    private static int index(List<LabView> labs, String slug) {
        for (int i = 0; i < labs.size(); i++) {
            if (labs.get(i).slug().equals(slug)) {
                return i;
            }
        }
        throw new IllegalArgumentException(slug);
    }
}
