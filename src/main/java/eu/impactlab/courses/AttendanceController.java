package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.TextRules;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attendance on a tablet: today's and recent sessions of the labs a person acts for, and one page per session with a
 * big toggle per participant. Each toggle is a plain form; with htmx only the participant's line is replaced.
 */
@Controller
@RequestMapping("/staff/courses")
class AttendanceController {

    static final String VIEW_SESSIONS = "courses/staff-sessions";
    static final String VIEW_SESSION = "courses/staff-session";
    static final String FRAGMENT_PERSON = VIEW_SESSION + " :: person-update";

    private final Attendance attendance;

    AttendanceController(Attendance attendance) {
        this.attendance = attendance;
    }

    @GetMapping
    String sessions(Authentication who, Locale locale, Model model) {
        LocalDate today = attendance.today();
        List<Attendance.SessionRow> rows = attendance.sessions(who, today.minusDays(Attendance.RECENT_DAYS), today,
                Language.forLocale(locale));
        model.addAttribute("today", today);
        model.addAttribute("todays", rows.stream().filter(r -> r.start().toLocalDate().equals(today)).toList());
        model.addAttribute("recent", rows.stream().filter(r -> !r.start().toLocalDate().equals(today)).toList());
        model.addAttribute("recentDays", Attendance.RECENT_DAYS);
        return VIEW_SESSIONS;
    }

    @GetMapping("/{id}/sessions/{sessionId}")
    String session(@PathVariable long id, @PathVariable long sessionId, Authentication who, Locale locale, Model model) {
        Attendance.Sheet sheet = attendance.sheet(id, sessionId, who, Language.forLocale(locale));
        model.addAttribute("sheet", sheet);
        if (model.getAttribute("savedFor") instanceof Long registrationId) {
            model.addAttribute("savedName", attendance.person(sheet, registrationId).map(Attendance.Person::name)
                    .map(TextRules::isolated).orElse(null));
        }
        return VIEW_SESSION;
    }

    /** Sets one participant present or not; the same state twice changes nothing. */
    @PostMapping("/{id}/sessions/{sessionId}/attendance/{registrationId}")
    String record(@PathVariable long id, @PathVariable long sessionId, @PathVariable long registrationId,
            @RequestParam boolean present, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication who, Locale locale, Model model, RedirectAttributes redirect) {
        Attendance.Change change = attendance.record(id, sessionId, registrationId, present, who);
        if (change.refused() == Attendance.Refusal.NOT_CONFIRMED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a confirmed participant");
        }
        String message = change.refused() != null ? "attendance.refused." + change.refused()
                : change.completedNow() ? "attendance.saved.completed"
                : present ? "attendance.saved.present" : "attendance.saved.absent";
        if (htmx != null) {
            Attendance.Sheet sheet = attendance.sheet(id, sessionId, who, Language.forLocale(locale));
            model.addAttribute("sheet", sheet);
            model.addAttribute("p", attendance.person(sheet, registrationId).orElseThrow());
            model.addAttribute("message", message);
            model.addAttribute("messageName", TextRules.isolated(sheet.people().stream()
                    .filter(p -> p.registrationId() == registrationId).findFirst().orElseThrow().name()));
            return FRAGMENT_PERSON;
        }
        redirect.addFlashAttribute("saved", message);
        redirect.addFlashAttribute("savedFor", registrationId);
        return "redirect:/staff/courses/" + id + "/sessions/" + sessionId + "#p-" + registrationId;
    }
}
