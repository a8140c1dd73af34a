package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.LinkLanguage;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The private manage link of a registration: status and waitlist place, cancel (after asking), delete one's data, add
 * the sessions to a calendar, and after the course the one question "Did this help you?". The token in the link is
 * the only key; pages and JSON answer alike.
 */
@Controller
@RequestMapping("/courses/registrations/{token}")
class RegistrationManageController {

    static final String VIEW_MANAGE = "courses/manage";
    static final String VIEW_ASK_CANCEL = "courses/manage-cancel";
    static final String VIEW_ASK_DELETE = "courses/manage-delete";
    static final String VIEW_UNKNOWN = "courses/registration-unknown";

    private final CourseService courses;
    private final Certificates certificates;
    private final ImpactLabProperties properties;

    RegistrationManageController(CourseService courses, Certificates certificates, ImpactLabProperties properties) {
        this.courses = courses;
        this.certificates = certificates;
        this.properties = properties;
    }

    record SessionJson(OffsetDateTime start, OffsetDateTime end) {
    }

    record StatusJson(String status, Integer waitlistPosition, long courseId, String courseTitle, String courseUrl,
            List<SessionJson> sessions, boolean personalDataDeleted, boolean feedbackGiven) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<StatusJson> json(@PathVariable String token, Locale locale) {
        return courses.registration(token)
                .flatMap(r -> courses.course(r.courseId(), Language.forLocale(locale)).map(c -> new StatusJson(
                        r.status().name(), r.waitlistPosition(), c.id(), c.title().value(),
                        properties.publicAddress() + "/courses/" + c.id(),
                        c.sessions().stream().map(s -> new SessionJson(s.start().toOffsetDateTime(), s.end().toOffsetDateTime())).toList(),
                        r.personalDataDeleted(), r.feedbackGivenAt() != null)))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @PostMapping(path = "/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<StatusJson> cancelJson(@PathVariable String token, Locale locale) {
        if (courses.registration(token).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        boolean cancelled = courses.cancel(token);
        StatusJson now = json(token, locale).getBody();
        return cancelled ? ResponseEntity.ok(now) : ResponseEntity.status(HttpStatus.CONFLICT).body(now);
    }

    @GetMapping
    String page(@PathVariable String token, Locale locale, Model model, HttpServletRequest request) {
        String view = ask(token, locale, model, VIEW_MANAGE, request);
        if (view.equals(VIEW_MANAGE)) {
            model.addAttribute("manageUrl", properties.publicAddress() + "/courses/registrations/"
                    + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8));
            Registration registration = (Registration) model.getAttribute("registration");
            model.addAttribute("feedbackOpen", courses.feedbackOpen(registration, (CourseView) model.getAttribute("course")));
            model.addAttribute("certificateAvailable", certificates.available(registration.id()));
        }
        return view;
    }

    @GetMapping("/cancel")
    String askCancel(@PathVariable String token, Locale locale, Model model, HttpServletRequest request) {
        return ask(token, locale, model, VIEW_ASK_CANCEL, request);
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        boolean cancelled = courses.cancel(token);
        redirect.addFlashAttribute("saved", cancelled ? "courses.manage.cancelDone" : "courses.manage.notCancellable");
        return "redirect:/courses/registrations/" + token;
    }

    @GetMapping("/delete-data")
    String askDelete(@PathVariable String token, Locale locale, Model model, HttpServletRequest request) {
        return ask(token, locale, model, VIEW_ASK_DELETE, request);
    }

    @PostMapping("/delete-data")
    String deleteData(@PathVariable String token, RedirectAttributes redirect) {
        if (courses.deletePersonalData(token)) {
            redirect.addFlashAttribute("saved", "courses.manage.deleted");
        }
        return "redirect:/courses/registrations/" + token;
    }

    @PostMapping("/feedback")
    String feedback(@PathVariable String token, @RequestParam(required = false) Integer score, RedirectAttributes redirect) {
        if (score == null) {
            redirect.addFlashAttribute("feedbackError", "courses.feedback.error");
        } else if (courses.giveFeedback(token, score)) {
            redirect.addFlashAttribute("saved", "courses.feedback.thanks");
        }
        return "redirect:/courses/registrations/" + token + (score == null ? "#feedback" : "");
    }

    /** The certificate of participation, in the language of the page, once the course is completed. */
    @GetMapping("/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable String token, Locale locale) {
        Optional<Registration> registration = courses.registration(token);
        if (registration.isEmpty() || !certificates.available(registration.get().id())) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        long id = registration.get().id();
        return CourseAdminController.pdf(certificates.certificate(id, locale), id);
    }

    @GetMapping("/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token, Locale locale) {
        return courses.calendarFile(token, locale)
                .map(ics -> ResponseEntity.ok()
                        .header("Content-Type", CalendarInvitations.CONTENT_TYPE)
                        .header("Content-Disposition", "attachment; filename=\"" + CourseCalendar.FILE_NAME + "\"")
                        .body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    /**
     * Shows the view with the registration and its course, or the "we cannot find it" page; in the language the person
     * registered in, unless the request chose one with {@code ?lang=}.
     */
    private String ask(String token, Locale locale, Model model, String view, HttpServletRequest request) {
        Optional<Registration> registration = courses.registration(token);
        Language language = registration
                .flatMap(r -> Language.fromTag(r.uiLanguage()).filter(Language::ui))
                .filter(registered -> LinkLanguage.use(request, registered.locale()))
                .orElse(Language.forLocale(locale));
        Optional<CourseView> course = registration.flatMap(r -> courses.course(r.courseId(), language));
        if (course.isEmpty()) {
            return unknown(model);
        }
        model.addAttribute("registration", registration.get());
        model.addAttribute("course", course.get());
        model.addAttribute("token", token);
        return view;
    }

    private static String unknown(Model model) {
        model.addAttribute("notFound", true);
        return VIEW_UNKNOWN;
    }
}
