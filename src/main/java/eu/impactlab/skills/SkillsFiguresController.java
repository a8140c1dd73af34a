package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The funders' page of anonymous self-check figures (under /impact, so admins, coordinators and funders only). */
@Controller
class SkillsFiguresController {

    private final SkillsFigures figures;
    private final CourseService courses;
    private final Clock clock;

    SkillsFiguresController(SkillsFigures figures, CourseService courses, Clock clock) {
        this.figures = figures;
        this.courses = courses;
        this.clock = clock;
    }

    @GetMapping("/impact/skills")
    String page(@RequestParam(defaultValue = "365") String days, Locale locale, Model model) {
        int period = days.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(days)) : 365;
        Instant from = Instant.now(clock).minus(Duration.ofDays(period));
        Language language = Language.forLocale(locale);
        var changes = figures.changes(from);
        Map<Long, String> titles = new LinkedHashMap<>();
        changes.forEach(c -> titles.computeIfAbsent(c.courseId(), id -> courses.title(id, language).orElse("#" + id)));
        model.addAttribute("days", period);
        model.addAttribute("finished", figures.finishedChecks(from));
        model.addAttribute("areas", figures.areas(from));
        model.addAttribute("changes", changes);
        model.addAttribute("titles", titles);
        model.addAttribute("minCases", SkillsFigures.MIN_CASES);
        return "skills/figures";
    }
}
