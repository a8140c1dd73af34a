package eu.impactlab.participation;

import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Coordinators review ideas (publish, ask, merge, reject with a reason) and answer published ones publicly; helpers
 * record supports given in person at the lab ({@code /staff/ideas}).
 */
@Controller
class IdeaAdminController {

    private static final List<String> WAITING = List.of("PENDING", "QUESTION");
    private static final List<String> ALL = List.of("PENDING", "QUESTION", "PUBLISHED", "REJECTED", "MERGED", "WITHDRAWN");

    private final ParticipationService ideas;

    IdeaAdminController(ParticipationService ideas) {
        this.ideas = ideas;
    }

    @GetMapping("/admin/ideas")
    String list(@RequestParam(defaultValue = "waiting") String show, @RequestParam(required = false) String lab,
            Locale locale, Model model, Authentication who) {
        List<String> states = switch (show) {
            case "published" -> List.of("PUBLISHED");
            case "all" -> ALL;
            default -> WAITING;
        };
        model.addAttribute("ideas", ideas.forModeration(states, lab).stream()
                .filter(i -> LabAccess.canManage(who, i.labId())).toList());
        model.addAttribute("show", states == WAITING ? "waiting" : show);
        model.addAttribute("counts", ideas.countByState(labId -> LabAccess.canManage(who, labId)));
        model.addAttribute("labs", ideas.labsById(Language.forLocale(locale)));
        return "participation/admin-list";
    }

    @GetMapping("/admin/ideas/{id:\\d+}")
    String idea(@PathVariable long id, Locale locale, Model model, Authentication who) {
        managed(id, who);
        return show(id, Map.of(), locale, model);
    }

    private String show(long id, Map<String, String> errors, Locale locale, Model model) {
        Idea idea = ideas.idea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Language language = Language.forLocale(locale);
        model.addAttribute("idea", idea);
        model.addAttribute("pieces", IdeaText.pieces(idea.text(), false));
        model.addAttribute("lab", ideas.labsById(language).get(idea.labId()));
        model.addAttribute("labs", ideas.labsById(language));
        model.addAttribute("courseTitle", ideas.courseTitle(idea.linkedCourseId(), language).orElse(null));
        model.addAttribute("translations", ideas.translations(id));
        model.addAttribute("history", ideas.history(id));
        Map<String, Long> byStadtteil = ideas.supportsByStadtteil(id);
        model.addAttribute("byStadtteil", byStadtteil);
        // the chart's longest bar; never below 1, so a chart of hidden cells divides by nothing
        model.addAttribute("placesMax", byStadtteil.values().stream().filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).max().orElse(1));
        model.addAttribute("mergeTargets", ideas.forModeration(List.of("PUBLISHED"), null).stream()
                .filter(i -> i.labId() == idea.labId() && i.id() != id).toList());
        model.addAttribute("answers", AnswerState.values());
        model.addAttribute("languages", IdeaLanguages.all());
        model.addAttribute("errors", errors);
        return "participation/admin-idea";
    }

    @PostMapping("/admin/ideas/{id:\\d+}/publish")
    String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean linksAllowed, Authentication who) {
        managed(id, who);
        boolean done = ideas.publish(id, linksAllowed, who.getName());
        return "redirect:/admin/ideas/" + id + (done ? "?saved=published" : "?saved=notOpen");
    }

    @PostMapping("/admin/ideas/{id:\\d+}/ask")
    String ask(@PathVariable long id, @RequestParam(required = false) String message, Authentication who, Locale locale,
            Model model) {
        managed(id, who);
        return after(id, ideas.ask(id, message, who.getName()), "asked", locale, model);
    }

    /** A rejection cannot be taken back and the proposer reads the reason: the first POST asks, the second acts. */
    @PostMapping("/admin/ideas/{id:\\d+}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String message,
            @RequestParam(defaultValue = "false") boolean confirmed, Authentication who, Locale locale, Model model) {
        managed(id, who);
        if (!confirmed) {
            Map<String, String> errors = ideas.rejectErrors(message);
            if (!errors.isEmpty()) {
                return show(id, errors, locale, model);
            }
            model.addAttribute("idea", ideas.idea(id).orElseThrow());
            model.addAttribute("action", "reject");
            model.addAttribute("message", message.strip());
            return "participation/admin-confirm";
        }
        return after(id, ideas.reject(id, message, who.getName()), "rejected", locale, model);
    }

    /** A merge moves the supports and closes the idea for good: the first POST asks, the second acts. */
    @PostMapping("/admin/ideas/{id:\\d+}/merge")
    String merge(@PathVariable long id, @RequestParam(required = false) Long into,
            @RequestParam(defaultValue = "false") boolean confirmed, Authentication who, Locale locale, Model model) {
        managed(id, who);
        if (into != null) {
            managed(into, who);
        }
        if (!confirmed) {
            Map<String, String> errors = ideas.mergeErrors(id, into);
            if (!errors.isEmpty()) {
                return show(id, errors, locale, model);
            }
            model.addAttribute("idea", ideas.idea(id).orElseThrow());
            model.addAttribute("target", ideas.idea(into).orElseThrow());
            model.addAttribute("action", "merge");
            return "participation/admin-confirm";
        }
        return after(id, ideas.merge(id, into, who.getName()), "merged", locale, model);
    }

    @PostMapping("/admin/ideas/{id:\\d+}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answerState,
            @RequestParam(required = false) String answerText, @RequestParam(required = false) String courseId,
            Authentication who, Locale locale, Model model) {
        managed(id, who);
        return after(id, ideas.answer(id, answerState, answerText, courseId, who.getName()), "answered", locale, model);
    }

    @PostMapping("/admin/ideas/{id:\\d+}/translation")
    String translate(@PathVariable long id, @RequestParam(required = false) String language,
            @RequestParam(required = false) String title, @RequestParam(required = false) String text,
            Authentication who, Locale locale, Model model) {
        managed(id, who);
        return after(id, ideas.translate(id, language, title, text, who.getName()), "translated", locale, model);
    }

    @PostMapping("/admin/ideas/{id:\\d+}/clear-reports")
    String clearReports(@PathVariable long id, Authentication who) {
        managed(id, who);
        ideas.clearReports(id, who.getName());
        return "redirect:/admin/ideas/" + id + "?saved=reportsCleared";
    }

    /** Coordinators moderate only the ideas of the labs they coordinate; admins all. */
    private void managed(long id, Authentication who) {
        Idea idea = ideas.idea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!LabAccess.canManage(who, idea.labId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private String after(long id, Map<String, String> errors, String saved, Locale locale, Model model) {
        if (!errors.isEmpty()) {
            return show(id, errors, locale, model);
        }
        return "redirect:/admin/ideas/" + id + "?saved=" + saved;
    }

    @GetMapping("/staff/ideas")
    String staffList(@RequestParam(required = false) String lab, Locale locale, Model model, Authentication who) {
        model.addAttribute("ideas", ideas.published(lab, null, ParticipationService.Sort.NEWEST, 0, 500).stream()
                .filter(i -> LabAccess.actsFor(who, i.labId())).toList());
        model.addAttribute("labs", ideas.labsById(Language.forLocale(locale)));
        return "participation/staff-list";
    }

    @PostMapping("/staff/ideas/{id:\\d+}/in-person")
    String inPerson(@PathVariable long id, @RequestParam(defaultValue = "1") String count, Authentication who) {
        Idea idea = ideas.idea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!LabAccess.actsFor(who, idea.labId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        int n;
        try {
            n = Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        boolean done = ideas.addInPersonSupports(id, n, who.getName());
        return "redirect:/staff/ideas?" + (done ? "recorded=" + id : "countError=" + id) + "#idea-" + id;
    }
}
