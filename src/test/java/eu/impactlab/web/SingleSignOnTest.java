package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.Logins;
import eu.impactlab.accounts.TwoFactorCodes;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * Staff log in through the city's OpenID Connect provider (a real one, started by the test) and the real security
 * chain: the role and labs come from the provider's claims, or an admin assigns them; local logins still work.
 */
class SingleSignOnTest extends OperatorSetupTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext app;

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final List<String> subjects = new ArrayList<>();

    @AfterEach
    void removeTheAccountsMadeHere() {
        for (String subject : subjects) {
            jdbc.sql("delete from account where id in (select account_id from account_sso where subject = ?)")
                    .param(subject).update();
        }
    }

    @Test
    void aCoordinatorWhoseClaimNamesGroepelingenSeesOnlyThatLabsAdminPages() throws Exception {
        Http browser = new Http(baseUrl());
        assertThat(browser.get("/login").body()).contains("Anmelden mit " + PROVIDER_NAME);

        String landing = loginThroughProvider(browser, Map.of("impactlab_role", "COORDINATOR",
                "impactlab_labs", List.of("groepelingen"), "preferred_username", "g.koordination", "name", "Gesa Koordination"));

        assertThat(landing).isEqualTo("/admin");
        HttpResponse<String> home = browser.get("/admin");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Gesa Koordination");
        assertThat(browser.get("/admin/labs/groepelingen").statusCode()).isEqualTo(200);
        assertThat(browser.get("/admin/labs/vegesack").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/labs/osterholz").statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/accounts").statusCode()).as("admins only").isEqualTo(403);
    }

    @Test
    void withoutARoleClaimTheNewAccountWaitsUntilAnAdminAssignsARole() throws Exception {
        Http browser = new Http(baseUrl());
        String subject = loginSubject();
        String landing = loginThroughProvider(browser, subject, Map.of("name", "Hanna Wartend"));

        assertThat(landing).isEqualTo("/login/waiting");
        assertThat(browser.get("/login/waiting").body()).contains("Ihr Konto wartet auf eine Rolle", PROVIDER_NAME);
        assertThat(browser.get("/admin").statusCode()).as("no staff pages without a role").isEqualTo(403);
        assertThat(browser.get("/staff/day").statusCode()).isEqualTo(403);

        // The admin (a local account) sees the waiting account and gives it a role and a lab.
        MockHttpSession admin = Logins.as(mvc, "admin");
        String accounts = mvc.perform(get("/admin/accounts").session(admin)).andReturn().getResponse().getContentAsString();
        assertThat(accounts).contains("Konten ohne Rolle (", "Hanna Wartend");
        long id = jdbc.sql("select account_id from account_sso where subject = ?").param(subject).query(Long.class).single();
        mvc.perform(post("/admin/accounts/" + id + "/role").session(admin).with(csrf()).param("role", "HELPER"))
                .andExpect(status().isOk()); // a helper needs a lab: the form comes back with the error
        String lab = jdbc.sql("select id from lab where slug = 'vegesack'").query(String.class).single();
        mvc.perform(post("/admin/accounts/" + id + "/role").session(admin).with(csrf()).param("role", "HELPER")
                        .param("labIds", lab))
                .andExpect(status().is3xxRedirection());

        // Logged in again, the helper starts at the day of their lab.
        Http again = new Http(baseUrl());
        assertThat(loginThroughProvider(again, subject, Map.of("name", "Hanna Wartend"))).isEqualTo("/staff/day");
        assertThat(again.get("/staff/day").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAtTheProviderToo() throws Exception {
        Http browser = new Http(baseUrl());
        loginThroughProvider(browser, Map.of("impactlab_role", "FUNDER"));

        HttpResponse<String> logout = browser.postForm("/impact", "/logout", "x=1");
        String endSession = Http.location(logout);
        assertThat(endSession).startsWith(PROVIDER.issuerUrl(ISSUER_ID) + "/endsession")
                .contains("id_token_hint=", "post_logout_redirect_uri=");
        assertThat(browser.get("/impact").statusCode()).as("logged out here").isEqualTo(302);
    }

    @Test
    void localAccountsStillLogInBesideSingleSignOn() throws Exception {
        Http browser = new Http(baseUrl());
        HttpResponse<String> login = browser.login("coordinator", "demo");
        assertThat(Http.location(login)).endsWith("/admin");
        assertThat(browser.get("/admin/labs/groepelingen").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.postForm("/admin", "/logout", "x=1");
        assertThat(Http.location(logout)).as("no provider logout for a local login").endsWith("/?loggedOut");
    }

    @Test
    void aProviderUserNameThatIsALocalAccountsDoesNotTakeItOver() throws Exception {
        Http browser = new Http(baseUrl());
        loginThroughProvider(browser, Map.of("preferred_username", "admin", "name", "Nicht der Admin"));
        assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select username from account where display_name = 'Nicht der Admin'").query(String.class).single())
                .startsWith("sso-");
    }

    @Test
    void theLoginButtonSpeaksEveryLanguage() throws Exception {
        Map<String, String> expected = Map.of("de", "Anmelden mit", "en", "Log in with", "tr", "ile giriş yap",
                "ar", "تسجيل الدخول عبر", "ru", "Войти через", "uk", "Увійти через", "pl", "Zaloguj się przez");
        for (var language : expected.entrySet()) {
            String page = mvc.perform(get("/login").param("lang", language.getKey())).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).as(language.getKey()).contains(language.getValue()).contains(PROVIDER_NAME);
        }
    }

    @Test
    void theProvidersSecondFactorCountsOtherwiseTheLocalCodeIsAsked() throws Exception {
        String subject = loginSubject();
        Map<String, Object> coordinator = Map.of("impactlab_role", "COORDINATOR", "impactlab_labs", List.of("groepelingen"),
                "name", "Zora Zweifach");
        // A first login makes the account; then it sets up the local second factor.
        loginThroughProvider(new Http(baseUrl()), subject, with(coordinator, "amr", List.of("pwd", "mfa")));
        long id = jdbc.sql("select account_id from account_sso where subject = ?").param(subject).query(Long.class).single();
        jdbc.sql("insert into account_totp (account_id, secret, confirmed_at) values (?, ?, now())").params(id, SECRET).update();

        Http withMfa = new Http(baseUrl());
        assertThat(loginThroughProvider(withMfa, subject, with(coordinator, "amr", List.of("pwd", "otp"))))
                .as("amr names a second factor: no local code").isEqualTo("/admin");
        assertThat(withMfa.get("/admin/labs/groepelingen").statusCode()).isEqualTo(200);

        Http byAcr = new Http(baseUrl());
        assertThat(loginThroughProvider(byAcr, subject, with(coordinator, "acr", SECOND_FACTOR_ACR)))
                .as("the configured acr value counts too").isEqualTo("/admin");

        Http passwordOnly = new Http(baseUrl());
        assertThat(loginThroughProvider(passwordOnly, subject, with(coordinator, "amr", List.of("pwd"))))
                .isEqualTo("/login/second-factor");
        assertThat(passwordOnly.get("/login/second-factor").body()).contains("Noch ein Schritt: der zweite Faktor");
        assertThat(passwordOnly.get("/admin/labs/groepelingen").statusCode()).as("no role before the code").isEqualTo(403);
        assertThat(Http.location(passwordOnly.get("/login"))).as("the login page leads back to the code").endsWith("/login/second-factor");
        HttpResponse<String> wrong = passwordOnly.postForm("/login/second-factor", "/login/second-factor", "code=000000");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Der Code stimmt nicht");
        assertThat(passwordOnly.get("/admin/labs/groepelingen").statusCode()).isEqualTo(403);

        HttpResponse<String> right = passwordOnly.postForm("/login/second-factor", "/login/second-factor",
                "code=" + TwoFactorCodes.now(SECRET));
        assertThat(Http.location(right)).endsWith("/admin");
        assertThat(passwordOnly.get("/admin/labs/groepelingen").statusCode()).isEqualTo(200);
        assertThat(passwordOnly.get("/admin/labs/vegesack").statusCode()).as("still only the claimed lab").isEqualTo(403);
    }

    /** The page that asks for the local code after a provider login, in every language, at 320 px: axe, lang/dir, width. */
    @Test
    void theSecondFactorPageAfterTheProviderPassesTheAccessibilityCheckInEveryLanguage() throws Exception {
        String subject = loginSubject();
        Map<String, Object> funder = Map.of("impactlab_role", "FUNDER", "amr", List.of("pwd"));
        loginThroughProvider(new Http(baseUrl()), subject, funder);
        long id = jdbc.sql("select account_id from account_sso where subject = ?").param(subject).query(Long.class).single();
        jdbc.sql("insert into account_totp (account_id, secret, confirmed_at) values (?, ?, now())").params(id, SECRET).update();
        Http http = new Http(baseUrl());
        assertThat(loginThroughProvider(http, subject, funder)).isEqualTo("/login/second-factor");
        // one wrong code, so the page also shows its error summary and the marked field
        http.postForm("/login/second-factor", "/login/second-factor", "code=000000");

        org.openqa.selenium.WebDriver driver = Browser.start(320, 800);
        try {
            driver.get(baseUrl() + "/favicon.ico"); // on the app's origin, so its session cookie can be handed over
            for (java.net.HttpCookie cookie : http.cookies()) {
                driver.manage().addCookie(new org.openqa.selenium.Cookie(cookie.getName(), cookie.getValue(), "/"));
            }
            List<String> problems = new ArrayList<>();
            for (eu.impactlab.labs.Language language : eu.impactlab.labs.Language.uiLanguages()) {
                driver.get(baseUrl() + "/login/second-factor?lang=" + language.tag());
                assertThat(driver.getCurrentUrl()).as("the code page, not the login, in " + language.tag()).contains("/login/second-factor");
                assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("form[action$='/login/second-factor'] #code"))).hasSize(1);
                problems.addAll(Browser.pageProblems(driver, language, "/login/second-factor"));
            }
            driver.findElement(org.openqa.selenium.By.id("code")).sendKeys("111111");
            driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".error-summary")).isEmpty());
            problems.addAll(Browser.pageProblems(driver, eu.impactlab.labs.Language.LS, "/login/second-factor (wrong code)"));
            assertThat(problems).isEmpty();
        } finally {
            driver.quit();
        }
    }

    @Test
    void wrongLocalCodesAfterTheProviderAreCountedByTheLoginThrottling() throws Exception {
        String subject = loginSubject();
        Map<String, Object> funder = Map.of("impactlab_role", "FUNDER", "amr", List.of("pwd"));
        loginThroughProvider(new Http(baseUrl()), subject, funder);
        long id = jdbc.sql("select account_id from account_sso where subject = ?").param(subject).query(Long.class).single();
        jdbc.sql("insert into account_totp (account_id, secret, confirmed_at) values (?, ?, now())").params(id, SECRET).update();

        Http browser = new Http(baseUrl());
        assertThat(loginThroughProvider(browser, subject, funder)).isEqualTo("/login/second-factor");
        for (int i = 0; i < 5; i++) {
            browser.postForm("/login/second-factor", "/login/second-factor", "code=12345" + i);
        }
        HttpResponse<String> blocked = browser.postForm("/login/second-factor", "/login/second-factor",
                "code=" + TwoFactorCodes.now(SECRET));
        assertThat(blocked.body()).as("even the right code waits now").contains("zu viele falsche Versuche");
        assertThat(browser.get("/impact").statusCode()).isEqualTo(403);
    }

    @Test
    void withoutTheProvidersSecondFactorARoleThatNeedsOneMustSetItUpLocally() throws Exception {
        TwoFactorCodes.require(app, "COORDINATOR");
        try {
            Map<String, Object> coordinator = Map.of("impactlab_role", "COORDINATOR", "impactlab_labs", List.of("vegesack"));
            Http passwordOnly = new Http(baseUrl());
            loginThroughProvider(passwordOnly, with(coordinator, "amr", List.of("pwd")));
            assertThat(Http.location(passwordOnly.get("/admin/labs/vegesack"))).endsWith("/admin/account/two-factor");

            Http withMfa = new Http(baseUrl());
            loginThroughProvider(withMfa, with(coordinator, "amr", List.of("hwk")));
            assertThat(withMfa.get("/admin/labs/vegesack").statusCode()).as("the provider's key counts").isEqualTo(200);
        } finally {
            TwoFactorCodes.require(app);
        }
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(claims);
        all.put(name, value);
        return all;
    }

    private String loginSubject() {
        String subject = "sub-" + UUID.randomUUID();
        subjects.add(subject);
        return subject;
    }

    private String loginThroughProvider(Http browser, Map<String, Object> claims) throws Exception {
        return loginThroughProvider(browser, loginSubject(), claims);
    }

    /** Follows the redirects of an authorization code login like a browser; returns where the app finally sends it. */
    private String loginThroughProvider(Http browser, String subject, Map<String, Object> claims) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
        HttpResponse<String> response = browser.get("/login/sso"); // the button on the login page
        String appLocation = null;
        for (int hops = 0; hops < 5 && response.statusCode() == 302; hops++) {
            String location = Http.location(response);
            if (location.startsWith(baseUrl()) || location.startsWith("/")) {
                appLocation = URI.create(location).getPath();
                if (!appLocation.startsWith("/login/oauth2/code/") && !appLocation.startsWith("/oauth2/authorization/")) {
                    return appLocation;
                }
            }
            response = browser.get(location);
        }
        throw new AssertionError("the login ended at " + response.statusCode() + " after " + appLocation);
    }
}
