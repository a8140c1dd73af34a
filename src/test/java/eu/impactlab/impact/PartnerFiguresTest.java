package eu.impactlab.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.partners.PartnerReachReported;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The funders' partner-work figures: from the partners' reach reports (a retried one counts once), small numbers hidden. */
class PartnerFiguresTest extends AbstractIntegrationTest {

    static final LocalDate DAY = LocalDate.of(2002, 3, 12);

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    PartnerFigures figures;
    @Autowired
    LabService labs;

    Events events;

    @Autowired
    void events(org.springframework.context.ApplicationEventPublisher publisher,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        events = new Events(publisher, transactions, jdbc);
    }

    @Test
    void reportedOffersShowTheirReachByKindAgeStadtteilAndLanguageWithSmallNumbersHidden() throws Exception {
        List<LabView> all = labs.labs(Language.DE);
        long groepelingen = all.stream().filter(l -> l.slug().equals("groepelingen")).findFirst().orElseThrow().id();
        long vegesack = all.stream().filter(l -> l.slug().equals("vegesack")).findFirst().orElseThrow().id();
        for (int i = 0; i < 6; i++) {
            PartnerReachReported report = new PartnerReachReported(UUID.randomUUID(), DAY, groepelingen, "WORKSHOP", "Walle",
                    10, Map.of("AGE_12_17", 8, "AGE_27_64", 2), 4, List.of("de", "tr"), 90, 0);
            events.publish(report);
            events.publish(report);
        }
        for (int i = 0; i < 5; i++) {
            events.publish(new PartnerReachReported(UUID.randomUUID(), DAY, vegesack, "WORKSHOP", "OUTSIDE_BREMEN", 3,
                    Map.of("AGE_65_PLUS", 3), 3, i == 0 ? List.of("de", "ru") : List.of("de"), 60, 0));
        }
        Events.await(() -> jdbc.sql("select count(*) from impact_partner_reach where day = ?").param(DAY)
                .query(Long.class).single() == 11, "11 reach rows");

        PartnerFigures.Figures result = figures.figures(DAY, DAY, all, "Gesamt");
        int g = all.indexOf(all.stream().filter(l -> l.id() == groepelingen).findFirst().orElseThrow());
        int v = all.indexOf(all.stream().filter(l -> l.id() == vegesack).findFirst().orElseThrow());
        int total = all.size();
        assertThat(result.offers()).as("a retried report counts once").isEqualTo(11);
        ParticipationFigures.Grid offers = result.grids().get(0);
        assertThat(offers.rows().get(0).cells()).element(g).isEqualTo("6");
        assertThat(offers.rows().get(0).cells()).element(total).isEqualTo("11");
        ParticipationFigures.Grid people = result.grids().get(1);
        assertThat(people.rows().get(0).cells().get(g)).as("60 participants in workshops").isEqualTo("60");
        assertThat(people.rows().get(0).cells().get(v)).isEqualTo("15");
        ParticipationFigures.Grid ages = result.grids().get(2);
        assertThat(ages.rows().get(1).cells().get(g)).isEqualTo("48");
        ParticipationFigures.Grid places = result.grids().get(3);
        assertThat(places.rows()).extracting(ParticipationFigures.Row::literal).contains("Walle").containsNull();
        ParticipationFigures.Grid languages = result.grids().get(4);
        ParticipationFigures.Row russian = languages.rows().stream().filter(r -> "Русский".equals(r.literal())).findFirst()
                .orElseThrow();
        assertThat(russian.cells().get(v)).as("one offer in Russian is too few to show").isEqualTo("•");

        String page = mvc.perform(get("/impact/partners").param("from", DAY.toString()).param("to", DAY.toString())
                        .session(Logins.as(mvc, "funder")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Partnerarbeit: Angebote und Reichweite", "Teilnehmende nach Stadtteil der Partner",
                "Walle", "außerhalb von Bremen", "Türkçe", "60</td>", "•");
        mvc.perform(get("/impact/partners").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/impact").session(Logins.as(mvc, "coordinator"))).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/impact/partners\"");
    }
}
