package eu.impactlab.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** After login people land on their task page, unless they were on their way to another page. */
class LandingPageAfterLoginTest extends AbstractIntegrationTest {

    @Test
    void helpersLandOnTheirDayFundersOnTheImpactFiguresPartnersOnTheirRequestsCoordinatorsAndAdminsOnTheStaffHome() throws Exception {
        mvc.perform(formLogin("/login").user("helper").password("demo")).andExpect(redirectedUrl("/staff/day"));
        mvc.perform(formLogin("/login").user("funder").password("demo")).andExpect(redirectedUrl("/impact"));
        mvc.perform(formLogin("/login").user("coordinator").password("demo")).andExpect(redirectedUrl("/admin"));
        mvc.perform(formLogin("/login").user("admin").password("demo")).andExpect(redirectedUrl("/admin"));
        mvc.perform(formLogin("/login").user("partner").password("demo")).andExpect(redirectedUrl("/partner"));
    }

    @Test
    void aPageAskedForBeforeLoginStillWins() throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(get("/admin/account"))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        mvc.perform(post("/login").session(session).with(csrf()).param("username", "helper").param("password", "demo"))
                .andExpect(redirectedUrl("http://localhost/admin/account?continue"));
    }
}
