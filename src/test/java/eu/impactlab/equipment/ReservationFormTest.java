package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.LabService;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public reservation form keeps simple bots out, and tells people without an e-mail address to note the time. */
class ReservationFormTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabService labs;
    @Autowired
    MakerPasses passes;

    private long machine;

    @AfterEach
    void retire() {
        EquipmentTesting.retire(jdbc, machine);
    }

    @Test
    void aFilledHiddenFieldReservesNothingAndAPassWithoutEmailIsToldToNoteTheTime() throws Exception {
        machine = EquipmentTesting.machine(jdbc, "osterholz", "Formular-Testmaschine", null);
        long lab = EquipmentTesting.labId(jdbc, "osterholz");
        String withoutMail = passes.issue(lab, null, null, "tr").pass().code();
        String withMail = passes.issue(lab, null, "form-test@example.org", "tr").pass().code();
        ZonedDateTime start = EquipmentTesting.openTime(labs, "osterholz", 2, 60);
        var form = post("/machines/" + machine + "/reserve").with(csrf()).param("passCode", withoutMail)
                .param("day", start.toLocalDate().toString()).param("time", start.toLocalTime().toString()).param("minutes", "60")
                .param("lang", "tr");

        String page = mvc.perform(form.param("website", "http://spam.example")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Rezerve et").contains("bir kez daha");
        assertThat(jdbc.sql("select count(*) from machine_reservation where machine_id = ?").param(machine).query(Long.class).single())
                .isZero();

        String reserved = mvc.perform(post("/machines/" + machine + "/reserve").with(csrf()).param("passCode", withoutMail)
                        .param("day", start.toLocalDate().toString()).param("time", start.toLocalTime().toString())
                        .param("minutes", "60").param("website", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(reserved).param("lang", "tr")).andReturn().getResponse().getContentAsString())
                .contains("SMS göndermiyoruz");

        String other = mvc.perform(post("/machines/" + machine + "/reserve").with(csrf()).param("passCode", withMail)
                        .param("day", start.toLocalDate().toString()).param("time", start.plusHours(2).toLocalTime().toString())
                        .param("minutes", "60"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(other).param("lang", "tr")).andReturn().getResponse().getContentAsString())
                .doesNotContain("SMS göndermiyoruz");
    }
}
