package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.ImpactLabProperties;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails a participant gets, in the language they registered in: the confirmation (or waitlist place) with their
 * private link, the news that a seat became free for them (with a fresh link), the cancellation of a course (with
 * a calendar cancel per session) or of one of its sessions. They go through the outbox in the same transaction as the change they report.
 */
@Component
class CourseMails {

    private final MailOutbox outbox;
    private final CourseViews views;
    private final CourseCalendar calendar;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    CourseMails(MailOutbox outbox, CourseViews views, CourseCalendar calendar, MessageSource messages,
            ImpactLabProperties properties) {
        this.outbox = outbox;
        this.views = views;
        this.calendar = calendar;
        this.messages = messages;
        this.properties = properties;
    }

    /** Registered: with a seat (and the sessions for the calendar) or with the place on the waitlist. */
    void registered(Registration r, String token) {
        if (r.email() == null) {
            return;
        }
        Locale locale = locale(r);
        CourseView course = course(r);
        String manage = manageUrl(token);
        if (r.status() == Registration.Status.CONFIRMED) {
            String text = text("courses.mail.confirmed.body", locale, r.name(), course.title().value(),
                    sessions(course, locale), where(course, locale, true), manage);
            outbox.enqueue(new OutgoingMail(r.email(), text("courses.mail.confirmed.subject", locale, course.title().value()),
                    text, calendar.attachment(course, locale)));
        } else {
            String text = text("courses.mail.waitlisted.body", locale, r.name(), course.title().value(),
                    sessions(course, locale), where(course, locale, false), manage, r.waitlistPosition());
            outbox.enqueue(new OutgoingMail(r.email(), text("courses.mail.waitlisted.subject", locale, course.title().value()),
                    text));
        }
    }

    /** A seat became free and is theirs now, with a fresh private link (the first one still works too). */
    void promoted(Registration r, String token) {
        if (r.email() == null) {
            return;
        }
        Locale locale = locale(r);
        CourseView course = course(r);
        String text = text("flows.courses.mail.promoted.body", locale, r.name(), course.title().value(),
                sessions(course, locale), where(course, locale, true), manageUrl(token));
        outbox.enqueue(new OutgoingMail(r.email(), text("courses.mail.promoted.subject", locale, course.title().value()),
                text, calendar.attachment(course, locale)));
    }

    void courseCancelled(Registration r) {
        if (r.email() == null) {
            return;
        }
        Locale locale = locale(r);
        CourseView course = course(r);
        String text = text("courses.mail.cancelled.body", locale, r.name(), course.title().value(),
                sessions(course, locale), course.lab().name(), reach(course),
                properties.baseUrlWithoutSlash() + "/courses");
        outbox.enqueue(OutgoingMail.withAttachments(r.email(),
                text("courses.mail.cancelled.subject", locale, course.title().value()), text,
                calendar.cancellations(course, locale, r.email())));
    }

    /**
     * One session was called off and the course goes on: the date that falls away, the dates that stay and, for
     * those with a seat, the calendar cancel for that session and the updated calendar file of the course.
     */
    void sessionCancelled(Registration r, CourseView.Session cancelled) {
        if (r.email() == null) {
            return;
        }
        Locale locale = locale(r);
        CourseView course = course(r);
        boolean seat = r.status() == Registration.Status.CONFIRMED;
        String text = text("flows.courses.mail.sessionCancelled.body", locale, r.name(), course.title().value(),
                sessionLine(cancelled, locale), sessions(course, locale), course.lab().name(), reach(course),
                seat ? text("flows.courses.mail.sessionCancelled.calendar", locale) : "");
        String subject = text("flows.courses.mail.sessionCancelled.subject", locale, course.title().value());
        outbox.enqueue(seat
                ? OutgoingMail.withAttachments(r.email(), subject, text, List.of(
                        calendar.sessionCancellation(course, cancelled, locale, r.email()), calendar.attachment(course, locale)))
                : new OutgoingMail(r.email(), subject, text));
    }

    /** Completed: the link to claim the course's Open Badge (it works through the private manage link). */
    void completed(Registration r, String token) {
        if (r.email() == null) {
            return;
        }
        Locale locale = locale(r);
        CourseView course = course(r);
        String text = text("skills.mail.claim.body", locale, r.name(), course.title().value(),
                properties.baseUrlWithoutSlash() + "/skills/badge/" + token, manageUrl(token));
        outbox.enqueue(new OutgoingMail(r.email(), text("skills.mail.claim.subject", locale, course.title().value()), text));
    }

    private static String reach(CourseView course) {
        if (course.lab().phone() != null) {
            return course.lab().phone();
        }
        return course.lab().email() != null ? course.lab().email() : course.lab().address();
    }

    String manageUrl(String token) {
        return properties.baseUrlWithoutSlash() + "/courses/registrations/" + token;
    }

    private CourseView course(Registration r) {
        return views.course(r.courseId(), Language.fromTag(r.uiLanguage()).orElse(Language.DE)).orElseThrow();
    }

    /** One line per session: "Dienstag, 3. März, 14:00 – 16:00 Uhr". */
    private String sessions(CourseView course, Locale locale) {
        StringBuilder lines = new StringBuilder();
        for (CourseView.Session s : course.sessions()) {
            lines.append("- ").append(sessionLine(s, locale)).append('\n');
        }
        return lines.toString();
    }

    private String sessionLine(CourseView.Session s, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern(messages.getMessage("format.date.long", null, locale), Language.formatLocale(locale));
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        String date = day.format(s.start());
        return date.substring(0, 1).toUpperCase(locale) + date.substring(1) + ", "
                + text("format.time.range", locale, time.format(s.start()), time.format(s.end()));
    }

    /** The video link only for those who hold a seat. */
    private String where(CourseView course, Locale locale, boolean seat) {
        if (!course.online()) {
            return CourseCalendar.where(course);
        }
        String online = messages.getMessage("courses.place.online", null, locale);
        return seat ? online + ": " + course.onlineUrl() : online;
    }

    private static Locale locale(Registration r) {
        return Language.fromTag(r.uiLanguage()).orElse(Language.DE).locale();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
