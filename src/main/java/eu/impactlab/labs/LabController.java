package eu.impactlab.labs;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages about the labs. */
@Controller
class LabController {

    static final String VIEW_LIST = "labs/list";
    static final String VIEW_DETAIL = "labs/detail";

    private final LabService labs;

    LabController(LabService labs) {
        this.labs = labs;
    }

    @GetMapping("/labs")
    String list(Locale locale, Model model) {
        var all = labs.labs(Language.forLocale(locale));
        model.addAttribute("labs", all);
        model.addAttribute("today", labs.today());
        model.addAttribute("schedules", all.stream().collect(Collectors.toMap(
                LabView::slug, lab -> labs.schedule(lab.slug(), labs.today(), 7))));
        return VIEW_LIST;
    }

    @GetMapping("/labs/{slug}")
    String detail(@PathVariable String slug, Locale locale, Model model) {
        LabView lab = labs.lab(slug, Language.forLocale(locale)).orElseThrow(() -> new LabNotFoundException(slug));
        var days = labs.twoWeeks(slug);
        model.addAttribute("lab", lab);
        model.addAttribute("thisWeek", days.subList(0, 7));
        model.addAttribute("nextWeek", days.subList(7, 14));
        model.addAttribute("today", labs.today());
        // For "come by without an appointment": today's hours, or the next day the lab opens.
        model.addAttribute("walkInToday", days.stream().filter(d -> d.date().equals(labs.today())).findFirst().orElse(null));
        model.addAttribute("walkInNext", days.stream().filter(d -> d.date().isAfter(labs.today()) && d.open())
                .findFirst().orElse(null));
        return VIEW_DETAIL;
    }
}
