package eu.impactlab.accounts;

import eu.impactlab.accounts.SingleSignOnAccounts.StaffOidcUser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The local second factor after a login through the provider that asked for none: the code from the authenticator app
 * or a recovery code, counted by the login throttling like a wrong password; only then the account's role counts.
 */
@Controller
class SecondFactorController {

    static final String VIEW = "accounts/second-factor";

    private final SingleSignOn singleSignOn;
    private final TwoFactor twoFactor;
    private final LoginThrottle throttle;
    private final AccountRepository accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SecondFactorController(SingleSignOn singleSignOn, TwoFactor twoFactor, LoginThrottle throttle, AccountRepository accounts) {
        this.singleSignOn = singleSignOn;
        this.twoFactor = twoFactor;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @GetMapping(SingleSignOn.SECOND_FACTOR_PAGE)
    String form(Authentication who) {
        return pending(who) == null ? "redirect:/login" : VIEW;
    }

    @PostMapping(SingleSignOn.SECOND_FACTOR_PAGE)
    String check(@RequestParam(name = "code", required = false) String code, Authentication who, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        StaffOidcUser person = pending(who);
        if (person == null) {
            return "redirect:/login";
        }
        String username = person.getName();
        String address = request.getRemoteAddr();
        if (throttle.blocked(username, address)) {
            model.addAttribute("error", "login.throttled");
            return VIEW;
        }
        long id = accounts.findByUsername(username).orElseThrow().id;
        if (!twoFactor.verify(id, code)) {
            throttle.failed(username, address);
            model.addAttribute("error", "twofactor.error.code");
            return VIEW;
        }
        throttle.succeeded(username);
        StaffOidcUser confirmed = person.withSecondFactor();
        Authentication full = new OAuth2AuthenticationToken(confirmed, confirmed.getAuthorities(),
                ((OAuth2AuthenticationToken) who).getAuthorizedClientRegistrationId());
        request.changeSessionId(); // a new session id for the new rights
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        singleSignOn.landAfterSecondFactor(request, response, full);
        return null;
    }

    private static StaffOidcUser pending(Authentication who) {
        return who instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof StaffOidcUser person
                && person.codePending() ? person : null;
    }
}
