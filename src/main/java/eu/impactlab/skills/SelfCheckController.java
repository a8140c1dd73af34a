package eu.impactlab.skills;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.LinkLanguage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-check for citizens: the start page, one question per page behind the private link (which also resumes a
 * paused check), the result with the learning path, and a course participant's before/after page behind their manage
 * link. No account, no name.
 */
@Controller
class SelfCheckController {

    static final String VIEW_START = "skills/start";
    static final String VIEW_QUESTION = "skills/question";
    static final String VIEW_PAUSE = "skills/pause";
    static final String VIEW_RESULT = "skills/result";
    static final String VIEW_COURSE = "skills/course";
    static final String VIEW_UNKNOWN = "skills/unknown";

    private final SkillsService skills;
    private final ImpactLabProperties properties;

    SelfCheckController(SkillsService skills, ImpactLabProperties properties) {
        this.skills = skills;
        this.properties = properties;
    }

    @GetMapping("/skills")
    String start(Model model) {
        model.addAttribute("shortCount", Questions.of(Questions.Mode.SHORT, List.of()).size());
        model.addAttribute("fullCount", Questions.of(Questions.Mode.FULL, List.of()).size());
        return VIEW_START;
    }

    @PostMapping("/skills/start")
    String begin(@RequestParam(required = false) String mode, Locale locale) {
        Questions.Mode chosen = Questions.Mode.of(mode).filter(m -> m != Questions.Mode.COURSE).orElse(Questions.Mode.SHORT);
        return "redirect:/skills/check/" + skills.start(chosen, Language.forLocale(locale)) + "/1";
    }

    /** The private link itself: on at the first unanswered question, or the result when all are answered. */
    @GetMapping("/skills/check/{token}")
    String resume(@PathVariable String token, Model model, HttpServletResponse response) {
        return skills.progress(token)
                .map(p -> p.allAnswered() ? "redirect:/skills/check/" + token + "/result"
                        : "redirect:/skills/check/" + token + "/" + p.firstUnanswered())
                .orElseGet(() -> unknown(response));
    }

    @GetMapping("/skills/check/{token}/{number:\\d+}")
    String question(@PathVariable String token, @PathVariable int number, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SkillsService.Progress> progress = progress(token, request);
        if (progress.isEmpty() || number < 1 || number > progress.get().questions().size()) {
            return unknown(response);
        }
        return questionPage(token, number, progress.get(), null, model);
    }

    @PostMapping("/skills/check/{token}/{number:\\d+}")
    String answer(@PathVariable String token, @PathVariable int number, @RequestParam(required = false) String answer,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<SkillsService.Progress> progress = progress(token, request);
        return switch (skills.answer(token, number, answer)) {
            case UNKNOWN -> unknown(response);
            case INVALID -> {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                yield questionPage(token, number, progress.orElseThrow(), "skills.error.answer", model);
            }
            case COMPLETED -> "redirect:/skills/check/" + token + "/result";
            case NEXT -> "redirect:/skills/check/" + token + "/"
                    + nextAfter(number, skills.progress(token).orElseThrow());
        };
    }

    /** The next question after this one that has no answer yet (one answered earlier with "back" is skipped). */
    private static int nextAfter(int number, SkillsService.Progress progress) {
        for (int i = number; i < progress.questions().size(); i++) {
            if (!progress.answers().containsKey(progress.questions().get(i).id())) {
                return i + 1;
            }
        }
        return progress.firstUnanswered();
    }

    private String questionPage(String token, int number, SkillsService.Progress progress, String error, Model model) {
        Questions.Question question = progress.questions().get(number - 1);
        model.addAttribute("token", token);
        model.addAttribute("number", number);
        model.addAttribute("total", progress.questions().size());
        model.addAttribute("answered", progress.answers().size());
        model.addAttribute("question", question);
        model.addAttribute("chosen", progress.answers().get(question.id()));
        // The button says "see my result" when this is the only question left.
        model.addAttribute("last", progress.questions().stream()
                .allMatch(q -> q.equals(question) || progress.answers().containsKey(q.id())));
        model.addAttribute("error", error);
        model.addAttribute("check", progress.check());
        return VIEW_QUESTION;
    }

    @GetMapping("/skills/check/{token}/pause")
    String pause(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<SkillsService.Progress> progress = progress(token, request);
        if (progress.isEmpty()) {
            return unknown(response);
        }
        model.addAttribute("token", token);
        model.addAttribute("link", properties.publicAddress() + "/skills/check/" + token);
        model.addAttribute("answered", progress.get().answers().size());
        model.addAttribute("total", progress.get().questions().size());
        return VIEW_PAUSE;
    }

    @GetMapping("/skills/check/{token}/result")
    String result(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<SkillsService.Progress> progress = progress(token, request);
        if (progress.isEmpty()) {
            return unknown(response);
        }
        if (!progress.get().allAnswered()) {
            return "redirect:/skills/check/" + token + "/" + progress.get().firstUnanswered();
        }
        return skills.result(token, uiLanguage(request)).map(r -> {
            model.addAttribute("result", r);
            model.addAttribute("token", token);
            model.addAttribute("link", properties.publicAddress() + "/skills/check/" + token);
            return VIEW_RESULT;
        }).orElseGet(() -> unknown(response));
    }

    // --- a course participant's checks, behind their manage link ---

    @GetMapping("/skills/course/{manageToken}")
    String course(@PathVariable String manageToken, Locale locale, Model model, HttpServletResponse response) {
        return skills.courseChecks(manageToken, Language.forLocale(locale)).map(checks -> {
            model.addAttribute("checks", checks);
            model.addAttribute("manageToken", manageToken);
            return VIEW_COURSE;
        }).orElseGet(() -> unknown(response));
    }

    @PostMapping("/skills/course/{manageToken}/start")
    String startCourse(@PathVariable String manageToken, Locale locale, HttpServletResponse response) {
        return skills.startCourseCheck(manageToken, Language.forLocale(locale))
                .map(token -> "redirect:/skills/check/" + token)
                .orElseGet(() -> unknown(response));
    }

    /** The check behind a private link; its pages speak the language it was started in, unless ?lang= chose one. */
    private Optional<SkillsService.Progress> progress(String token, HttpServletRequest request) {
        Optional<SkillsService.Progress> progress = skills.progress(token);
        progress.flatMap(p -> Language.fromTag(p.check().language()).filter(Language::ui))
                .ifPresent(l -> LinkLanguage.use(request, l.locale()));
        return progress;
    }

    private static Language uiLanguage(HttpServletRequest request) {
        return LinkLanguage.of(request).map(Language::forLocale)
                .orElseGet(() -> Language.forLocale(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return VIEW_UNKNOWN;
    }
}
