package eu.impactlab.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Staff login through the city's OpenID Connect provider beside the local accounts; does nothing until
 * {@code impactlab.sso.issuer-uri} is set. The web module's security configuration hands its chain to {@link #configure}.
 */
@Component
public class SingleSignOn {

    static final String REGISTRATION = "sso";
    /** The login button's target: checks the provider first, so a provider that is down gets a page, not an error. */
    static final String LOGIN_PATH = "/login/sso";
    static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION;
    static final String WAITING_PAGE = "/login/waiting";
    /** Where a login through the provider types the local second factor's code, when the provider asked for none. */
    static final String SECOND_FACTOR_PAGE = "/login/second-factor";

    private final SingleSignOnProperties settings;
    private final SingleSignOnAccounts accounts;
    private final ClientRegistrationRepository registrations;
    private volatile AuthenticationSuccessHandler landing;

    SingleSignOn(SingleSignOnProperties settings, SingleSignOnAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
        this.registrations = new DiscoveredOnFirstUse(settings);
    }

    /** Whether the provider's discovery document can be read (now or earlier); false while the provider is down. */
    boolean providerAnswers() {
        try {
            return enabled() && registrations.findByRegistrationId(REGISTRATION) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The provider's name on the login button ("Log in with …"). */
    public String providerName() {
        return settings.name();
    }

    /** " " and the provider's origin (scheme, host, port) when configured, else "": for the content security policy. */
    public String providerOrigin() {
        if (!enabled()) {
            return "";
        }
        java.net.URI issuer = java.net.URI.create(settings.issuerUri().strip());
        return " " + issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /**
     * Adds the OpenID Connect login and the logout at the provider; after login, accounts without a role go to the
     * waiting page and everyone else where {@code landing} sends them.
     */
    public void configure(HttpSecurity http, AuthenticationSuccessHandler landing) throws Exception {
        if (!enabled()) {
            return;
        }
        this.landing = landing;
        OidcClientInitiatedLogoutSuccessHandler logoutAtProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutAtProvider.setPostLogoutRedirectUri("{baseUrl}/?loggedOut");
        logoutAtProvider.setDefaultTargetUrl("/?loggedOut");
        http
            .oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registrations)
                // In the session, so any instance behind the proxy knows the login (no in-memory store).
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts))
                .successHandler((request, response, who) -> landing(request, response, who, landing))
                .failureHandler((request, response, exception) ->
                        response.sendRedirect(request.getContextPath() + "/login?ssoError")))
            .logout(logout -> logout.logoutSuccessHandler(logoutAtProvider));
    }

    private static void landing(HttpServletRequest request, HttpServletResponse response, Authentication who,
            AuthenticationSuccessHandler landing) throws java.io.IOException, jakarta.servlet.ServletException {
        if (who.getAuthorities().stream().anyMatch(a -> SingleSignOnAccounts.WAITING.equals(a.getAuthority()))) {
            response.sendRedirect(request.getContextPath() + WAITING_PAGE);
            return;
        }
        if (who.getAuthorities().stream().anyMatch(a -> SingleSignOnAccounts.CODE_PENDING.equals(a.getAuthority()))) {
            response.sendRedirect(request.getContextPath() + SECOND_FACTOR_PAGE);
            return;
        }
        landing.onAuthenticationSuccess(request, response, who);
    }

    /** After the local second factor's code: on to the page a login lands on. */
    void landAfterSecondFactor(HttpServletRequest request, HttpServletResponse response, Authentication who)
            throws java.io.IOException, jakarta.servlet.ServletException {
        landing.onAuthenticationSuccess(request, response, who);
    }

    /**
     * Reads the provider's discovery document at the first login rather than at start, so the app starts (and local
     * logins work) while the provider is down; a failed read is tried again at the next login.
     */
    static final class DiscoveredOnFirstUse implements ClientRegistrationRepository {

        private final SingleSignOnProperties settings;
        private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

        DiscoveredOnFirstUse(SingleSignOnProperties settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration registration = discovered.get();
            if (registration == null) {
                registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri().strip())
                        .registrationId(REGISTRATION)
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .scope(settings.scopes())
                        .clientName(settings.name())
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .build();
                discovered.set(registration);
            }
            return registration;
        }
    }
}
