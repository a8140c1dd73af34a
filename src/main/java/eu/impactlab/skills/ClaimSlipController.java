package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.QrCodes;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Printed claim slips for completers without an e-mail address: one slip per completer (or all at once) in the
 * participant's language, with a QR code and the link. Printing makes a fresh link, so an earlier slip stops working.
 */
@Controller
class ClaimSlipController {

    /** One slip, its texts already in the participant's language. */
    record Slip(String lang, String dir, String title, String text, String scan, String url, String qr, String note) {
    }

    private final CourseService courses;
    private final LabService labs;
    private final Claims claims;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    ClaimSlipController(CourseService courses, LabService labs, Claims claims, MessageSource messages,
            ImpactLabProperties properties) {
        this.courses = courses;
        this.labs = labs;
        this.claims = claims;
        this.messages = messages;
        this.properties = properties;
    }

    /** A POST, because printing replaces the completers' claim links. */
    @PostMapping("/staff/courses/{courseId}/claim-slips")
    String print(@PathVariable long courseId, @RequestParam(required = false) Long registration, Authentication who,
            Locale locale, Model model) {
        long labId = courses.labOf(courseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!LabAccess.actsFor(who, labId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<CourseService.Completer> completers = courses.completers(courseId).stream()
                .filter(c -> registration == null || c.registrationId() == registration).toList();
        if (completers.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "nobody completed this course");
        }
        model.addAttribute("slips", completers.stream().map(c -> slip(c, labId)).toList());
        model.addAttribute("courseTitle", courses.title(courseId, Language.forLocale(locale)).orElse(""));
        return "skills/claim-slips";
    }

    private Slip slip(CourseService.Completer completer, long labId) {
        Language language = completer.language();
        Locale locale = language.locale();
        String url = properties.baseUrlWithoutSlash() + "/skills/badge/" + claims.fresh(completer.registrationId(), completer.courseId());
        String course = courses.registeredCourse(completer.registrationId(), language).map(CourseService.RegisteredCourse::title)
                .orElse("");
        String lab = labs.labs(language).stream().filter(l -> l.id() == labId).map(LabView::name).findFirst().orElse("");
        String name = completer.name() == null ? "" : completer.name();
        return new Slip(language.htmlLang(), language.rightToLeft() ? "rtl" : "ltr",
                messages.getMessage("skills.slip.title", null, locale),
                messages.getMessage("skills.slip.text", new Object[] {"\u2068" + name + "\u2069", "\u2068" + course + "\u2069",
                        "\u2068" + lab + "\u2069"}, locale),
                messages.getMessage("skills.slip.scan", null, locale), url,
                QrCodes.svg(url, messages.getMessage("skills.slip.qr", null, locale)),
                messages.getMessage("skills.slip.note", null, locale));
    }
}
