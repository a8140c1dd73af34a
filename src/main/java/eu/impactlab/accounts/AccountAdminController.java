package eu.impactlab.accounts;

import eu.impactlab.labs.Language;
import eu.impactlab.labs.LabService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;

/** Admins create, disable and enable accounts and issue one-time links to set a password. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    static final String VIEW_LIST = "accounts/admin-list";
    static final String VIEW_NEW = "accounts/admin-new";
    static final String VIEW_DETAIL = "accounts/admin-detail";
    static final String VIEW_DISABLE = "accounts/admin-disable";
    static final String VIEW_RESET_TWO_FACTOR = "accounts/admin-two-factor-reset";
    static final int PAGE_SIZE = 20;

    private final AccountService accounts;
    private final LabService labs;
    private final TwoFactor twoFactor;

    AccountAdminController(AccountService accounts, LabService labs, TwoFactor twoFactor) {
        this.accounts = accounts;
        this.labs = labs;
        this.twoFactor = twoFactor;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", accounts.search(q, page, PAGE_SIZE));
        model.addAttribute("waiting", accounts.waitingForRole());
        model.addAttribute("labNames", labNames());
        return VIEW_LIST;
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("form", new NewAccountForm());
        addChoices(model);
        return VIEW_NEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult errors, Model model,
            Authentication who, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("username") && accounts.usernameTaken(form.getUsername())) {
            errors.rejectValue("username", "account.error.usernameTaken");
        }
        if (form.getRole() != null && form.getRole().actsForLabs() && form.getLabIds().isEmpty()) {
            errors.rejectValue("labIds", "account.error.labRequired");
        }
        if (errors.hasErrors()) {
            addChoices(model);
            return VIEW_NEW;
        }
        AccountView created = accounts.create(form.getUsername(), form.getDisplayName(), form.getEmail(), form.getRole(),
                new HashSet<>(form.getLabIds()), who.getName());
        redirect.addFlashAttribute("link", accounts.issuePasswordLink(created.id()));
        redirect.addFlashAttribute("saved", "account.saved.created");
        return "redirect:/admin/accounts/" + created.id();
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("account", find(id));
        model.addAttribute("twoFactorEnrolled", twoFactor.enrolled(id));
        model.addAttribute("roleForm", new RoleForm());
        addChoices(model);
        return VIEW_DETAIL;
    }

    /** Resetting someone's second factor (a lost phone) asks first. */
    @GetMapping("/{id}/two-factor/reset")
    String confirmTwoFactorReset(@PathVariable long id, Model model) {
        model.addAttribute("account", find(id));
        return VIEW_RESET_TWO_FACTOR;
    }

    @PostMapping("/{id}/two-factor/reset")
    String resetTwoFactor(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        find(id);
        accounts.resetTwoFactor(id, who.getName());
        redirect.addFlashAttribute("saved", "twofactor.saved.reset");
        return "redirect:/admin/accounts/" + id;
    }

    /** The first role (and labs) of an account that came through single sign-on without one. */
    @PostMapping("/{id}/role")
    String assignRole(@PathVariable long id, @Valid @ModelAttribute("roleForm") RoleForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        AccountView account = find(id);
        if (account.role() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "account already has a role");
        }
        if (form.getRole() != null && form.getRole().actsForLabs() && form.getLabIds().isEmpty()) {
            errors.rejectValue("labIds", "account.error.labRequired");
        }
        if (errors.hasErrors()) {
            model.addAttribute("account", account);
            model.addAttribute("twoFactorEnrolled", twoFactor.enrolled(id));
            addChoices(model);
            return VIEW_DETAIL;
        }
        accounts.assignFirstRole(id, form.getRole(), new HashSet<>(form.getLabIds()));
        redirect.addFlashAttribute("saved", "sso.assign.saved");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/password-link")
    String issueLink(@PathVariable long id, RedirectAttributes redirect) {
        find(id);
        redirect.addFlashAttribute("link", accounts.issuePasswordLink(id));
        return "redirect:/admin/accounts/" + id;
    }

    /** Disabling asks first. */
    @GetMapping("/{id}/disable")
    String confirmDisable(@PathVariable long id, Authentication who, Model model) {
        AccountView account = find(id);
        if (account.username().equalsIgnoreCase(who.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "cannot disable oneself");
        }
        model.addAttribute("account", account);
        return VIEW_DISABLE;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        AccountView account = find(id);
        if (account.username().equalsIgnoreCase(who.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "cannot disable oneself");
        }
        accounts.setEnabled(id, false, who.getName());
        redirect.addFlashAttribute("saved", "account.saved.disabled");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        find(id);
        accounts.setEnabled(id, true, who.getName());
        redirect.addFlashAttribute("saved", "account.saved.enabled");
        return "redirect:/admin/accounts/" + id;
    }

    private AccountView find(long id) {
        return accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such account"));
    }

    private java.util.Map<Long, String> labNames() {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        labs.labs(Language.DE).forEach(lab -> names.put(lab.id(), lab.name()));
        return names;
    }

    private void addChoices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("labNames", labNames());
    }

    static class RoleForm {
        @NotNull
        private Role role;
        private List<Long> labIds = List.of();

        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
        public List<Long> getLabIds() { return labIds; }
        public void setLabIds(List<Long> labIds) { this.labIds = labIds == null ? List.of() : labIds; }
    }

    static class NewAccountForm {
        @NotBlank
        @Size(min = 3, max = 60)
        @Pattern(regexp = "^[A-Za-z0-9._@-]*$")
        private String username = "";
        @NotBlank
        @Size(max = 120)
        private String displayName = "";
        @Email
        @Size(max = 120)
        private String email;
        @NotNull
        private Role role;
        private List<Long> labIds = List.of();

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username == null ? "" : username.strip(); }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
        public List<Long> getLabIds() { return labIds; }
        public void setLabIds(List<Long> labIds) { this.labIds = labIds == null ? List.of() : labIds; }
    }
}
