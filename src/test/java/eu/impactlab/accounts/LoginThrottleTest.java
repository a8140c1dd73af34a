package eu.impactlab.accounts;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import eu.impactlab.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class LoginThrottleTest extends AbstractIntegrationTest {

    @Autowired
    AccountService accounts;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() throws Exception {
        AccountView account = accounts.create("throttle.test", "Throttle", null, Role.FUNDER, java.util.Set.of());
        String link = accounts.issuePasswordLink(account.id());
        accounts.setPasswordWithToken(link.substring(link.lastIndexOf('/') + 1), "richtiges Passwort");

        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            mvc.perform(login("throttle.test", "falsch " + i, "192.0.2.10"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("throttle.test", "richtiges Passwort", "192.0.2.10"))
                .andExpect(redirectedUrl("/login?throttled"));
        // The same name from another address is throttled too: the limit protects the account.
        mvc.perform(login("Throttle.Test", "richtiges Passwort", "192.0.2.11"))
                .andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void oneAddressTryingManyNamesIsThrottled() throws Exception {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            mvc.perform(login("nobody" + i, "x", "192.0.2.20"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("admin", "demo", "192.0.2.20"))
                .andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(login("admin", "demo", "192.0.2.21"))
                .andExpect(redirectedUrl("/admin"));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user, String password,
            String address) {
        return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
