package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.consultations.ConsultationCompleted.AgeBand;
import eu.impactlab.consultations.ConsultationCompleted.FirstVisit;
import eu.impactlab.consultations.ConsultationCompleted.Gender;
import eu.impactlab.consultations.ConsultationCompleted.Kind;
import eu.impactlab.consultations.ConsultationCompleted.Referral;
import eu.impactlab.consultations.ConsultationCompleted.Result;
import eu.impactlab.labs.LabService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A helper's day on the tablet: appointments from booked to done, the anonymous outcome, and who may touch what. */
@RecordApplicationEvents
class HelperDayTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    LabService labs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void theDayShowsTheHelpersBookedAppointmentWithCodeTopicLanguageAndName() throws Exception {
        // Only "helper" speaks Turkish in Gröpelingen, so the booking is theirs.
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", "Ayşe");
        MockHttpSession helper = Logins.as(mvc, "helper");

        String day = mvc.perform(get("/staff/day").param("date", booked.day().toString()).param("lang", "de").session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(day).contains(booked.code(), "Smartphone und Tablet", "Türkçe", "Vor Ort im Lab", "Ayşe", "gebucht",
                "<caption>Ihre Termine am ", "action=\"/staff/appointments/" + booked.id() + "/arrived\"", "name=\"_csrf\"");
        // Another helper of the same lab does not see it among their own appointments.
        String other = mvc.perform(get("/staff/day").param("date", booked.day().toString()).session(Logins.as(mvc, "helper2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain(booked.code());
    }

    @Test
    void arrivedThenDoneLeadsToTheOutcomeWhichIsStoredAnonymouslyAndPublished() throws Exception {
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", "Mehmet");
        MockHttpSession helper = Logins.as(mvc, "helper");
        long outcomesBefore = jdbc.sql("select count(*) from consultation_outcome").query(Long.class).single();

        // "done" before "arrived" changes nothing.
        mvc.perform(post("/staff/appointments/" + booked.id() + "/done").session(helper).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(appointmentStatus(booked.id())).isEqualTo("BOOKED");

        mvc.perform(post("/staff/appointments/" + booked.id() + "/arrived").session(helper).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(appointmentStatus(booked.id())).isEqualTo("ARRIVED");
        mvc.perform(post("/staff/appointments/" + booked.id() + "/done").session(helper).with(csrf()))
                .andExpect(redirectedUrl("/staff/appointments/" + booked.id() + "/outcome"));
        assertThat(appointmentStatus(booked.id())).isEqualTo("DONE");

        String form = mvc.perform(get("/staff/appointments/" + booked.id() + "/outcome").param("lang", "de").session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Wie ist die Beratung ausgegangen?", booked.code(), "value=\"30\"", "Gröpelingen",
                "Osterholz (Tenever)", "außerhalb von Bremen", "Verbraucherzentrale")
                .doesNotContain("<textarea", "Mehmet");

        mvc.perform(post("/staff/appointments/" + booked.id() + "/outcome").session(helper).with(csrf())
                        .param("topics", "smartphone", "public-services").param("result", "PARTLY")
                        .param("referral", "BUERGERAMT").param("minutes", "40").param("ageBand", "FROM_65")
                        .param("gender", "FEMALE").param("stadtteil", "Gröpelingen").param("firstVisit", "YES"))
                .andExpect(status().is3xxRedirection());

        List<ConsultationCompleted> published = events.stream(ConsultationCompleted.class).toList();
        assertThat(published).hasSize(1);
        ConsultationCompleted completed = published.get(0);
        assertThat(completed.eventId()).isNotNull();
        assertThat(completed).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(new ConsultationCompleted(null, booked.day(), labs.idOf("groepelingen").orElseThrow(),
                Kind.APPOINTMENT, List.of("smartphone", "public-services"), "tr", Mode.IN_PERSON, Result.PARTLY,
                Referral.BUERGERAMT, 40, AgeBand.FROM_65, Gender.FEMALE, "Gröpelingen", FirstVisit.YES, null));

        assertThat(jdbc.sql("select count(*) from consultation_outcome").query(Long.class).single()).isEqualTo(outcomesBefore + 1);
        Map<String, Object> row = jdbc.sql("select * from consultation_outcome order by id desc limit 1").query().singleRow();
        assertThat(row).containsEntry("kind", "APPOINTMENT").containsEntry("result", "PARTLY")
                .containsEntry("referral", "BUERGERAMT").containsEntry("stadtteil", "Gröpelingen")
                .containsEntry("age_band", "FROM_65").containsEntry("language", "tr");
        // Nothing in the outcome leads back to a person, the helper or the appointment.
        assertThat(row.keySet()).doesNotContain("name", "email", "phone", "helper_id", "appointment_id", "ticket_id",
                "code", "account_id");
        assertThat(jdbc.sql("select topic_key from consultation_outcome_topic where outcome_id = ? order by topic_key")
                .param(row.get("id")).query(String.class).list()).containsExactly("public-services", "smartphone");

        assertThat(jdbc.sql("select action || ':' || coalesce((select username from account where id = actor_id), actor) from appointment_log where appointment_id = ? order by id")
                .param(booked.id()).query(String.class).list())
                .containsExactly("BOOKED:citizen", "ARRIVED:helper", "DONE:helper", "OUTCOME_RECORDED:helper");

        // Sending the form again stores and publishes nothing new.
        mvc.perform(post("/staff/appointments/" + booked.id() + "/outcome").session(helper).with(csrf())
                        .param("topics", "smartphone").param("result", "SOLVED").param("referral", "NONE").param("minutes", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(events.stream(ConsultationCompleted.class)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from consultation_outcome").query(Long.class).single()).isEqualTo(outcomesBefore + 1);
    }

    @Test
    void aNoShowIsLoggedWithTheHelpersName() throws Exception {
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", null);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/staff/appointments/" + booked.id() + "/no-show").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(appointmentStatus(booked.id())).isEqualTo("NO_SHOW");
        assertThat(jdbc.sql("select coalesce((select username from account where id = actor_id), actor) from appointment_log where appointment_id = ? and action = 'NO_SHOW'")
                .param(booked.id()).query(String.class).single()).isEqualTo("coordinator");
    }

    @Test
    void aHelperOfGroepelingenGets403ForAVegesackAppointmentAndTicket() throws Exception {
        StaffTesting.Booked vegesack = StaffTesting.book(consultations, jdbc, "vegesack", "de", "Olga");
        MockHttpSession helper = Logins.as(mvc, "helper");

        for (String action : List.of("arrived", "no-show", "done")) {
            mvc.perform(post("/staff/appointments/" + vegesack.id() + "/" + action).session(helper).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/staff/appointments/" + vegesack.id() + "/outcome").session(helper)).andExpect(status().isForbidden());
        assertThat(appointmentStatus(vegesack.id())).isEqualTo("BOOKED");

        MockHttpSession vegesackHelper = Logins.as(mvc, "helper.vegesack");
        StaffTesting.Ticket ticket = StaffTesting.draw(mvc, jdbc, vegesackHelper, "vegesack", "jobs", "uk");
        mvc.perform(post("/staff/tickets/" + ticket.id() + "/left").session(helper).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staff/tickets/" + ticket.id() + "/served").session(helper).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/staff/tickets/" + ticket.id() + "/outcome").session(helper)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/labs/vegesack/tickets").session(helper).with(csrf()).param("topic", "jobs").param("language", "de"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/labs/vegesack/call-next").session(helper).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/staff/short-help").session(helper).with(csrf()).param("lab", "vegesack").param("topic", "jobs")
                        .param("result", "SOLVED"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from walk_in_ticket where id = ?").param(ticket.id()).query(String.class).single())
                .isEqualTo("WAITING");

        // The Vegesack helper may.
        mvc.perform(post("/staff/tickets/" + ticket.id() + "/left").session(vegesackHelper).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from walk_in_ticket where id = ?").param(ticket.id()).query(String.class).single())
                .isEqualTo("LEFT");
    }

    @Test
    void partnersFundersAndVisitorsCannotOpenTheDay() throws Exception {
        for (String user : List.of("partner", "funder")) {
            mvc.perform(get("/staff/day").session(Logins.as(mvc, user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/staff/day")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theOutcomeFormWithBadInputKeepsWhatWasChosenAndShowsAnErrorSummary() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper2");
        StaffTesting.Ticket ticket = StaffTesting.draw(mvc, jdbc, helper, "groepelingen", "jobs", "pl");
        StaffTesting.callUntil(mvc, helper, "groepelingen", ticket);
        mvc.perform(post("/staff/tickets/" + ticket.id() + "/served").session(helper).with(csrf()))
                .andExpect(redirectedUrl("/staff/tickets/" + ticket.id() + "/outcome"));

        String page = mvc.perform(post("/staff/tickets/" + ticket.id() + "/outcome").param("lang", "de").session(helper).with(csrf())
                        .param("topics", "jobs", "learning").param("_topics", "on").param("minutes", "zwanzig")
                        .param("referral", "JOBCENTER").param("ageBand", "FROM_30_TO_44").param("gender", "DIVERSE")
                        .param("stadtteil", "Walle").param("firstVisit", "NO"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("class=\"error-summary\"", "role=\"alert\"", "href=\"#result\"", "href=\"#minutes\"",
                "Bitte wählen Sie ein Ergebnis", "Bitte geben Sie die Dauer in ganzen Minuten ein", "value=\"zwanzig\"");
        assertThat(page).containsPattern(chosen("jobs", "checked"))
                .containsPattern(chosen("learning", "checked"))
                .containsPattern(chosen("JOBCENTER", "checked"))
                .containsPattern(chosen("FROM_30_TO_44", "checked"))
                .containsPattern(chosen("Walle", "selected"));
        assertThat(jdbc.sql("select outcome_recorded_at is null from walk_in_ticket where id = ?").param(ticket.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(events.stream(ConsultationCompleted.class)).isEmpty();

        // Short help without a topic: the day page says what is missing.
        String day = mvc.perform(post("/staff/short-help").param("lang", "de").session(helper).with(csrf())
                        .param("lab", "groepelingen").param("result", "SOLVED"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(day).contains("class=\"error-summary\"", "href=\"#short-topic\"", "Bitte wählen Sie ein Thema.")
                .containsPattern(chosen("SOLVED", "checked"));
    }

    /** An input or option with this value that is checked or selected, in whatever order the attributes come. */
    private static String chosen(String value, String how) {
        return "<(input|option)[^>]*value=\"" + value + "\"[^>]*" + how + "=\"" + how + "\"";
    }

    private String appointmentStatus(long appointmentId) {
        return jdbc.sql("select status from appointment where id = ?").param(appointmentId).query(String.class).single();
    }
}
