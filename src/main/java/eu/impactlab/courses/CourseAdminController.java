package eu.impactlab.courses;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.privacy.PrivacyService;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators run their labs' courses here: the list, a course with its sessions, the form to create or change one,
 * copying, closing registration, cancelling, the participants, the printable attendance list and certificates.
 */
@Controller
@RequestMapping("/admin/courses")
class CourseAdminController {

    static final String VIEW_LIST = "courses/admin-list";
    static final String VIEW_COURSE = "courses/admin-course";
    static final String VIEW_FORM = "courses/admin-form";
    static final String VIEW_COPY = "courses/admin-copy";
    static final String VIEW_CANCEL = "courses/admin-cancel";
    static final String VIEW_CANCEL_SESSION = "courses/admin-session-cancel";
    static final String VIEW_PARTICIPANTS = "courses/admin-participants";
    static final String VIEW_ATTENDANCE_LIST = "courses/attendance-list";

    private final CourseAdmin courses;
    private final Certificates certificates;
    private final CourseViews views;
    private final PrivacyService privacy;

    CourseAdminController(CourseAdmin courses, Certificates certificates, CourseViews views, PrivacyService privacy) {
        this.courses = courses;
        this.certificates = certificates;
        this.views = views;
        this.privacy = privacy;
    }

    // --- the list ---

    @GetMapping
    String list(@RequestParam(required = false) Long lab, @RequestParam(defaultValue = "upcoming") String when,
            @RequestParam(defaultValue = "1") int page, Authentication who, Locale locale, Model model) {
        Language language = Language.forLocale(locale);
        List<LabView> myLabs = courses.manageableLabs(who, language);
        List<LabView> shown = lab == null ? myLabs : myLabs.stream().filter(l -> l.id() == lab).toList();
        boolean past = "past".equals(when);
        CourseAdmin.Listing listing = courses.list(CourseAdmin.ids(shown), past, page - 1, language);
        model.addAttribute("labs", myLabs);
        model.addAttribute("lab", lab);
        model.addAttribute("past", past);
        model.addAttribute("listing", listing);
        return VIEW_LIST;
    }

    // --- create ---

    @GetMapping("/new")
    String newCourse(@RequestParam(required = false) Long lab, Authentication who, Locale locale, Model model) {
        CourseForm form = new CourseForm();
        List<LabView> myLabs = courses.manageableLabs(who, Language.forLocale(locale));
        if (lab != null && myLabs.stream().anyMatch(l -> l.id() == lab)) {
            form.setLab(String.valueOf(lab));
        } else if (myLabs.size() == 1) {
            form.setLab(String.valueOf(myLabs.get(0).id()));
        }
        return form(form, null, who, locale, model);
    }

    @PostMapping
    String create(@ModelAttribute("form") CourseForm form, BindingResult errors, Authentication who, Locale locale,
            Model model, RedirectAttributes redirect) {
        Set<Long> labIds = labIds(who, locale);
        Optional<CourseForm.Input> input = form.validate(errors, labIds, 0, courses.zone());
        Optional<List<CourseForm.SessionTime>> sessions = form.getSeries().sessions(errors, "series.", courses.today(),
                courses.zone());
        if (input.isEmpty() || sessions.isEmpty()) {
            return form(form, null, who, locale, model);
        }
        long id = courses.create(input.get(), sessions.get(), who.getName());
        redirect.addFlashAttribute("saved", "courseAdmin.saved.created");
        return "redirect:/admin/courses/" + id;
    }

    // --- one course ---

    @GetMapping("/{id}")
    String course(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        addCourse(course, locale, model);
        if (!model.containsAttribute("series")) {
            model.addAttribute("series", new CourseForm.Series());
        }
        return VIEW_COURSE;
    }

    // --- draft, preview, publish ---

    /** The public page as it will look, for the coordinator only; a draft is nobody else's business yet. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        CourseView view = views.course(course.id(), Language.forLocale(locale))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("course", view);
        model.addAttribute("preview", true);
        return CourseCatalogueController.VIEW_COURSE;
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        courses.manageable(id, who);
        redirect.addFlashAttribute("saved", courses.publish(id, who.getName()) ? "staff.course.published" : "staff.course.notDraft");
        return "redirect:/admin/courses/" + id;
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        return form(CourseForm.of(course, courses.zone()), course, who, locale, model);
    }

    @PostMapping("/{id}/edit")
    String save(@PathVariable long id, @ModelAttribute("form") CourseForm form, BindingResult errors, Authentication who,
            Locale locale, Model model, RedirectAttributes redirect) {
        CourseAdmin.Course course = courses.manageable(id, who);
        if (course.cancelled()) {
            redirect.addFlashAttribute("saved", "courseAdmin.cancelled.noChanges");
            return "redirect:/admin/courses/" + id;
        }
        Optional<CourseForm.Input> input = form.validate(errors, labIds(who, locale), course.confirmed(), courses.zone());
        if (input.isEmpty()) {
            return form(form, course, who, locale, model);
        }
        try {
            courses.update(id, input.get(), who.getName());
        } catch (CourseAdmin.CapacityBelowConfirmed e) {
            // somebody took a seat between showing the form and saving it
            errors.rejectValue("capacity", "courseAdmin.error.capacityBelowConfirmed", new Object[] {e.confirmed}, null);
            return form(form, courses.manageable(id, who), who, locale, model);
        }
        redirect.addFlashAttribute("saved", "courseAdmin.saved.changed");
        return "redirect:/admin/courses/" + id;
    }

    @PostMapping("/{id}/sessions")
    String addSessions(@PathVariable long id, @ModelAttribute("series") CourseForm.Series series, BindingResult errors,
            Authentication who, Locale locale, Model model, RedirectAttributes redirect) {
        CourseAdmin.Course course = courses.manageable(id, who);
        Optional<List<CourseForm.SessionTime>> sessions = series.sessions(errors, "", courses.today(), courses.zone());
        if (sessions.isPresent() && !course.cancelled() && !courses.addSessions(id, sessions.get(), who.getName())) {
            errors.rejectValue("firstDate", "courseAdmin.error.sessionExists");
        }
        if (errors.hasErrors()) {
            addCourse(course, locale, model);
            return VIEW_COURSE;
        }
        redirect.addFlashAttribute("saved", course.cancelled() ? "courseAdmin.cancelled.noChanges" : "courseAdmin.saved.sessionsAdded");
        return "redirect:/admin/courses/" + id + "#sessions";
    }

    @PostMapping("/{id}/sessions/{sessionId}/delete")
    String removeSession(@PathVariable long id, @PathVariable long sessionId, Authentication who,
            RedirectAttributes redirect) {
        CourseAdmin.Course course = courses.manageable(id, who);
        if (courses.sessionsToCallOff(course).contains(sessionId)) {
            // people are registered for it: that is calling it off, which asks first and tells them
            return "redirect:/admin/courses/" + id + "/sessions/" + sessionId + "/cancel";
        }
        CourseAdmin.Removal removal = courses.removeSession(id, sessionId, who.getName());
        if (removal == CourseAdmin.Removal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session");
        }
        redirect.addFlashAttribute("saved", "courseAdmin.session." + removal.name());
        return "redirect:/admin/courses/" + id + "#sessions";
    }

    /**
     * Calling off one session that people registered for asks first, on its own page, and says who will be told;
     * a session nobody registered for yet is simply removed (above).
     */
    @GetMapping("/{id}/sessions/{sessionId}/cancel")
    String cancelSessionForm(@PathVariable long id, @PathVariable long sessionId, Authentication who, Locale locale,
            Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        CourseAdmin.Session session = course.session(sessionId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session"));
        if (!courses.sessionsToCallOff(course).contains(sessionId)) {
            return "redirect:/admin/courses/" + id + "#sessions";
        }
        model.addAttribute("course", course);
        model.addAttribute("callOff", session);
        model.addAttribute("courseTitle", course.title(Language.forLocale(locale)));
        model.addAttribute("mailable", courses.participants(id).stream().filter(p -> p.email() != null).count());
        return VIEW_CANCEL_SESSION;
    }

    @PostMapping("/{id}/sessions/{sessionId}/cancel")
    String cancelSession(@PathVariable long id, @PathVariable long sessionId, Authentication who,
            RedirectAttributes redirect) {
        CourseAdmin.Course course = courses.manageable(id, who);
        if (course.session(sessionId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such session");
        }
        // only what the page offers: never the course's only session (that is cancelling the course, asked apart)
        boolean cancelled = courses.sessionsToCallOff(course).contains(sessionId) && courses.cancelSession(sessionId, who.getName());
        redirect.addFlashAttribute("saved", cancelled ? "staff.course.sessionCancel.done" : "staff.course.sessionCancel.refused");
        return "redirect:/admin/courses/" + id + "#sessions";
    }

    @PostMapping("/{id}/registration")
    String registration(@PathVariable long id, @RequestParam boolean closed, Authentication who,
            RedirectAttributes redirect) {
        courses.manageable(id, who);
        boolean changed = courses.setRegistrationClosed(id, closed, who.getName());
        redirect.addFlashAttribute("saved", !changed ? "courseAdmin.notChanged"
                : closed ? "courseAdmin.saved.registrationClosed" : "courseAdmin.saved.registrationReopened");
        return "redirect:/admin/courses/" + id;
    }

    // --- copy ---

    @GetMapping("/{id}/copy")
    String copyForm(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        model.addAttribute("course", course);
        model.addAttribute("courseTitle", course.title(Language.forLocale(locale)));
        if (!model.containsAttribute("firstDate")) {
            model.addAttribute("firstDate", "");
        }
        return VIEW_COPY;
    }

    @PostMapping("/{id}/copy")
    String copy(@PathVariable long id, @RequestParam(defaultValue = "") String firstDate, Authentication who,
            Locale locale, Model model, RedirectAttributes redirect) {
        CourseAdmin.Course course = courses.manageable(id, who);
        String error = null;
        LocalDate date = null;
        try {
            date = LocalDate.parse(firstDate.strip());
            if (date.isBefore(courses.today())) {
                error = "courseAdmin.error.firstDatePast";
            }
        } catch (DateTimeParseException e) {
            error = "courseAdmin.error.date";
        }
        if (error == null && course.sessions().isEmpty()) {
            error = "courseAdmin.error.noSessionsToCopy";
        }
        if (error != null) {
            model.addAttribute("error", error);
            model.addAttribute("firstDate", firstDate);
            return copyForm(id, who, locale, model);
        }
        long copy = courses.copy(id, date, who.getName());
        redirect.addFlashAttribute("saved", "courseAdmin.saved.copied");
        return "redirect:/admin/courses/" + copy;
    }

    // --- cancel ---

    @GetMapping("/{id}/cancel")
    String cancelForm(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        if (course.cancelled()) {
            return "redirect:/admin/courses/" + id;
        }
        model.addAttribute("course", course);
        model.addAttribute("courseTitle", course.title(Language.forLocale(locale)));
        return VIEW_CANCEL;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        CourseAdmin.Course course = courses.manageable(id, who);
        if (!course.cancelled()) {
            courses.cancel(id, who.getName());
        }
        redirect.addFlashAttribute("saved", course.cancelled() ? "courseAdmin.notChanged" : "courseAdmin.saved.cancelled");
        return "redirect:/admin/courses/" + id;
    }

    // --- participants, attendance list, certificates ---

    @GetMapping("/{id}/participants")
    String participants(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        List<CourseAdmin.Participant> all = courses.participants(id);
        privacy.audit(who.getName(), "PARTICIPANTS_VIEWED", "course", Long.toString(id), course.labId(), "people=" + all.size());
        model.addAttribute("course", course);
        model.addAttribute("courseTitle", course.title(Language.forLocale(locale)));
        model.addAttribute("confirmed", all.stream().filter(p -> "CONFIRMED".equals(p.status())).toList());
        model.addAttribute("waitlist", all.stream().filter(p -> "WAITLISTED".equals(p.status())).toList());
        model.addAttribute("zone", courses.zone());
        model.addAttribute("required", Attendance.required(course.completionPercent(), course.sessions().size()));
        return VIEW_PARTICIPANTS;
    }

    @GetMapping("/{id}/attendance-list")
    String attendanceList(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseAdmin.Course course = courses.manageable(id, who);
        model.addAttribute("course", course);
        model.addAttribute("courseTitle", course.title(Language.forLocale(locale)));
        model.addAttribute("labName", courses.labName(course.labId(), Language.forLocale(locale)));
        List<CourseAdmin.Participant> people = courses.participants(id).stream()
                .filter(p -> "CONFIRMED".equals(p.status())).toList();
        privacy.audit(who.getName(), "ATTENDANCE_LIST_VIEWED", "course", Long.toString(id), course.labId(), "people=" + people.size());
        model.addAttribute("people", people);
        return VIEW_ATTENDANCE_LIST;
    }

    @GetMapping("/{id}/participants/{registrationId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, @PathVariable long registrationId,
            @RequestParam(required = false) String language, Authentication who) {
        courses.manageable(id, who);
        if (certificates.courseOf(registrationId).filter(course -> course == id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a participant of this course");
        }
        Locale locale = Language.fromTag(language).filter(Language::ui).map(Language::locale)
                .orElseGet(() -> certificates.languageOf(registrationId));
        return pdf(certificates.certificate(registrationId, locale), registrationId);
    }

    /** The PDF as a download with a file name that names nobody. */
    static ResponseEntity<byte[]> pdf(byte[] pdf, long registrationId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certificate-" + registrationId + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    // --- helpers ---

    private String form(CourseForm form, CourseAdmin.Course course, Authentication who, Locale locale, Model model) {
        Language language = Language.forLocale(locale);
        model.addAttribute("form", form);
        model.addAttribute("course", course);
        model.addAttribute("courseTitle", course == null ? null : course.title(language));
        model.addAttribute("labs", courses.manageableLabs(who, language));
        model.addAttribute("languages", List.of(Language.values()));
        model.addAttribute("uiLanguages", Language.uiLanguages());
        model.addAttribute("levels", CourseForm.LEVELS);
        model.addAttribute("targetGroups", CourseForm.TARGET_GROUPS);
        model.addAttribute("competenceAreas", CourseForm.COMPETENCE_AREAS);
        model.addAttribute("openAreas", CourseForm.COMPETENCE_AREAS.entrySet().stream()
                .filter(area -> area.getValue().stream().anyMatch(form.getCompetences()::contains))
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet()));
        model.addAttribute("intervals", CourseForm.Series.INTERVALS);
        return VIEW_FORM;
    }

    private void addCourse(CourseAdmin.Course course, Locale locale, Model model) {
        Language language = Language.forLocale(locale);
        model.addAttribute("course", course);
        model.addAttribute("history", privacy.history("course", Long.toString(course.id())));
        model.addAttribute("courseTitle", course.title(language));
        model.addAttribute("labName", courses.labName(course.labId(), language));
        model.addAttribute("intervals", CourseForm.Series.INTERVALS);
        model.addAttribute("opensAt", course.opensAt() == null ? null : course.opensAt().atZone(courses.zone()));
        model.addAttribute("closesAt", course.closesAt() == null ? null : course.closesAt().atZone(courses.zone()));
        model.addAttribute("courseLanguage", Language.fromTag(course.language()).orElse(Language.DE));
        model.addAttribute("translated", Language.uiLanguages().stream()
                .filter(l -> course.texts().containsKey(l.tag())).toList());
        model.addAttribute("toCallOff", courses.sessionsToCallOff(course));
    }

    private Set<Long> labIds(Authentication who, Locale locale) {
        return courses.manageableLabs(who, Language.forLocale(locale)).stream().map(LabView::id).collect(Collectors.toSet());
    }
}
