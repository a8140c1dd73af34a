package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The whole way as people go it: a coordinator invites a senior club, its partner asks for a smartphone workshop in
 * Turkish and Arabic, the coordinator answers, proposes a date, the partner agrees and gets the calendar file, the
 * workshop is delivered and its reach reported; the partner reads every step in plain words.
 */
class PartnerJourneyTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabService labs;

    @Test
    void fromInvitationToAReportedWorkshop() throws Exception {
        String email = "seniors-" + System.nanoTime() + "@example.org";
        MockHttpSession partner = PartnerTesting.newPartner(mvc, "Seniorenclub Journey " + System.nanoTime(),
                "journey" + System.nanoTime(), email, "tr");
        assertThat(jdbc.sql("select subject from mail_outbox where recipient = ? order by id").param(email)
                .query(String.class).list()).as("the invitation went out in Turkish").anyMatch(s -> s.contains("Davet"));

        long id = PartnerTesting.askForWorkshop(mvc, partner, labs, "Smartphone-Workshop für Senioren");
        String page = page("/partner/requests/" + id, partner);
        assertThat(page).contains("Smartphone-Workshop für Senioren").contains("Ihre Anfrage ist angekommen");

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        assertThat(page("/admin/partners?lab=groepelingen", coordinator)).contains("Smartphone-Workshop für Senioren");
        mvc.perform(post("/admin/partners/requests/" + id + "/answer").session(coordinator).with(csrf())
                .param("body", "Gern! Brauchen Sie Hilfe mit dem Rollstuhl am Eingang?").param("askPartner", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/partners/requests/" + id + "/note").session(coordinator).with(csrf())
                .param("body", "Intern: Rampe vorher prüfen")).andExpect(status().is3xxRedirection());
        page = page("/partner/requests/" + id, partner);
        assertThat(page).contains("Wir warten auf Ihre Antwort").contains("Rollstuhl am Eingang").doesNotContain("Rampe vorher prüfen");

        LocalDate day = PartnerTesting.openDay(labs, 12);
        mvc.perform(post("/admin/partners/requests/" + id + "/propose").session(coordinator).with(csrf())
                .param("date", day.toString()).param("from", "14:00").param("until", "16:00"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/partner/requests/" + id, partner)).contains("14:00");
        mvc.perform(post("/partner/requests/" + id + "/accept").session(partner).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/partner/requests/" + id, partner)).contains("Termin vereinbart");
        String ics = new String(mvc.perform(get("/partner/requests/" + id + "/calendar.ics").session(partner))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VEVENT").contains("partner-request-" + id + "@impactlab");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and attachment_filename = 'invite.ics'")
                .param(email).query(Long.class).single()).as("the agreed date came by mail with the calendar file").isEqualTo(1);

        // A closed course for attendance and certificates: not in the public programme, nobody can register.
        mvc.perform(post("/admin/partners/requests/" + id + "/course").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long course = jdbc.sql("select course_id from partner_request where id = ?").param(id).query(Long.class).single();
        var row = jdbc.sql("select status, registration_closed from course where id = ?").param(course).query().singleRow();
        assertThat(row.get("status")).isEqualTo("DRAFT");
        assertThat(row.get("registration_closed")).isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from course_session s join partner_request r on r.scheduled_start = s.starts_at "
                + "where s.course_id = ? and r.id = ?").params(course, id).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/courses/" + course)).andExpect(status().isNotFound());
        assertThat(page("/admin/courses/" + course, coordinator)).contains("Smartphone-Workshop für Senioren");

        // The day has come and gone.
        jdbc.sql("update partner_request set scheduled_start = now() - interval '3 hours', scheduled_end = now() - interval '1 hour' where id = ?")
                .param(id).update();
        mvc.perform(post("/admin/partners/requests/" + id + "/delivered").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String wrong = page(post("/admin/partners/requests/" + id + "/report").session(coordinator).with(csrf())
                .param("participants", "14").param("under12", "0").param("age12to17", "0").param("age18to26", "0")
                .param("age65plus", "10").param("age27to64", "2").param("firstTime", "9")
                .param("languages", "tr", "ar").param("durationMinutes", "120").param("staffHours", "4")
                .param("volunteerHours", "2").param("devicesLent", "0"));
        assertThat(wrong).contains("ergeben zusammen nicht");
        assertThat(state(id)).isEqualTo("DELIVERED");
        mvc.perform(post("/admin/partners/requests/" + id + "/report").session(coordinator).with(csrf())
                        .param("participants", "14").param("under12", "0").param("age12to17", "0").param("age18to26", "0")
                        .param("age65plus", "12").param("age27to64", "2").param("firstTime", "9")
                        .param("languages", "tr", "ar").param("durationMinutes", "120").param("staffHours", "4")
                        .param("volunteerHours", "2,5").param("devicesLent", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(state(id)).isEqualTo("REPORTED");
        page = page("/partner/requests/" + id, partner);
        assertThat(page).contains("Es hat stattgefunden").doesNotContain("Rampe vorher prüfen");
    }

    private String state(long id) {
        return jdbc.sql("select state from partner_request where id = ?").param(id).query(String.class).single();
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return page(get(path).session(session));
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
