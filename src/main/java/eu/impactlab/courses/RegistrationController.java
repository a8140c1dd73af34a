package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.FormGuard;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registering for a course without an account, one question per page: name → contact (optional) → about you
 * (optional, anonymous) → consent → check → done. Each page posts all answers so far to the next one; a page first
 * checks the answers of the pages before it and shows the first one that needs fixing.
 */
@Controller
@RequestMapping("/courses/{id:\\d+}/register")
class RegistrationController {

    static final String VIEW_STEP = "courses/register";
    static final String VIEW_CHECK = "courses/register-check";
    static final String VIEW_CLOSED = "courses/register-closed";
    static final String VIEW_REPEATED = "courses/register-repeated";
    static final String SESSION_STARTED = "courses.registration.startedAt";
    static final String SESSION_TOKENS = "courses.registration.tokens";

    /** The pages in their order; the last one, check, shows all answers before anything is saved. */
    enum Step {
        NAME, CONTACT, ABOUT, CONSENT, CHECK;

        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        public int number() {
            return ordinal() + 1;
        }

        static Step of(String path) {
            for (Step step : values()) {
                if (step.path().equals(path)) {
                    return step;
                }
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private final CourseService courses;
    private final Clock clock;
    private final FormGuard guard;

    RegistrationController(CourseService courses, Clock clock, FormGuard guard) {
        this.courses = courses;
        this.clock = clock;
        this.guard = guard;
    }

    @GetMapping
    String start(@PathVariable long id, Locale locale, Model model, HttpSession session) {
        session.setAttribute(SESSION_STARTED, Instant.now(clock));
        return show(id, Step.NAME, new RegistrationForm(), Map.of(), locale, model);
    }

    @PostMapping("/{step:name|contact|about|consent|check}")
    String step(@PathVariable long id, @PathVariable String step, @ModelAttribute("form") RegistrationForm form,
            Locale locale, Model model, HttpSession session) {
        Step wanted = Step.of(step);
        for (Step earlier : Step.values()) {
            if (earlier.ordinal() >= wanted.ordinal()) {
                break;
            }
            Map<String, String> errors = errors(earlier, form, session);
            if (!errors.isEmpty()) {
                return show(id, earlier, form, errors, locale, model);
            }
        }
        if (wanted == Step.CHECK) {
            form.setKey(UUID.randomUUID().toString());
        }
        return show(id, wanted, form, Map.of(), locale, model);
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable long id, @ModelAttribute("form") RegistrationForm form, Locale locale, Model model,
            HttpSession session) {
        for (Step step : List.of(Step.NAME, Step.CONTACT, Step.ABOUT, Step.CONSENT)) {
            Map<String, String> errors = errors(step, form, session);
            if (!errors.isEmpty()) {
                return show(id, step, form, errors, locale, model);
            }
        }
        RegistrationOutcome outcome = courses.register(form.request(id, Language.forLocale(locale).tag(), "citizen"));
        if (outcome instanceof RegistrationOutcome.Registered registered) {
            tokens(session).put(form.getKey(), registered.manageToken());
            return "redirect:/courses/registrations/" + registered.manageToken() + "?registered";
        }
        if (outcome instanceof RegistrationOutcome.Repeated repeated) {
            String token = tokens(session).get(form.getKey());
            if (token != null) {
                return "redirect:/courses/registrations/" + token + "?registered";
            }
            model.addAttribute("registration", repeated.registration());
            model.addAttribute("course", course(id, locale));
            return VIEW_REPEATED;
        }
        if (outcome instanceof RegistrationOutcome.Refused refused) {
            return closed(course(id, locale), refused.reason(), model);
        }
        if (outcome instanceof RegistrationOutcome.Invalid invalid) {
            Step first = invalid.errors().keySet().stream().map(RegistrationController::stepOf).min(Enum::compareTo).orElse(Step.NAME);
            return show(id, first, form, invalid.errors(), locale, model);
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private String show(long id, Step step, RegistrationForm form, Map<String, String> errors, Locale locale, Model model) {
        CourseView course = course(id, locale);
        if (!course.state().registrable()) {
            return closed(course, Seats.refusal(course.state()), model);
        }
        model.addAttribute("course", course);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("step", step);
        model.addAttribute("steps", Step.values().length);
        model.addAttribute("previous", step.ordinal() == 0 ? null : Step.values()[step.ordinal() - 1]);
        model.addAttribute("next", step == Step.CHECK ? null : Step.values()[step.ordinal() + 1]);
        model.addAttribute("districts", BremenDistricts.GROUPS);
        model.addAttribute("ageBands", List.of("UNDER_18", "FROM_18_TO_29", "FROM_30_TO_44", "FROM_45_TO_64", "FROM_65"));
        model.addAttribute("genders", List.of("FEMALE", "MALE", "DIVERSE"));
        model.addAttribute("retentionDays", courses.retentionDays());
        return step == Step.CHECK ? VIEW_CHECK : VIEW_STEP;
    }

    private String closed(CourseView course, RegistrationOutcome.Refusal reason, Model model) {
        model.addAttribute("course", course);
        model.addAttribute("reason", reason);
        return VIEW_CLOSED;
    }

    private Map<String, String> errors(Step step, RegistrationForm form, HttpSession session) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (step) {
            case NAME -> {
                RegistrationRequest nameOnly = new RegistrationRequest(0, form.getName(), null, null, true, null, null,
                        null, "de", null, "citizen");
                errors.putAll(Seats.errors(nameOnly));
            }
            case CONTACT -> errors.putAll(Seats.contactErrors(form.getEmail(), form.getPhone()));
            case ABOUT -> errors.putAll(Seats.factErrors(form.getAgeBand(), form.getGender(), form.getStadtteil()));
            case CONSENT -> {
                if (!form.isConsent()) {
                    errors.put("consent", "courses.error.consent");
                } else if (!guard.looksHuman(form.getWebsite(), (Instant) session.getAttribute(SESSION_STARTED))) {
                    errors.put("[global]", "courses.error.tooFast");
                    // A session that expired on the way starts the clock again, so sending once more helps.
                    session.setAttribute(SESSION_STARTED, Instant.now(clock));
                }
            }
            case CHECK -> {
            }
        }
        return errors;
    }

    private static Step stepOf(String field) {
        return switch (field) {
            case "email", "phone" -> Step.CONTACT;
            case "ageBand", "gender", "stadtteil" -> Step.ABOUT;
            case "consent" -> Step.CONSENT;
            default -> Step.NAME;
        };
    }

    private CourseView course(long id, Locale locale) {
        return courses.course(id, Language.forLocale(locale)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
