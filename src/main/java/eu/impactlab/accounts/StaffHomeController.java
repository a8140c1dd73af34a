package eu.impactlab.accounts;

import eu.impactlab.labs.Language;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after login: who I am, which labs I act for, what I can do. */
@Controller
class StaffHomeController {

    static final String VIEW_HOME = "accounts/staff-home";

    private final AccountService accounts;
    private final LabService labs;

    StaffHomeController(AccountService accounts, LabService labs) {
        this.accounts = accounts;
        this.labs = labs;
    }

    @GetMapping("/admin")
    String home(Authentication who, Locale locale, Model model) {
        AccountView me = accounts.byUsername(who.getName()).orElseThrow();
        List<LabView> myLabs = labs.labs(Language.forLocale(locale)).stream()
                .filter(lab -> me.labIds().contains(lab.id()))
                .toList();
        model.addAttribute("me", me);
        model.addAttribute("myLabs", myLabs);
        return VIEW_HOME;
    }
}
