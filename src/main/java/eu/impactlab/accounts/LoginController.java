package eu.impactlab.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String VIEW_LOGIN = "accounts/login";
    static final String VIEW_WAITING = "accounts/waiting";

    private final SingleSignOn singleSignOn;

    LoginController(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping("/login")
    String login(Authentication who, Model model) {
        if (loggedIn(who)) {
            if (who.getAuthorities().stream().anyMatch(a -> SingleSignOnAccounts.CODE_PENDING.equals(a.getAuthority()))) {
                return "redirect:" + SingleSignOn.SECOND_FACTOR_PAGE;
            }
            return waiting(who) ? "redirect:" + SingleSignOn.WAITING_PAGE : "redirect:/admin";
        }
        if (singleSignOn.enabled()) {
            model.addAttribute("ssoName", singleSignOn.providerName());
            model.addAttribute("ssoLogin", SingleSignOn.LOGIN_PATH);
        }
        return VIEW_LOGIN;
    }

    /** The "Log in with …" button: on to the provider, or back to the login page with a message when it does not answer. */
    @GetMapping(SingleSignOn.LOGIN_PATH)
    String loginAtProvider() {
        if (!singleSignOn.enabled()) {
            return "redirect:/login";
        }
        return singleSignOn.providerAnswers() ? "redirect:" + SingleSignOn.AUTHORIZATION_PATH : "redirect:/login?ssoError";
    }

    /** Where an account from single sign-on waits until an admin gives it a role. */
    @GetMapping(SingleSignOn.WAITING_PAGE)
    String waitingForRole(Authentication who, Model model) {
        if (!loggedIn(who)) {
            return "redirect:/login";
        }
        if (!waiting(who)) {
            return "redirect:/admin";
        }
        model.addAttribute("ssoName", singleSignOn.providerName());
        return VIEW_WAITING;
    }

    private static boolean loggedIn(Authentication who) {
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }

    private static boolean waiting(Authentication who) {
        return who.getAuthorities().stream().anyMatch(a -> SingleSignOnAccounts.WAITING.equals(a.getAuthority()));
    }
}
