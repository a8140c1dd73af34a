package eu.impactlab.courses;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.platform.InputDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The public catalogue, a course's page (with schema.org data for search engines) and the calendar feeds. */
@Controller
class CourseCatalogueController {

    static final String VIEW_CATALOGUE = "courses/catalogue";
    static final String VIEW_COURSE = "courses/course";

    private final CourseService courses;
    private final LabService labs;
    private final CourseJsonLd jsonLd;
    private final MessageSource messages;

    CourseCatalogueController(CourseService courses, LabService labs, CourseJsonLd jsonLd, MessageSource messages) {
        this.courses = courses;
        this.labs = labs;
        this.jsonLd = jsonLd;
        this.messages = messages;
    }

    @GetMapping("/courses")
    String catalogue(@RequestParam(required = false) String lab, @RequestParam(required = false) String targetGroup,
            @RequestParam(required = false) String language, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String competence,
            @RequestParam(defaultValue = "1") String page, Locale locale, Model model) {
        Language ui = Language.forLocale(locale);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        CourseService.Filter filter = new CourseService.Filter(blankToNull(lab), blankToNull(targetGroup),
                blankToNull(language), fromDay, toDay, blankToNull(competence));
        int pageNumber = number(page);
        CourseService.CataloguePage found = courses.catalogue(filter, pageNumber, ui);
        model.addAttribute("found", found);
        model.addAttribute("filter", filter);
        model.addAttribute("fromText", from == null ? "" : from);
        model.addAttribute("toText", to == null ? "" : to);
        model.addAttribute("errors", errors);
        model.addAttribute("labs", labs.labs(ui));
        model.addAttribute("targetGroups", TargetGroup.values());
        List<Language> taught = courses.teachingLanguages();
        model.addAttribute("languages", taught);
        // Nothing in the language asked for (or in the reader's own one): point to one-to-one help instead.
        Language missing = found.courses().isEmpty() ? Language.fromTag(filter.language()).orElse(null) : null;
        if (missing == null && filter.language() == null && ui != Language.DE && !taught.contains(ui)) {
            missing = ui;
        }
        model.addAttribute("noCourseLanguage", missing);
        model.addAttribute("areas", Competences.AREAS);
        model.addAttribute("filtered", lab != null || targetGroup != null || language != null || from != null || to != null
                || competence != null);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/courses")
                .queryParamIfPresent("lab", java.util.Optional.ofNullable(blankToNull(lab)))
                .queryParamIfPresent("targetGroup", java.util.Optional.ofNullable(blankToNull(targetGroup)))
                .queryParamIfPresent("language", java.util.Optional.ofNullable(blankToNull(language)))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(blankToNull(from)))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(blankToNull(to)))
                .queryParamIfPresent("competence", java.util.Optional.ofNullable(blankToNull(competence)));
        if (found.hasPrevious()) {
            model.addAttribute("previousHref", base.cloneBuilder().queryParam("page", found.page() - 1).encode().build().toUriString());
        }
        if (found.hasNext()) {
            model.addAttribute("nextHref", base.cloneBuilder().queryParam("page", found.page() + 1).encode().build().toUriString());
        }
        return VIEW_CATALOGUE;
    }

    @GetMapping("/courses/{id:\\d+}")
    String course(@PathVariable long id, Locale locale, Model model) {
        CourseView course = courses.course(id, Language.forLocale(locale))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("course", course);
        model.addAttribute("jsonLd", jsonLd.of(course, locale));
        return VIEW_COURSE;
    }

    @GetMapping("/courses.ics")
    ResponseEntity<byte[]> feed(Locale locale) {
        Language language = Language.forLocale(locale);
        return ics(courses.feed(null, language, messages.getMessage("courses.feed.name", null, locale)), "kurse.ics");
    }

    @GetMapping("/labs/{slug}/courses.ics")
    ResponseEntity<byte[]> labFeed(@PathVariable String slug, Locale locale) {
        Language language = Language.forLocale(locale);
        LabView lab = labs.lab(slug, language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ics(courses.feed(slug, language, messages.getMessage("courses.feed.labName", new Object[] {lab.name()}, locale)),
                "kurse-" + slug + ".ics");
    }

    private static ResponseEntity<byte[]> ics(byte[] body, String filename) {
        return ResponseEntity.ok()
                .header("Content-Type", CalendarInvitations.CONTENT_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .body(body);
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (InputDates.plausible(day)) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // told below
        }
        errors.put(field, "courses.error.date");
        return null;
    }

    private static int number(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
