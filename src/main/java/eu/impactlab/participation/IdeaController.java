package eu.impactlab.participation;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.FormGuard;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public idea pages: the list per lab, proposing without an account, an idea's page with its answer, supporting
 * with one tap (htmx answers with the support box only), confirmed supports and following by e-mail, and reporting.
 */
@Controller
class IdeaController {

    static final String SESSION_SHOWN = "participation.form.shownAt";
    static final String SESSION_TOKENS = "participation.form.tokens";

    private final ParticipationService ideas;
    private final BrowserIds browsers;
    private final Clock clock;
    private final FormGuard guard;

    IdeaController(ParticipationService ideas, BrowserIds browsers, Clock clock, FormGuard guard) {
        this.ideas = ideas;
        this.browsers = browsers;
        this.clock = clock;
        this.guard = guard;
    }

    @GetMapping("/ideas")
    String list(@RequestParam(required = false) String lab, @RequestParam(required = false) String answer,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
            @org.springframework.web.bind.annotation.CookieValue(name = BrowserIds.COOKIE, required = false) String cookie,
            Locale locale, Model model) {
        AnswerState wanted = AnswerState.of(answer);
        ParticipationService.Sort order = ParticipationService.Sort.of(sort);
        int safePage = Math.max(0, Math.min(page, 10_000));
        List<Idea> list = ideas.published(lab, wanted, order, safePage);
        long total = ideas.countPublished(lab, wanted);
        Language language = Language.forLocale(locale);
        Map<Long, LabView> labs = ideas.labsById(language);
        String browser = browsers.hashOf(cookie).orElse(null);
        model.addAttribute("ideas", list);
        model.addAttribute("supported", ideas.supportedAmong(list.stream().map(Idea::id).toList(), browser));
        model.addAttribute("labs", labs);
        model.addAttribute("lab", labs.values().stream().filter(l -> l.slug().equals(lab)).findFirst().orElse(null));
        model.addAttribute("answer", wanted == null ? null : wanted.name());
        model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
        model.addAttribute("page", safePage);
        model.addAttribute("hasNext", (long) (safePage + 1) * ideas.pageSize() < total);
        model.addAttribute("total", total);
        model.addAttribute("answers", AnswerState.values());
        return "participation/list";
    }

    @GetMapping("/ideas/new")
    String form(@RequestParam(required = false) String lab, Locale locale, Model model, HttpSession session) {
        session.setAttribute(SESSION_SHOWN, Instant.now(clock));
        IdeaForm form = new IdeaForm();
        form.setLab(lab);
        form.setLanguage(Language.forLocale(locale).tag());
        form.setKey(UUID.randomUUID().toString());
        return showForm(form, Map.of(), locale, model);
    }

    @PostMapping("/ideas")
    String propose(@ModelAttribute("form") IdeaForm form, Locale locale, Model model, HttpSession session) {
        String repeated = form.getKey() == null ? null : tokens(session).get(form.getKey());
        if (repeated != null) {
            return "redirect:/ideas/manage/" + repeated + "?sent";
        }
        if (!guard.looksHuman(form.getWebsite(), (Instant) session.getAttribute(SESSION_SHOWN))) {
            session.setAttribute(SESSION_SHOWN, Instant.now(clock));
            return showForm(form, Map.of("[global]", "participation.error.tooFast"), locale, model);
        }
        ParticipationService.Outcome outcome = ideas.propose(form.proposal(Language.forLocale(locale).tag()));
        if (outcome instanceof ParticipationService.Outcome.Invalid invalid) {
            return showForm(form, invalid.errors(), locale, model);
        }
        String token = ((ParticipationService.Outcome.Accepted) outcome).token();
        if (form.getKey() != null && form.getKey().length() <= 64) {
            tokens(session).put(form.getKey(), token);
        }
        return "redirect:/ideas/manage/" + token + "?sent";
    }

    private String showForm(IdeaForm form, Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("labs", ideas.labsById(Language.forLocale(locale)).values());
        model.addAttribute("kinds", IdeaKind.values());
        model.addAttribute("languages", IdeaLanguages.all());
        model.addAttribute("licence", ideas.licence());
        model.addAttribute("licenceUrl", ideas.licenceUrl());
        model.addAttribute("retentionDays", ideas.retentionDays());
        return "participation/propose";
    }

    @GetMapping("/ideas/{id:\\d+}")
    String idea(@PathVariable long id,
            @org.springframework.web.bind.annotation.CookieValue(name = BrowserIds.COOKIE, required = false) String cookie,
            Locale locale, Model model) {
        Idea idea = ideas.publishedIdea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return showIdea(idea, browsers.hashOf(cookie).orElse(null), Map.of(), locale, model);
    }

    String showIdea(Idea idea, String browser, Map<String, String> errors, Locale locale, Model model) {
        Language language = Language.forLocale(locale);
        model.addAttribute("idea", idea);
        model.addAttribute("pieces", IdeaText.pieces(idea.text(), idea.linksAllowed()));
        model.addAttribute("answerPieces", IdeaText.pieces(idea.answerText(), false));
        model.addAttribute("translations", ideas.translations(idea.id()));
        model.addAttribute("lab", ideas.labsById(language).get(idea.labId()));
        model.addAttribute("courseTitle", ideas.courseTitle(idea.linkedCourseId(), language).orElse(null));
        model.addAttribute("supported", ideas.supports(idea.id(), browser));
        model.addAttribute("stadtteilOpen", ideas.stadtteilOpen(idea.id(), browser));
        model.addAttribute("districts", BremenDistricts.GROUPS);
        model.addAttribute("errors", errors);
        return "participation/idea";
    }

    @PostMapping("/ideas/{id:\\d+}/support")
    String support(@PathVariable long id, @RequestParam(defaultValue = "true") boolean support,
            @org.springframework.web.bind.annotation.CookieValue(name = BrowserIds.COOKIE, required = false) String cookie,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model) {
        String browser = browserOf(cookie, request, response);
        Optional<Boolean> changed = support ? ideas.support(id, browser) : ideas.unsupport(id, browser);
        if (changed.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (htmx != null) {
            Idea idea = ideas.publishedIdea(id).orElseThrow();
            model.addAttribute("idea", idea);
            model.addAttribute("supported", support);
            model.addAttribute("stadtteilOpen", support && ideas.stadtteilOpen(id, browser));
            model.addAttribute("districts", BremenDistricts.GROUPS);
            model.addAttribute("announce", true);
            return "participation/fragments :: support";
        }
        return "redirect:/ideas/" + id + (support ? "?supported" : "?unsupported") + "#support";
    }

    /**
     * After supporting, the supporter may say where they live (or that they would rather not), so coordinators see which
     * ideas gather support in which Stadtteil. Asked once, never required, stored with the support only.
     */
    @PostMapping("/ideas/{id:\\d+}/support/stadtteil")
    String supportStadtteil(@PathVariable long id, @RequestParam(required = false) String stadtteil,
            @org.springframework.web.bind.annotation.CookieValue(name = BrowserIds.COOKIE, required = false) String cookie,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Idea idea = ideas.publishedIdea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String browser = browsers.hashOf(cookie).orElse(null);
        boolean saved = ideas.supportStadtteil(id, browser, stadtteil);
        if (htmx != null) {
            model.addAttribute("idea", idea);
            model.addAttribute("supported", ideas.supports(id, browser));
            model.addAttribute("stadtteilOpen", ideas.stadtteilOpen(id, browser));
            model.addAttribute("stadtteilSaved", saved);
            model.addAttribute("districts", BremenDistricts.GROUPS);
            model.addAttribute("announce", true);
            return "participation/fragments :: support";
        }
        return "redirect:/ideas/" + id + (saved ? "?stadtteilSaved" : "") + "#support";
    }

    /** This browser's id: from its signed cookie, or a new one set now (a year; only for supporting). */
    String browserOf(String cookie, HttpServletRequest request, HttpServletResponse response) {
        Optional<String> known = browsers.hashOf(cookie);
        if (known.isPresent()) {
            return known.get();
        }
        String value = browsers.newCookieValue();
        Cookie c = new Cookie(BrowserIds.COOKIE, value);
        c.setHttpOnly(true);
        c.setPath("/");
        c.setMaxAge((int) Duration.ofDays(365).toSeconds());
        c.setSecure(request.isSecure());
        c.setAttribute("SameSite", "Lax");
        response.addCookie(c);
        return browsers.hashOf(value).orElseThrow();
    }

    @PostMapping("/ideas/{id:\\d+}/report")
    String report(@PathVariable long id) {
        ideas.publishedIdea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ideas.report(id);
        return "redirect:/ideas/" + id + "?reported";
    }

    @PostMapping("/ideas/{id:\\d+}/confirmed-support")
    String confirmedSupport(@PathVariable long id, @RequestParam(required = false) String email,
            @org.springframework.web.bind.annotation.CookieValue(name = BrowserIds.COOKIE, required = false) String cookie,
            Locale locale, Model model) {
        Idea idea = ideas.publishedIdea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = ideas.requestConfirmedSupport(id, email, locale);
        if (!errors.isEmpty()) {
            model.addAttribute("confirmEmail", email);
            return showIdea(idea, browsers.hashOf(cookie).orElse(null), Map.of("confirmEmail", errors.values().iterator().next()),
                    locale, model);
        }
        return "redirect:/ideas/" + id + "?confirmMailSent";
    }

    @PostMapping("/ideas/{id:\\d+}/follow")
    String follow(@PathVariable long id, @RequestParam(required = false) String email,
            @org.springframework.web.bind.annotation.CookieValue(name = BrowserIds.COOKIE, required = false) String cookie,
            Locale locale, Model model) {
        Idea idea = ideas.publishedIdea(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = ideas.follow(id, email, locale);
        if (!errors.isEmpty()) {
            model.addAttribute("followEmail", email);
            return showIdea(idea, browsers.hashOf(cookie).orElse(null), Map.of("followEmail", errors.values().iterator().next()),
                    locale, model);
        }
        return "redirect:/ideas/" + id + "?followMailSent";
    }

    @GetMapping("/ideas/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        return done(ideas.confirmSupport(token), "participation.confirmed.done", model);
    }

    @GetMapping("/ideas/follow/{token}")
    String confirmFollow(@PathVariable String token, Model model) {
        return done(ideas.confirmFollow(token), "participation.follow.done", model);
    }

    @GetMapping("/ideas/unfollow/{token}")
    String askUnfollow(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "participation/unfollow";
    }

    @PostMapping("/ideas/unfollow/{token}")
    String unfollow(@PathVariable String token, Model model) {
        return done(ideas.unfollow(token), "participation.unfollow.done", model);
    }

    private static String done(Optional<Long> idea, String message, Model model) {
        model.addAttribute("ideaId", idea.orElse(null));
        model.addAttribute("message", idea.isPresent() ? message : "participation.link.invalid");
        return "participation/done";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tokens(HttpSession session) {
        Map<String, String> tokens = (Map<String, String>) session.getAttribute(SESSION_TOKENS);
        if (tokens == null) {
            tokens = new HashMap<>();
            session.setAttribute(SESSION_TOKENS, tokens);
        }
        return tokens;
    }
}
