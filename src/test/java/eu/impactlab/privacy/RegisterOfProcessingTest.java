package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.platform.PersonalData;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpSession;

/** The register lists every purpose of every module, with the deletion runs, for admins only; also as PDF. */
class RegisterOfProcessingTest extends AbstractIntegrationTest {

    @Autowired
    PrivacyService privacy;
    @Autowired
    List<PersonalData.DeletionJob> jobs;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    @Test
    void theRegisterListsEveryPurposeAndTheDeletionRuns() throws Exception {
        jobs.forEach(job -> job.deleteDue(clock.instant()));
        MockHttpSession admin = Logins.as(mvc, "admin");
        String page = mvc.perform(get("/admin/privacy/register").param("lang", "de").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (PersonalData.Use use : privacy.uses()) {
            assertThat(page).contains(messages.getMessage("privacy.use." + use.key() + ".purpose", null, Locale.GERMAN));
        }
        assertThat(page).contains("Verzeichnis der Verarbeitungstätigkeiten", "Mailserver", "Videodienst", "§ 3 BremDSGVOAG",
                "Technische und organisatorische Maßnahmen");
        jobs.forEach(job -> assertThat(page).contains(job.name()));

        var pdf = mvc.perform(get("/admin/privacy/register.pdf").param("lang", "ar").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void onlyAdminsReadTheRegister() throws Exception {
        mvc.perform(get("/admin/privacy/register")).andExpect(status().is3xxRedirection());
        for (String user : new String[] {"coordinator", "helper", "funder"}) {
            mvc.perform(get("/admin/privacy/register").session(Logins.as(mvc, user))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/privacy/register.pdf").session(Logins.as(mvc, user))).andExpect(status().isForbidden());
        }
    }
}
