package eu.impactlab.easylanguage;

import eu.impactlab.platform.InputDates;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** All Leichte Sprache texts with their check status, so an operator can commission the check and record it. */
@Controller
@RequestMapping("/admin/easy-language")
class EasyLanguageAdminController {

    static final int PAGE_SIZE = 50;

    private final EasyLanguageChecks checks;

    EasyLanguageAdminController(EasyLanguageChecks checks) {
        this.checks = checks;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "ALL") String status, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "1") int page, Model model) {
        EasyLanguageChecks.Filter filter = parse(status);
        model.addAttribute("result", checks.texts(filter, q, page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("filters", EasyLanguageChecks.Filter.values());
        model.addAttribute("q", q);
        return "easylanguage/admin-list";
    }

    @PostMapping("/check")
    String record(@RequestParam String key, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "") String checkedOn, @RequestParam(defaultValue = "ALL") String status,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        LocalDate day = parseDay(checkedOn);
        boolean saved = checks.recordCheck(key, group, day);
        redirect.addAttribute("status", parse(status).name());
        redirect.addAttribute("q", q);
        redirect.addAttribute("page", page);
        redirect.addFlashAttribute(saved ? "saved" : "failed", saved ? "site.lsAdmin.saved" : "site.lsAdmin.error");
        return "redirect:/admin/easy-language";
    }

    /** The date field gives ISO dates; anything unreadable or implausible is "no date", which the form refuses. */
    private static LocalDate parseDay(String text) {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return InputDates.plausible(day) ? day : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static EasyLanguageChecks.Filter parse(String status) {
        try {
            return EasyLanguageChecks.Filter.valueOf(status);
        } catch (IllegalArgumentException e) {
            return EasyLanguageChecks.Filter.ALL;
        }
    }
}
