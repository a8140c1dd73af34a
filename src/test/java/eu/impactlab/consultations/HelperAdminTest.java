package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.accounts.AccountService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class HelperAdminTest extends AbstractIntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ConsultationService consultations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCoordinatorGivesAHelperALanguageAndFreeTimesAppearInIt() throws Exception {
        long helper2 = accounts.byUsername("helper2").orElseThrow().id();
        LocalDate from = LocalDate.now(SlotFinder.BREMEN);
        assertThat(consultations.freeSlots("groepelingen", "smartphone", "ru", from, from.plusDays(14))).isEmpty();

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        var request = post("/admin/consultations/groepelingen/helpers/" + helper2).session(coordinator).with(csrf())
                .param("language", "de", "ru").param("topic", "smartphone");
        for (int d = 1; d <= 6; d++) {
            request.param("starts-" + d, "10:00").param("ends-" + d, "13:00").param("mode-" + d + "-IN_PERSON", "on");
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());

        assertThat(consultations.freeSlots("groepelingen", "smartphone", "ru", from, from.plusDays(14))).isNotEmpty();
        assertThat(consultations.freeSlots("groepelingen", "jobs", "pl", from, from.plusDays(14)))
                .allSatisfy(slot -> assertThat(slot.helpers()).doesNotContainKey(helper2));
    }

    @Test
    void anAbsenceRemovesTheHelpersFreeTimesOnThoseDays() throws Exception {
        long helper = accounts.byUsername("helper.osterholz").orElseThrow().id();
        LocalDate thursday = LocalDate.now(SlotFinder.BREMEN).with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
        assertThat(consultations.freeSlots("osterholz", "files-photos", "fa", thursday, thursday)).isNotEmpty();
        MockHttpSession admin = Logins.as(mvc, "admin");
        mvc.perform(post("/admin/consultations/osterholz/helpers/" + helper + "/absences").session(admin).with(csrf())
                .param("from", thursday.toString()).param("to", thursday.toString()).param("decision", "keep"))
                .andExpect(status().is3xxRedirection());
        assertThat(consultations.freeSlots("osterholz", "files-photos", "fa", thursday, thursday)).isEmpty();
    }

    @Test
    void aCoordinatorCannotManageHelpersOfAnotherLabAndHelpersCannotManageAtAll() throws Exception {
        long vegesackHelper = accounts.byUsername("helper.vegesack").orElseThrow().id();
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(get("/admin/consultations/vegesack").session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/consultations/vegesack/helpers/" + vegesackHelper).session(coordinator).with(csrf())
                .param("language", "de")).andExpect(status().isForbidden());
        MockHttpSession helper = Logins.as(mvc, "helper");
        mvc.perform(get("/admin/consultations/groepelingen").session(helper)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/consultations/groepelingen").session(coordinator)).andExpect(status().isOk());
    }

    @Test
    void badHoursAreRefusedWithAClearMessage() throws Exception {
        long helper = accounts.byUsername("helper").orElseThrow().id();
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String html = mvc.perform(post("/admin/consultations/groepelingen/helpers/" + helper).session(coordinator).with(csrf())
                        .param("language", "de").param("starts-1", "15:00").param("ends-1", "09:00")
                        .param("mode-1-IN_PERSON", "on").param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "href=\"#starts-1\"");
    }

    @Test
    void anAbsenceShowsTheHelpersAppointmentsFirstAndCancellingTellsThePerson() throws Exception {
        String email = "absence-" + System.nanoTime() + "@example.org";
        LocalDate from = LocalDate.now(SlotFinder.BREMEN).plusDays(1);
        Slot slot = consultations.freeSlots("vegesack", "smartphone", "de", from, from.plusDays(20)).stream()
                .filter(s -> s.offers(Mode.IN_PERSON)).findFirst().orElseThrow();
        var booked = (BookingOutcome.Booked) consultations.book(new BookingRequest("vegesack", "smartphone", "de",
                slot.start().toOffsetDateTime(), Mode.IN_PERSON, "Test", email, null, true, "de", null));
        String code = booked.appointment().code();
        long helper = jdbc.sql("select helper_id from appointment where code = ?").param(code).query(Long.class).single();
        LocalDate day = slot.start().toLocalDate();
        MockHttpSession admin = Logins.as(mvc, "admin");

        String preview = mvc.perform(post("/admin/consultations/vegesack/helpers/" + helper + "/absences").session(admin)
                        .with(csrf()).param("from", day.toString()).param("to", day.toString()).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains(code, "Noch ist nichts gespeichert", "value=\"" + day + "\"");
        assertThat(preview).doesNotContain(email);

        mvc.perform(post("/admin/consultations/vegesack/helpers/" + helper + "/absences").session(admin).with(csrf())
                        .param("from", day.toString()).param("to", day.toString()).param("decision", "cancel"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from appointment where code = ?").param(code).query(String.class).single())
                .isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and attachment_content_type like '%CANCEL%'")
                .param(email).query(Long.class).single()).isEqualTo(1L);
        jdbc.sql("delete from helper_absence where helper_id = ? and starts_on = ?").params(helper, java.sql.Date.valueOf(day)).update();
    }
}
