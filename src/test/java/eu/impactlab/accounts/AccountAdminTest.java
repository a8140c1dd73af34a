package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

class AccountAdminTest extends AbstractIntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    LabService labs;

    @Test
    void adminCreatesAHelperWhoSetsTheirPasswordWithTheOneTimeLinkAndLogsIn() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        long vegesack = labs.idOf("vegesack").orElseThrow();
        MvcResult created = mvc.perform(post("/admin/accounts").session(admin).with(csrf())
                        .param("username", "lotsin.ayse").param("displayName", "Ayşe Yılmaz")
                        .param("role", "HELPER").param("labIds", String.valueOf(vegesack)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String link = (String) created.getFlashMap().get("link");
        assertThat(link).contains("/password/");
        AccountView helper = accounts.byUsername("lotsin.ayse").orElseThrow();
        assertThat(helper.role()).isEqualTo(Role.HELPER);
        assertThat(helper.labIds()).containsExactly(vegesack);
        assertThat(helper.passwordSet()).isFalse();

        String path = link.substring(link.indexOf("/password/"));
        mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(post(path).with(csrf()).param("password", "kurz").param("repeat", "kurz"))
                .andExpect(status().isOk());
        mvc.perform(post(path).with(csrf()).param("password", "Weserufer am Abend").param("repeat", "Weserufer am Abend"))
                .andExpect(redirectedUrl("/login"));
        // The link works only once.
        String again = mvc.perform(get(path).param("lang", "de")).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Dieser Link gilt nicht mehr");

        MockHttpSession session = Logins.as(mvc, "lotsin.ayse", "Weserufer am Abend");
        String home = mvc.perform(get("/admin").session(session).param("lang", "de")).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Ayşe Yılmaz", "Digital Impact Lab Vegesack");
    }

    @Test
    void aDisabledAccountCannotLogInAndDisablingAsksFirst() throws Exception {
        AccountView partner = accounts.create("schule.west", "Schule West", null, Role.PARTNER, java.util.Set.of());
        String link = accounts.issuePasswordLink(partner.id());
        accounts.setPasswordWithToken(link.substring(link.lastIndexOf('/') + 1), "Lange Nacht der Schule");
        Logins.as(mvc, "schule.west", "Lange Nacht der Schule");

        MockHttpSession admin = Logins.as(mvc, "admin");
        String confirm = mvc.perform(get("/admin/accounts/" + partner.id() + "/disable").session(admin).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Ja, Konto sperren");
        mvc.perform(post("/admin/accounts/" + partner.id() + "/disable").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(formLogin("/login").user("schule.west").password("Lange Nacht der Schule"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.byId(partner.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void aTakenUserNameGetsAFieldErrorAndKeepsTheInput() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        String html = mvc.perform(post("/admin/accounts").session(admin).with(csrf()).param("lang", "de")
                        .param("username", "helper").param("displayName", "Noch ein Helfer").param("role", "PARTNER"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Diesen Benutzernamen gibt es schon", "value=\"Noch ein Helfer\"", "href=\"#username\"");
    }

    @Test
    void theRoleAndLabChoicesComeBackCheckedWithTheErrorBesideThem() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        long vegesack = labs.idOf("vegesack").orElseThrow();
        String empty = mvc.perform(get("/admin/accounts/new").session(admin).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("<legend>Rolle</legend>", "name=\"role\"", "name=\"labIds\"", "Digital Impact Lab Vegesack");

        String html = mvc.perform(post("/admin/accounts").session(admin).with(csrf()).param("lang", "de")
                        .param("username", "helper").param("displayName", "Noch ein Helfer").param("role", "COORDINATOR")
                        .param("labIds", String.valueOf(vegesack)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("value=\"COORDINATOR\"[^>]*checked");
        assertThat(html).containsPattern("value=\"" + vegesack + "\"[^>]*checked");
        assertThat(accounts.byUsername("helper").orElseThrow().role()).isEqualTo(Role.HELPER);
    }

    @Test
    void onlyAdminsManageAccounts() throws Exception {
        for (String user : new String[] {"coordinator", "helper", "partner", "funder"}) {
            MockHttpSession session = Logins.as(mvc, user);
            mvc.perform(get("/admin/accounts").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/accounts").session(session).with(csrf())
                    .param("username", "intruder").param("displayName", "X").param("role", "ADMIN"))
                    .andExpect(status().isForbidden());
        }
        assertThat(accounts.byUsername("intruder")).isEmpty();
        mvc.perform(get("/admin/accounts")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void everyDemoRoleCanLogInAndSeesItsStartPage() throws Exception {
        for (String user : new String[] {"admin", "coordinator", "helper", "partner", "funder"}) {
            MockHttpSession session = Logins.as(mvc, user);
            mvc.perform(get("/admin").session(session)).andExpect(status().isOk());
            mvc.perform(get("/admin/account").session(session)).andExpect(status().isOk());
        }
    }

    @Test
    void passwordsAreStoredAsModernHashes() {
        assertThat(accounts.byUsername("admin")).isPresent();
        // The delegating encoder prefixes the algorithm: bcrypt today.
        assertThat(jdbcHash("admin")).startsWith("{bcrypt}$2");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String jdbcHash(String username) {
        return jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
    }
}
