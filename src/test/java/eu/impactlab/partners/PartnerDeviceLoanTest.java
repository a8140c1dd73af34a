package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.equipment.GroupLoans;
import eu.impactlab.labs.LabService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A partner's device loan against the lab's real pools: the form tells how many tablets the lab can lend then and
 * refuses more than it has; the coordinator reserves tablets, which the partner then sees with their asset tags, dates
 * and calendar file; the reach report starts from the devices lent; no one else sees or acts on it.
 */
class PartnerDeviceLoanTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabService labs;
    @Autowired
    GroupLoans groupLoans;

    MockHttpSession partner;
    long lab;
    String topic;

    @BeforeEach
    void partnerOfANewOrganisation() throws Exception {
        long n = System.nanoTime();
        partner = PartnerTesting.newPartner(mvc, "Jugendhaus Geräte " + n, "geraete" + n, "geraete" + n + "@example.org", "de");
        lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        topic = "Tablets für die Ferienwoche " + n;
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private org.springframework.test.web.servlet.ResultActions ask(String type, int count, LocalDate from, LocalDate until)
            throws Exception {
        return mvc.perform(post("/partner/requests").session(partner).with(csrf())
                .param("kind", "DEVICE_LOAN").param("topic", topic).param("groupSize", "15")
                .param("ageBands", "AGE_12_17").param("languages", "de", "tr")
                .param("deviceType", type).param("deviceCount", String.valueOf(count))
                .param("loanFrom", from.toString()).param("loanUntil", until.toString()));
    }

    private long saved() {
        return jdbc.sql("select count(*) from partner_request where topic = ?").param(topic).query(Long.class).single();
    }

    @Test
    void theFormTellsHowManyTheLabCanLendThenAndRefusesMoreThanItHas() throws Exception {
        // The demo school's ten tablets are reserved for these days, so fewer are free than the lab has.
        LocalDate from = jdbc.sql("select from_day from group_loan where organisation_name like 'Oberschule am Waller Ring%' and released_at is null")
                .query(LocalDate.class).single();
        GroupLoans.Availability then = groupLoans.availability(lab, "TABLET", from, from.plusDays(1));
        assertThat(then.free()).isLessThan(then.inLab());

        String hint = page(get("/partner/requests/devices").session(partner).param("deviceType", "TABLET")
                .param("loanFrom", from.toString()).param("loanUntil", from.plusDays(1).toString())
                .param("deviceCount", String.valueOf(then.inLab())));
        assertThat(hint).contains("Das Lab hat " + then.inLab() + " Tablets. An diesen Tagen sind " + then.free() + " davon frei.")
                .contains("Das Lab prüft es.");
        assertThat(page(get("/partner/requests/devices").session(partner).param("deviceType", "SMARTPHONE")
                .param("loanFrom", from.toString()).param("loanUntil", from.plusDays(1).toString())))
                .contains("nicht im Verleih-Bestand");

        String refused = ask("TABLET", then.inLab() + 1, from, from.plusDays(1)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("So viele Geräte dieser Art hat das Lab nicht: höchstens " + then.inLab() + ".");
        assertThat(saved()).as("nothing saved").isZero();

        ask("TABLET", then.inLab(), from, from.plusDays(1)).andExpect(status().is3xxRedirection());
        assertThat(saved()).as("more than free is allowed: the lab will check").isEqualTo(1);
    }

    @Test
    void theCoordinatorReservesTabletsAndThePartnerSeesThemWithDatesAndCalendar() throws Exception {
        LocalDate from = PartnerTesting.openDay(labs, 45);
        LocalDate until = from.plusDays(2);
        String target = ask("TABLET", 2, from, until).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(target.substring("/partner/requests/".length()));
        List<String> free = groupLoans.candidates(lab, "TABLET", from, until).stream().map(GroupLoans.Candidate::assetTag).toList();

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        assertThat(page(get("/admin/partners/requests/" + id).session(coordinator))).contains("Geräte aus dem Bestand reservieren")
                .contains(free.get(0));
        MockHttpSession other = PartnerTesting.newPartner(mvc, "Anderer Verein " + System.nanoTime(), "anders" + System.nanoTime(),
                "anders" + System.nanoTime() + "@example.org", "de");
        for (MockHttpSession nobody : List.of(other, Logins.as(mvc, "helper"), Logins.as(mvc, "funder"))) {
            mvc.perform(post("/admin/partners/requests/" + id + "/devices").session(nobody).with(csrf()).param("anyCount", "2"))
                    .andExpect(status().isForbidden());
        }
        assertThat(groupLoans.forRequest(id)).as("nothing reserved by those who may not").isEmpty();

        mvc.perform(post("/admin/partners/requests/" + id + "/devices").session(coordinator).with(csrf()).param("anyCount", "2"))
                .andExpect(status().is3xxRedirection());
        GroupLoans.Reserved reserved = groupLoans.forRequest(id).orElseThrow();
        assertThat(reserved.assetTags()).hasSize(2);
        assertThat(jdbc.sql("select state from partner_request where id = ?").param(id).query(String.class).single())
                .as("the pick-up day is agreed").isEqualTo("SCHEDULED");
        mvc.perform(post("/admin/partners/requests/" + id + "/devices").session(coordinator).with(csrf()).param("anyCount", "2"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("problem")).isEqualTo("equipment.group.error.already"));

        String mine = page(get("/partner/requests/" + id).session(partner));
        assertThat(mine).contains("2 Tablets sind für Sie reserviert.").contains(reserved.assetTags().get(0))
                .contains(reserved.assetTags().get(1)).contains("Abholen im Lab am");
        String calendar = page(get("/partner/requests/" + id + "/calendar.ics").session(partner)).replace("\r\n ", "");
        assertThat(calendar).contains("zurückbringen bis");
        mvc.perform(get("/partner/requests/" + id).session(other)).andExpect(status().isForbidden());
        mvc.perform(get("/partner/requests/" + id + "/calendar.ics").session(other)).andExpect(status().isForbidden());
        assertThat(page(get("/partner").session(other))).doesNotContain(reserved.assetTags().get(0));

        assertThat(page(get("/admin/partners/requests/" + id + "/report").session(coordinator)))
                .as("the reach report starts from the devices lent").contains("name=\"devicesLent\" min=\"0\" value=\"2\"");

        mvc.perform(post("/admin/partners/requests/" + id + "/cancel").session(coordinator).with(csrf()).param("reason", "LAB"))
                .andExpect(status().is3xxRedirection());
        assertThat(groupLoans.forRequest(id)).as("a cancelled loan gives its tablets back").isEmpty();
        assertThat(groupLoans.candidates(lab, "TABLET", from, until)).hasSize(free.size());
    }
}
