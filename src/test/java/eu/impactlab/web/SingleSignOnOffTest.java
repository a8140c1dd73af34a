package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

/** The small lab's default: no single sign-on and no metrics until the operator configures them. */
class SingleSignOnOffTest extends AbstractIntegrationTest {

    @Test
    void withoutAnIssuerTheLoginPageOffersOnlyTheLocalLogin() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"password\"").doesNotContain("/login/sso").doesNotContain("Anmelden mit");
        mvc.perform(get("/login/sso")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login"));
        assertThat(mvc.perform(get("/oauth2/authorization/sso")).andReturn().getResponse().getStatus())
                .as("no login at a provider").isNotEqualTo(302);
    }

    @Test
    void withoutAManagementPortNoMetricsAreServedButHealthIs() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/readyz")).andExpect(status().isOk());
    }
}
