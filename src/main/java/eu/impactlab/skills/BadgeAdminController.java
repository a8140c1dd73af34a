package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.Language;
import eu.impactlab.privacy.PrivacyService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' list of issued badges of their labs' courses (admins see all), and revoking one with a reason
 * after a confirmation page; every revocation goes into the audit trail.
 */
@Controller
class BadgeAdminController {

    static final int PAGE_SIZE = 20;
    static final int MAX_REASON = 200;
    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    record CourseOption(long id, String title) {
    }

    record Row(String id, String title, LocalDate issued, LocalDate revoked) {
    }

    private final Badges badges;
    private final CourseService courses;
    private final PrivacyService privacy;

    BadgeAdminController(Badges badges, CourseService courses, PrivacyService privacy) {
        this.badges = badges;
        this.courses = courses;
        this.privacy = privacy;
    }

    @GetMapping("/admin/badges")
    String list(@RequestParam(required = false) Long course, @RequestParam(defaultValue = "1") int page,
            Authentication who, Locale locale, Model model) {
        Language language = Language.forLocale(locale);
        List<Long> visible = badges.courseIds().stream().filter(id -> mayManage(who, id)).toList();
        List<Long> shown = course != null && visible.contains(course) ? List.of(course) : visible;
        long total = badges.count(shown);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("courses", visible.stream()
                .map(id -> new CourseOption(id, courses.title(id, language).orElse("#" + id)))
                .sorted(Comparator.comparing(CourseOption::title)).toList());
        model.addAttribute("course", shown.size() == 1 && course != null ? course : null);
        model.addAttribute("rows", badges.page(shown, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                .map(b -> row(b, language)).toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "skills/admin-badges";
    }

    @GetMapping("/admin/badges/{id}/revoke")
    String confirm(@PathVariable String id, Authentication who, Locale locale, Model model) {
        model.addAttribute("badge", row(own(id, who), Language.forLocale(locale)));
        return "skills/admin-revoke";
    }

    @PostMapping("/admin/badges/{id}/revoke")
    String revoke(@PathVariable String id, @RequestParam(required = false) String reason, Authentication who, Locale locale,
            Model model, RedirectAttributes redirect) {
        Badges.Stored badge = own(id, who);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            model.addAttribute("badge", row(badge, Language.forLocale(locale)));
            model.addAttribute("reason", reason);
            model.addAttribute("reasonMissing", true);
            return "skills/admin-revoke";
        }
        boolean revoked = badges.revoke(id, text);
        if (revoked) {
            privacy.audit(who.getName(), "BADGE_REVOKED", "badge", id, courses.labOf(badge.courseId()).orElse(null), null);
        }
        redirect.addFlashAttribute("message", revoked ? "skills.admin.revoked" : "skills.admin.alreadyRevoked");
        return "redirect:/admin/badges";
    }

    private Badges.Stored own(String id, Authentication who) {
        Badges.Stored badge = badges.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!mayManage(who, badge.courseId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return badge;
    }

    private boolean mayManage(Authentication who, long courseId) {
        return courses.labOf(courseId).map(lab -> LabAccess.canManage(who, lab)).orElse(false);
    }

    /** The course's title in the coordinator's language: the badge itself is in the language its holder registered in. */
    private Row row(Badges.Stored b, Language language) {
        String title = courses.title(b.courseId(), language).orElseGet(() -> DataIntegrity.parse(b.json()).getString("name", ""));
        return new Row(b.id(), title, b.issuedAt().atZone(BREMEN).toLocalDate(),
                b.revokedAt() == null ? null : b.revokedAt().atZone(BREMEN).toLocalDate());
    }
}
