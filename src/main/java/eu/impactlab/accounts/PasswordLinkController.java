package eu.impactlab.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page behind a one-time link: choose a password, then log in. */
@Controller
class PasswordLinkController {

    static final String VIEW_FORM = "accounts/set-password";
    static final String VIEW_INVALID = "accounts/link-invalid";

    private final AccountService accounts;

    PasswordLinkController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/password/{token}")
    String form(@PathVariable String token, Model model) {
        var account = accounts.accountForToken(token);
        if (account.isEmpty()) {
            return VIEW_INVALID;
        }
        model.addAttribute("username", account.get().username());
        model.addAttribute("token", token);
        model.addAttribute("form", new SetPasswordForm());
        return VIEW_FORM;
    }

    @PostMapping("/password/{token}")
    String set(@PathVariable String token, @ModelAttribute("form") SetPasswordForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        var account = accounts.accountForToken(token);
        if (account.isEmpty()) {
            return VIEW_INVALID;
        }
        PasswordRules.check(form.getPassword(), form.getRepeat(), account.get().username(), "password", "repeat", errors);
        if (errors.hasErrors()) {
            model.addAttribute("username", account.get().username());
            model.addAttribute("token", token);
            return VIEW_FORM;
        }
        if (!accounts.setPasswordWithToken(token, form.getPassword())) {
            return VIEW_INVALID;
        }
        redirect.addFlashAttribute("saved", "account.saved.passwordSet");
        return "redirect:/login";
    }

    static class SetPasswordForm {
        private String password = "";
        private String repeat = "";

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getRepeat() { return repeat; }
        public void setRepeat(String repeat) { this.repeat = repeat; }
    }
}
