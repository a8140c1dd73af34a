package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class TopicAdminTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Test
    void aCoordinatorAddsATopicTranslatesItAndSwitchesItOff() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/consultations/topics").session(coordinator).with(csrf())
                .param("key", "elster").param("title", "Steuererklärung mit ELSTER").param("minutes", "60"))
                .andExpect(status().is3xxRedirection());
        assertThat(consultations.topic("elster", Language.TR)).hasValueSatisfying(t -> {
            assertThat(t.title()).isEqualTo("Steuererklärung mit ELSTER");
            assertThat(t.minutes()).isEqualTo(60);
        });

        mvc.perform(post("/admin/consultations/topics/elster").session(coordinator).with(csrf())
                .param("title-de", "Steuererklärung mit ELSTER").param("title-tr", "ELSTER ile vergi beyannamesi")
                .param("minutes", "45").param("active", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(consultations.topic("elster", Language.TR).orElseThrow().title()).isEqualTo("ELSTER ile vergi beyannamesi");

        mvc.perform(post("/admin/consultations/topics/elster").session(coordinator).with(csrf())
                .param("title-de", "Steuererklärung mit ELSTER").param("minutes", "45"))
                .andExpect(status().is3xxRedirection());
        assertThat(consultations.topic("elster", Language.DE)).as("switched off, not bookable").isEmpty();
    }

    @Test
    void badTopicInputKeepsWhatWasTypedAndSaysWhy() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String html = mvc.perform(post("/admin/consultations/topics").session(coordinator).with(csrf()).param("lang", "de")
                        .param("key", "Kita Portal!").param("title", "Kita-Portal").param("minutes", "5"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "href=\"#key\"", "href=\"#minutes\"", "value=\"Kita-Portal\"");
        mvc.perform(post("/admin/consultations/topics").session(coordinator).with(csrf())
                .param("key", "smartphone").param("title", "Doppelt").param("minutes", "30"))
                .andExpect(status().isOk());
    }

    @Test
    void helpersCannotChangeTopics() throws Exception {
        MockHttpSession helper = Logins.as(mvc, "helper");
        mvc.perform(get("/admin/consultations/topics").session(helper)).andExpect(status().isForbidden());
    }
}
