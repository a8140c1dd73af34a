package eu.impactlab.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings of one's own account: name, e-mail, password. */
@Controller
@RequestMapping("/admin/account")
class MyAccountController {

    static final String VIEW = "accounts/my-account";

    private final AccountService accounts;
    private final TwoFactor twoFactor;

    MyAccountController(AccountService accounts, TwoFactor twoFactor) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
    }

    @ModelAttribute("twoFactorEnrolled")
    boolean twoFactorEnrolled(Authentication who) {
        return who != null && accounts.byUsername(who.getName()).map(me -> twoFactor.enrolled(me.id())).orElse(false);
    }

    @GetMapping
    String show(Authentication who, Model model) {
        AccountView me = accounts.byUsername(who.getName()).orElseThrow();
        ProfileForm profile = new ProfileForm();
        profile.setDisplayName(me.displayName());
        profile.setEmail(me.email());
        model.addAttribute("me", me);
        model.addAttribute("profile", profile);
        model.addAttribute("password", new PasswordChangeForm());
        return VIEW;
    }

    @PostMapping("/profile")
    String saveProfile(@Valid @ModelAttribute("profile") ProfileForm profile, BindingResult errors, Authentication who,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("me", accounts.byUsername(who.getName()).orElseThrow());
            model.addAttribute("password", new PasswordChangeForm());
            return VIEW;
        }
        accounts.updateProfile(who.getName(), profile.getDisplayName(), profile.getEmail());
        redirect.addFlashAttribute("saved", "account.saved.profile");
        return "redirect:/admin/account";
    }

    @PostMapping("/password")
    String changePassword(@Valid @ModelAttribute("password") PasswordChangeForm password, BindingResult errors,
            Authentication who, Model model, RedirectAttributes redirect) {
        PasswordRules.check(password.getNewPassword(), password.getRepeat(), who.getName(), "newPassword", "repeat", errors);
        if (!errors.hasErrors() && !accounts.changePassword(who.getName(), password.getCurrent(), password.getNewPassword())) {
            errors.rejectValue("current", "account.error.currentWrong");
        }
        if (errors.hasErrors()) {
            AccountView me = accounts.byUsername(who.getName()).orElseThrow();
            ProfileForm profile = new ProfileForm();
            profile.setDisplayName(me.displayName());
            profile.setEmail(me.email());
            model.addAttribute("me", me);
            model.addAttribute("profile", profile);
            password.setCurrent("");
            return VIEW;
        }
        redirect.addFlashAttribute("saved", "account.saved.password");
        return "redirect:/admin/account";
    }

    static class ProfileForm {
        @NotBlank
        @Size(max = 120)
        private String displayName;
        @Email
        @Size(max = 120)
        private String email;

        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    static class PasswordChangeForm {
        @NotBlank
        private String current = "";
        private String newPassword = "";
        private String repeat = "";

        public String getCurrent() { return current; }
        public void setCurrent(String current) { this.current = current; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
        public String getRepeat() { return repeat; }
        public void setRepeat(String repeat) { this.repeat = repeat; }
    }
}
