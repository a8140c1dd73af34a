package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * What staff do to an appointment (its steps, a cancellation, the outcome) and a look at its contact details land in
 * the audit trail with the account and ids only, in the same transaction as the change.
 */
class StaffWorkAuditTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    JdbcClient jdbc;

    /** The audit entries about one appointment: action and the staff member's user name, oldest first. */
    private List<String> trail(long appointment) {
        return jdbc.sql("""
                select a.action || ':' || coalesce(acc.username, '-') from privacy_audit a
                left join account acc on acc.id = a.actor_id
                where a.object_type = 'appointment' and a.object_id = ? order by a.id""")
                .param(String.valueOf(appointment)).query(String.class).list();
    }

    private long bookWithContact(String lab, String language) {
        LocalDate today = LocalDate.now(SlotFinder.BREMEN);
        for (Slot slot : consultations.freeSlots(lab, "smartphone", language, today, today.plusDays(20))) {
            if (slot.offers(Mode.IN_PERSON) && consultations.book(new BookingRequest(lab, "smartphone", language,
                    slot.start().toOffsetDateTime(), Mode.IN_PERSON, "Kontakt Probe", "kontakt.probe@example.org",
                    "0421 555 0101", true, "de", null)) instanceof BookingOutcome.Booked booked) {
                return jdbc.sql("select id from appointment where code = ?").param(booked.appointment().code())
                        .query(Long.class).single();
            }
        }
        throw new AssertionError("no free time at " + lab);
    }

    @Test
    void stepsAndTheOutcomeAreAuditedWithTheHelperAndNoPersonalData() throws Exception {
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", "Audit Person");
        MockHttpSession helper = Logins.as(mvc, "helper");
        mvc.perform(post("/staff/appointments/" + booked.id() + "/arrived").session(helper).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/appointments/" + booked.id() + "/done").session(helper).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/appointments/" + booked.id() + "/outcome").session(helper).with(csrf())
                        .param("topics", "smartphone").param("result", "SOLVED").param("referral", "NONE").param("minutes", "25"))
                .andExpect(status().is3xxRedirection());

        assertThat(trail(booked.id())).containsExactly("APPOINTMENT_ARRIVED:helper", "APPOINTMENT_DONE:helper",
                "OUTCOME_RECORDED:helper");
        assertThat(jdbc.sql("select coalesce(details, '') from privacy_audit where object_type = 'appointment' and object_id = ?")
                .param(String.valueOf(booked.id())).query(String.class).list())
                .contains("status BOOKED -> ARRIVED", "result SOLVED, minutes 25")
                .noneMatch(details -> details.contains("Audit Person"));

        String history = mvc.perform(get("/admin/privacy/audit").param("objectType", "appointment")
                        .param("objectId", String.valueOf(booked.id())).session(Logins.as(mvc, "admin")).locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("Termin: Person ist da", "Termin: fertig", "Ergebnis eingetragen");
    }

    @Test
    void aNoShowAndACancellationByStaffAreAuditedACitizensOwnCancellationIsNot() throws Exception {
        StaffTesting.Booked missed = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", null);
        mvc.perform(post("/staff/appointments/" + missed.id() + "/no-show").session(Logins.as(mvc, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(trail(missed.id())).containsExactly("APPOINTMENT_NO_SHOW:coordinator");

        StaffTesting.Booked closed = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", null);
        assertThat(consultations.cancelByStaff(closed.id(), "coordinator")).isTrue();
        assertThat(trail(closed.id())).containsExactly("APPOINTMENT_CANCELLED:coordinator");

        StaffTesting.Booked own = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", null);
        assertThat(consultations.cancel(own.token())).isTrue();
        assertThat(trail(own.id())).as("the citizen's own step is no staff work").isEmpty();
    }

    @Test
    void aHelperSeesTheContactDetailsOnlyOnRequestAndThatLookIsAudited() throws Exception {
        long appointment = bookWithContact("groepelingen", "tr");
        MockHttpSession helper = Logins.as(mvc, "helper");
        String day = mvc.perform(get("/staff/day").param("date", jdbc.sql(
                        "select (starts_at at time zone 'Europe/Berlin')::date::text from appointment where id = ?")
                        .param(appointment).query(String.class).single()).session(helper))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(day).contains("/staff/appointments/" + appointment + "/contact").doesNotContain("kontakt.probe@example.org");
        assertThat(trail(appointment)).as("the day page shows no contact details").isEmpty();

        String contact = mvc.perform(get("/staff/appointments/" + appointment + "/contact").session(helper).locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(contact).contains("Kontakt zum Termin", "Kontakt Probe", "mailto:kontakt.probe@example.org",
                "tel:04215550101", "wird im Protokoll festgehalten");
        assertThat(trail(appointment)).containsExactly("CONTACT_VIEWED:helper");

        // Per role: a helper of another lab and a funder see nothing, and nothing is recorded for them.
        mvc.perform(get("/staff/appointments/" + appointment + "/contact").session(Logins.as(mvc, "helper.vegesack")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/appointments/" + appointment + "/contact").session(Logins.as(mvc, "funder")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/appointments/" + appointment + "/contact")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/appointments/" + appointment + "/contact").session(Logins.as(mvc, "coordinator")))
                .andExpect(status().isOk());
        assertThat(trail(appointment)).containsExactly("CONTACT_VIEWED:helper", "CONTACT_VIEWED:coordinator");
    }
}
