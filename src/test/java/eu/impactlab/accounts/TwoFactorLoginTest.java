package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff log in with a password and a code from an authenticator app, or a one-time recovery code. */
class TwoFactorLoginTest extends AbstractIntegrationTest {

    private static final String PASSWORD = "ein langes Passwort im Lab";

    @Autowired
    AccountService accounts;
    @Autowired
    TwoFactorPolicy policy;
    @Autowired
    JdbcClient jdbc;

    private AccountView account(Role role) {
        AccountView account = accounts.create("tf." + UUID.randomUUID().toString().substring(0, 8), "Zwei Faktoren", null, role,
                role.actsForLabs() ? Set.of(jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single()) : Set.of());
        String link = accounts.issuePasswordLink(account.id());
        accounts.setPasswordWithToken(link.substring(link.lastIndexOf('/') + 1), PASSWORD);
        return account;
    }

    private String secretOf(AccountView account) {
        return jdbc.sql("select secret from account_totp where account_id = ?").param(account.id()).query(String.class).single();
    }

    private static long nowStep() {
        return Totp.step(Instant.now().getEpochSecond());
    }

    /** Enrols through the account page; @return the recovery codes shown */
    private List<String> enrol(AccountView account, MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/admin/account/two-factor").session(session).locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String secret = secretOf(account);
        assertThat(page).contains("<svg", "QR-Code für die Authenticator-App", secret.substring(0, 4) + " " + secret.substring(4, 8));

        String wrong = mvc.perform(post("/admin/account/two-factor").param("code", "000000").session(session).with(csrf())
                .locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("Der Code stimmt nicht");

        String done = mvc.perform(post("/admin/account/two-factor").param("code", Totp.code(secret, nowStep()))
                .session(session).with(csrf()).locale(Locale.GERMAN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(done).contains("Ihre Ersatz-Codes", "Die Anmeldung mit zweitem Faktor ist eingerichtet.");
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>").matcher(done);
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select code_hash from account_recovery_code where account_id = ?").param(account.id())
                .query(String.class).list()).hasSize(10).noneMatch(codes::contains);
        return codes;
    }

    private static MockHttpServletRequestBuilder login(String user, String code, String address) {
        MockHttpServletRequestBuilder request = post("/login").param("username", user).param("password", PASSWORD)
                .with(csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        return code == null ? request : request.param("code", code);
    }

    @Test
    void anAdminLogsInWithACodeThenWithARecoveryCodeThatWorksOnlyOnce() throws Exception {
        AccountView admin = account(Role.ADMIN);
        List<String> codes = enrol(admin, Logins.as(mvc, admin.username(), PASSWORD));
        String secret = secretOf(admin);

        mvc.perform(login(admin.username(), null, "192.0.2.40")).andExpect(redirectedUrl("/login?error"));
        // The code used to confirm is spent; the next one (within the one-step window) works once.
        mvc.perform(login(admin.username(), Totp.code(secret, nowStep() - 1), "192.0.2.40")).andExpect(redirectedUrl("/login?error"));
        String next = Totp.code(secret, nowStep() + 1);
        mvc.perform(login(admin.username(), next, "192.0.2.40")).andExpect(redirectedUrl("/admin"));
        mvc.perform(login(admin.username(), next, "192.0.2.40")).andExpect(redirectedUrl("/login?error"));

        mvc.perform(login(admin.username(), codes.get(3).toUpperCase(Locale.ROOT), "192.0.2.40")).andExpect(redirectedUrl("/admin"));
        mvc.perform(login(admin.username(), codes.get(3), "192.0.2.40")).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = ?").param(admin.id())
                .query(Long.class).single()).isEqualTo(9);

        String refused = mvc.perform(get("/login?error").locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Benutzername, Passwort oder Code stimmt nicht.");
    }

    @Test
    void wrongCodesAreCountedByTheLoginThrottle() throws Exception {
        AccountView helper = account(Role.HELPER);
        enrol(helper, Logins.as(mvc, helper.username(), PASSWORD));
        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            mvc.perform(login(helper.username(), "12345" + i, "192.0.2.41")).andExpect(redirectedUrl("/login?error"));
        }
        String right = Totp.code(secretOf(helper), nowStep() + 1);
        mvc.perform(login(helper.username(), right, "192.0.2.41")).andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void aRoleThatRequiresTwoFactorSeesOnlyTheSetupUntilItIsDone() throws Exception {
        AccountView funder = account(Role.FUNDER);
        policy.require(Set.of(Role.FUNDER));
        try {
            MockHttpSession session = Logins.as(mvc, funder.username(), PASSWORD);
            mvc.perform(get("/impact").session(session)).andExpect(redirectedUrl("/admin/account/two-factor"));
            assertThat(mvc.perform(get("/admin/account/two-factor").session(session).locale(Locale.GERMAN))
                    .andReturn().getResponse().getContentAsString()).contains("Für Ihre Rolle ist die Anmeldung mit zweitem Faktor nötig");
            enrol(funder, session);
            mvc.perform(get("/impact").session(session)).andExpect(status().isOk());
        } finally {
            policy.require(Set.of());
        }
    }

    @Test
    void onlyAnAdminResetsSomeonesSecondFactorAndTheResetIsAudited() throws Exception {
        AccountView coordinator = account(Role.COORDINATOR);
        enrol(coordinator, Logins.as(mvc, coordinator.username(), PASSWORD));

        mvc.perform(post("/admin/accounts/" + coordinator.id() + "/two-factor/reset").with(csrf())
                .session(Logins.as(mvc, "coordinator"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + coordinator.id() + "/two-factor/reset").with(csrf())
                .session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());

        MockHttpSession admin = Logins.as(mvc, "admin");
        assertThat(mvc.perform(get("/admin/accounts/" + coordinator.id() + "/two-factor/reset").session(admin).locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Ja, zurücksetzen");
        assertThat(jdbc.sql("select count(*) from account_totp where account_id = ?").param(coordinator.id())
                .query(Long.class).single()).as("asking resets nothing").isEqualTo(1);
        mvc.perform(post("/admin/accounts/" + coordinator.id() + "/two-factor/reset").with(csrf()).session(admin))
                .andExpect(redirectedUrl("/admin/accounts/" + coordinator.id()));

        assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = ?").param(coordinator.id())
                .query(Long.class).single()).isZero();
        mvc.perform(login(coordinator.username(), null, "192.0.2.42")).andExpect(redirectedUrl("/admin"));
        assertThat(jdbc.sql("""
                select count(*) from privacy_audit where action = 'TWO_FACTOR_RESET' and object_type = 'account' and object_id = ?
                and actor_id = (select id from account where username = 'admin')""")
                .param(String.valueOf(coordinator.id())).query(Long.class).single()).isEqualTo(1);
    }
}
