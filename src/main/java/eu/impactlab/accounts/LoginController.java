package eu.impactlab.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String VIEW_LOGIN = "accounts/login";

    @GetMapping("/login")
    String login(Authentication who) {
        if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
            return "redirect:/admin";
        }
        return VIEW_LOGIN;
    }
}
