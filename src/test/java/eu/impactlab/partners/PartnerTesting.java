package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What the partner tests do again and again: invite a partner of a new organisation, and ask for a workshop. */
final class PartnerTesting {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private PartnerTesting() {
    }

    /** Invites a person of a new organisation as the demo coordinator; returns the one-time link. */
    static String invite(MockMvc mvc, String organisation, String username, String email, String language) throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        MvcResult invited = mvc.perform(post("/admin/partners/invite").session(coordinator).with(csrf())
                        .param("lab", "groepelingen").param("organisation", organisation)
                        .param("organisationKind", "SENIOR_CLUB").param("stadtteil", "Gröpelingen")
                        .param("displayName", "Frau Test").param("email", email).param("username", username)
                        .param("language", language))
                .andExpect(status().is3xxRedirection()).andReturn();
        String link = (String) invited.getFlashMap().get("link");
        assertThat(link).as("the coordinator sees the one-time link").contains("/password/");
        return link;
    }

    /** A partner of a new organisation, logged in after setting the password through the one-time link. */
    static MockHttpSession newPartner(MockMvc mvc, String organisation, String username, String email, String language)
            throws Exception {
        String link = invite(mvc, organisation, username, email, language);
        String path = link.substring(link.indexOf("/password/"));
        mvc.perform(post(path).with(csrf()).param("password", "ein langes Passwort 1").param("repeat", "ein langes Passwort 1"))
                .andExpect(status().is3xxRedirection());
        return Logins.as(mvc, username, "ein langes Passwort 1");
    }

    /** A Tuesday to Thursday at least {@code daysAhead} days from today on which the lab is open. */
    static LocalDate openDay(LabService labs, int daysAhead) {
        LocalDate day = LocalDate.now(BREMEN).plusDays(daysAhead);
        while (day.getDayOfWeek().compareTo(DayOfWeek.TUESDAY) < 0 || day.getDayOfWeek().compareTo(DayOfWeek.THURSDAY) > 0
                || !labs.schedule("groepelingen", day, 1).get(0).open()) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Asks for a workshop for seniors in Turkish and Arabic; returns the new request's id. */
    static long askForWorkshop(MockMvc mvc, MockHttpSession partner, LabService labs, String topic) throws Exception {
        LocalDate first = openDay(labs, 10);
        LocalDate second = openDay(labs, 17);
        MvcResult sent = mvc.perform(post("/partner/requests").session(partner).with(csrf())
                        .param("kind", "WORKSHOP").param("topic", topic).param("groupSize", "12")
                        .param("ageBands", "AGE_65_PLUS").param("languages", "tr", "ar").param("place", "LAB")
                        .param("accessibility", "WHEELCHAIR")
                        .param("date1", first.toString()).param("from1", "14:00").param("until1", "16:00")
                        .param("date2", second.toString()).param("from2", "10:00").param("until2", "12:00"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String target = sent.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/partner/requests/");
        // The partner lands on the request's page, as a browser would (and the confirmation is shown there once).
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(target).session(partner))
                .andExpect(status().isOk());
        return Long.parseLong(target.substring("/partner/requests/".length()));
    }
}
