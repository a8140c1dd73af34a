package eu.impactlab.participation;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.LinkLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The proposer's private link: the idea's state, the coordinator's question or reason, the public answer, and
 * withdrawing the idea or deleting one's nickname and address (each after asking). It speaks the proposer's language.
 */
@Controller
@RequestMapping("/ideas/manage/{token}")
class IdeaManageController {

    private final ParticipationService ideas;
    private final IdeaMails mails;

    IdeaManageController(ParticipationService ideas, IdeaMails mails) {
        this.ideas = ideas;
        this.mails = mails;
    }

    /** The proposer's language for every page behind the link, unless the request chose one with ?lang=. */
    @ModelAttribute
    void linkLanguage(@PathVariable String token, HttpServletRequest request) {
        ideas.byToken(token).ifPresent(i -> LinkLanguage.use(request, Language.fromTag(i.uiLanguage()).orElse(Language.DE).locale()));
    }

    @GetMapping
    String manage(@PathVariable String token, HttpServletRequest request, Model model) {
        return show(token, Map.of(), null, null, request, model);
    }

    private String show(String token, Map<String, String> errors, String title, String text, HttpServletRequest request,
            Model model) {
        var found = ideas.byToken(token);
        if (found.isEmpty()) {
            model.addAttribute("ideaId", null);
            model.addAttribute("message", "participation.link.invalid");
            return "participation/done";
        }
        Idea idea = found.get();
        Locale locale = RequestContextUtils.getLocale(request);
        Language language = Language.forLocale(locale);
        model.addAttribute("idea", idea);
        model.addAttribute("token", token);
        model.addAttribute("manageUrl", mails.manageUrl(token));
        model.addAttribute("pieces", IdeaText.pieces(idea.text(), false));
        model.addAttribute("lab", ideas.labsById(language).get(idea.labId()));
        model.addAttribute("courseTitle", ideas.courseTitle(idea.linkedCourseId(), language).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("replyTitle", title == null ? idea.title() : title);
        model.addAttribute("replyText", text == null ? idea.text() : text);
        return "participation/manage";
    }

    @PostMapping("/reply")
    String reply(@PathVariable String token, @RequestParam(required = false) String title,
            @RequestParam(required = false) String text, HttpServletRequest request, Model model) {
        Map<String, String> errors = ideas.reply(token, title, text);
        if (!errors.isEmpty()) {
            return show(token, errors, title, text, request, model);
        }
        return "redirect:/ideas/manage/" + token + "?replied";
    }

    @GetMapping("/withdraw")
    String askWithdraw(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("what", "withdraw");
        return ideas.byToken(token).isPresent() ? "participation/manage-ask" : "redirect:/ideas/manage/" + token;
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable String token) {
        ideas.withdraw(token);
        return "redirect:/ideas/manage/" + token + "?withdrawn";
    }

    @GetMapping("/delete-data")
    String askDelete(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("what", "delete-data");
        return ideas.byToken(token).isPresent() ? "participation/manage-ask" : "redirect:/ideas/manage/" + token;
    }

    @PostMapping("/delete-data")
    String deleteData(@PathVariable String token) {
        ideas.deleteContact(token);
        return "redirect:/ideas/manage/" + token + "?deleted";
    }
}
