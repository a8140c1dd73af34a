package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.HtmlToPdf;
import java.sql.Timestamp;
import java.text.Bidi;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Certificates of participation as PDF, for participants who completed a course: a Thymeleaf page rendered by
 * openhtmltopdf with the bundled DejaVu Sans (Latin, Cyrillic, Arabic, Hebrew), so it looks the same on any machine.
 * Right-to-left names are split, reordered and shaped by the ICU support, in any language of the page.
 */
@Component
class Certificates {

    static final String TEMPLATE = "courses/certificate";

    record Competence(String code, String title) {
    }

    private record Holder(long courseId, String name, String uiLanguage, LocalDate completedOn) {
    }

    private final JdbcClient jdbc;
    private final CourseAdmin courses;
    private final ITemplateEngine templates;
    private final MessageSource messages;

    Certificates(JdbcClient jdbc, CourseAdmin courses, ITemplateEngine templates, MessageSource messages) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.templates = templates;
        this.messages = messages;
    }

    /** The course a registration belongs to. */
    Optional<Long> courseOf(long registrationId) {
        return jdbc.sql("select course_id from course_registration where id = ?").param(registrationId)
                .query(Long.class).optional();
    }

    /** The language the participant used when registering, for their certificate. */
    Locale languageOf(long registrationId) {
        return jdbc.sql("select ui_language from course_registration where id = ?").param(registrationId)
                .query(String.class).optional().flatMap(Language::fromTag).filter(Language::ui)
                .orElse(Language.DE).locale();
    }

    /** Whether the participant completed the course and their name is still there. */
    boolean available(long registrationId) {
        return holder(registrationId).isPresent();
    }

    /**
     * The certificate as PDF in the given language; 404 unless the participant completed the course and their name
     * is still stored. For the participant's manage link (courses-public) and for staff.
     */
    byte[] certificate(long registrationId, Locale locale) {
        Holder holder = holder(registrationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no certificate for this registration"));
        CourseAdmin.Course course = courses.course(holder.courseId()).orElseThrow();
        Language language = Language.forLocale(locale);
        Locale target = language.locale();
        long minutes = course.sessions().stream().mapToLong(CourseAdmin.Session::minutes).sum();

        Map<String, Object> model = new HashMap<>();
        model.put("language", language);
        model.put("name", holder.name());
        model.put("nameDirection", direction(holder.name()));
        model.put("title", course.title(language));
        model.put("titleDirection", direction(course.title(language)));
        model.put("labName", courses.labName(course.labId(), language));
        // One line of dates, and the time once when every session has the same hours (the usual series).
        boolean sameHours = course.sessions().stream()
                .map(x -> x.start().toLocalTime() + "-" + x.end().toLocalTime()).distinct().count() == 1;
        model.put("sessionDates", course.sessions().stream().map(x -> sameHours ? date(x.start().toLocalDate(), target)
                : message("format.date.certificate.session", target, date(x.start().toLocalDate(), target),
                        x.start().toLocalTime().toString(), x.end().toLocalTime().toString())).toList());
        model.put("separator", language == Language.AR ? "\u060C " : ", ");
        model.put("sessionHours", sameHours && !course.sessions().isEmpty()
                ? message("courseStaff.certificate.eachTime", target, course.sessions().get(0).start().toLocalTime().toString(),
                        course.sessions().get(0).end().toLocalTime().toString())
                : null);
        model.put("hours", hours(minutes, target));
        model.put("competences", course.competences().stream()
                .map(code -> new Competence(code, messages.getMessage(CourseForm.competenceKey(code), null, code, target)))
                .toList());
        model.put("level", message("courses.level." + course.level(), target));
        model.put("completedOn", date(holder.completedOn(), target));
        String html = templates.process(TEMPLATE, new Context(target, model));
        return HtmlToPdf.render(html, language.rightToLeft(), language.rightToLeft());
    }

    private Optional<Holder> holder(long registrationId) {
        return jdbc.sql("""
                select course_id, name, ui_language, completed_at from course_registration
                where id = ? and completed_at is not null and name is not null and personal_data_deleted_at is null""")
                .param(registrationId)
                .query((rs, i) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3),
                        completedOn(rs.getTimestamp(4))))
                .optional();
    }

    private LocalDate completedOn(Timestamp at) {
        return at.toInstant().atZone(courses.zone()).toLocalDate();
    }

    /** "rtl" when the text starts right to left (an Arabic or Hebrew name), so it is laid out as such in any page. */
    static String direction(String text) {
        return text != null && !text.isEmpty() && !new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight()
                ? "rtl" : "ltr";
    }

    private String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern(message("format.date.certificate", locale), locale).format(date);
    }

    /** Whole hours as such, others with one decimal, always in Latin digits like every number on the site. */
    private String hours(long minutes, Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(new Locale.Builder().setLocale(locale)
                .setUnicodeLocaleKeyword("nu", "latn").build());
        number.setMaximumFractionDigits(1);
        return message("courseStaff.certificate.hours", locale, number.format(minutes / 60.0));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
