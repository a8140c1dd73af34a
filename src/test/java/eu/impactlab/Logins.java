package eu.impactlab;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Logs in through the real login form, so tests see the same roles and lab rights as people do. */
public final class Logins {

    private Logins() {
    }

    public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                // Each role lands on its own start page; a failed login would go back to /login.
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isIn("/admin", "/staff/day", "/impact", "/partner"))
                .andReturn().getRequest().getSession();
    }

    public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
        return as(mvc, username, "demo");
    }
}
