package eu.impactlab.skills;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.Language;
import eu.impactlab.privacy.PrivacyService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator of the course's lab (or an admin) defines the achievement its new badges certify: name, description and
 * criteria per language (German required, the others fall back to it), competences from the course's, level, image.
 */
@Controller
class AchievementController {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2000;

    /** The form's texts of one language, as typed. */
    record LanguageTexts(String tag, String languageName, String dir, String name, String description, String criteria) {
    }

    private final Achievements achievements;
    private final CourseService courses;
    private final PrivacyService privacy;

    AchievementController(Achievements achievements, CourseService courses, PrivacyService privacy) {
        this.achievements = achievements;
        this.courses = courses;
        this.privacy = privacy;
    }

    @GetMapping("/admin/courses/{id}/badge")
    String form(@PathVariable long id, Authentication who, Locale locale, Model model) {
        CourseService.BadgeCourse course = own(id, who, locale);
        Optional<Achievements.Definition> defined = achievements.of(id);
        List<LanguageTexts> texts = new ArrayList<>();
        for (Language language : Achievements.LANGUAGES) {
            Achievements.Text text = defined.map(d -> d.texts().get(language.tag())).orElse(null);
            texts.add(new LanguageTexts(language.tag(), language.nativeName(), language.rightToLeft() ? "rtl" : "ltr",
                    text == null ? (language == Language.DE ? course.title() : "") : text.name(),
                    text == null ? "" : text.description(), text == null ? "" : text.criteria()));
        }
        fill(model, course, texts, defined.map(Achievements.Definition::level).orElse(course.level()),
                defined.map(Achievements.Definition::competences).orElse(course.competences()),
                defined.map(d -> d.imageType() != null).orElse(false), defined.isPresent());
        return "skills/admin-achievement";
    }

    @PostMapping("/admin/courses/{id}/badge")
    String save(@PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<String> competences, @RequestParam(required = false) MultipartFile image,
            Authentication who, Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        CourseService.BadgeCourse course = own(id, who, locale);
        List<String> errors = new ArrayList<>();
        List<LanguageTexts> typed = new ArrayList<>();
        Map<String, Achievements.Text> texts = new LinkedHashMap<>();
        for (Language language : Achievements.LANGUAGES) {
            String tag = language.tag();
            String name = value(form, "name_" + tag);
            String description = value(form, "description_" + tag);
            String criteria = value(form, "criteria_" + tag);
            typed.add(new LanguageTexts(tag, language.nativeName(), language.rightToLeft() ? "rtl" : "ltr", name, description, criteria));
            boolean any = !name.isEmpty() || !description.isEmpty() || !criteria.isEmpty();
            if (language == Language.DE || any) {
                if (name.isEmpty() || description.isEmpty() || criteria.isEmpty()) {
                    errors.add(language == Language.DE ? "skills.achievement.error.german" : "skills.achievement.error.incomplete");
                } else if (name.length() > MAX_NAME || description.length() > MAX_TEXT || criteria.length() > MAX_TEXT) {
                    errors.add("skills.achievement.error.tooLong");
                } else {
                    texts.put(tag, new Achievements.Text(name, description, criteria));
                }
            }
        }
        String level = value(form, "level");
        if (!Achievements.LEVELS.contains(level)) {
            errors.add("skills.achievement.error.level");
        }
        List<String> chosen = competences == null ? List.of()
                : course.competences().stream().filter(competences::contains).toList();
        if (competences != null && chosen.size() != competences.size()) {
            errors.add("skills.achievement.error.competences");
        }
        Achievements.Image upload = null;
        if (image != null && !image.isEmpty()) {
            byte[] data = image.getBytes();
            Optional<Achievements.ImageProblem> problem = Achievements.problem(data, image.getOriginalFilename());
            if (problem.isPresent()) {
                errors.add("skills.achievement.error.image." + problem.get());
            } else {
                upload = new Achievements.Image(data, Achievements.type(data, image.getOriginalFilename()));
            }
        }
        Optional<Achievements.Definition> defined = achievements.of(id);
        boolean hasImage = defined.map(d -> d.imageType() != null).orElse(false);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors.stream().distinct().toList());
            fill(model, course, typed, level, chosen, hasImage, defined.isPresent());
            return "skills/admin-achievement";
        }
        achievements.save(id, level, chosen, texts, upload, "true".equals(form.get("removeImage")), who.getName());
        privacy.audit(who.getName(), "ACHIEVEMENT_SAVED", "course", Long.toString(id), course.labId(), null);
        redirect.addFlashAttribute("message", "skills.achievement.saved");
        return "redirect:/admin/courses/" + id + "/badge";
    }

    private void fill(Model model, CourseService.BadgeCourse course, List<LanguageTexts> texts, String level,
            List<String> competences, boolean hasImage, boolean defined) {
        model.addAttribute("course", course);
        model.addAttribute("texts", texts);
        model.addAttribute("levels", Achievements.LEVELS);
        model.addAttribute("level", level);
        model.addAttribute("chosen", competences);
        model.addAttribute("hasImage", hasImage);
        model.addAttribute("defined", defined);
        model.addAttribute("maxImageKb", Achievements.MAX_IMAGE_BYTES / 1024);
    }

    private static String value(Map<String, String> form, String key) {
        String value = form.get(key);
        return value == null ? "" : value.strip();
    }

    private CourseService.BadgeCourse own(long id, Authentication who, Locale locale) {
        CourseService.BadgeCourse course = courses.badgeCourse(id, Language.forLocale(locale))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!LabAccess.canManage(who, course.labId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return course;
    }
}
