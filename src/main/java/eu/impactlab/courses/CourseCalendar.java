package eu.impactlab.courses;

import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.notifications.Invitation;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.ImpactLabProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Courses as iCalendar: one event per session, with a UID that stays the same for the life of the session, so a
 * calendar that imported or subscribed to it updates the event instead of adding a second one.
 */
@Component
class CourseCalendar {

    static final String FILE_NAME = "kurs.ics";

    private final CalendarInvitations calendars;
    private final MessageSource messages;
    private final ImpactLabProperties properties;
    private final String organizer;

    CourseCalendar(CalendarInvitations calendars, MessageSource messages, ImpactLabProperties properties,
            @Value("${impactlab.mail.from:Digital Impact Labs <noreply@impactlab.invalid>}") String from) {
        this.calendars = calendars;
        this.messages = messages;
        this.properties = properties;
        this.organizer = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from.strip();
    }

    static String uid(long courseId, long sessionId) {
        return "course-" + courseId + "-session-" + sessionId + "@impactlab";
    }

    /** The sessions of one course for a participant, as a download; with the video link when they hold a seat. */
    byte[] participantFile(CourseView course, Locale locale, boolean withMeetingLink) {
        return calendars.publishAll(null, invitations(course, locale, withMeetingLink, properties.publicAddress()));
    }

    /** A mail leaves without a request, so its calendar links to the configured base URL. */
    OutgoingMail.Attachment attachment(CourseView course, Locale locale) {
        return new OutgoingMail.Attachment(FILE_NAME, CalendarInvitations.CONTENT_TYPE + "; method=PUBLISH",
                calendars.publishAll(null, invitations(course, locale, true, properties.baseUrlWithoutSlash())));
    }

    /**
     * A course that was called off: one METHOD:CANCEL file per session (iTIP wants one event per message), with the
     * session's UID, so each calendar removes the events it took from earlier mails or downloads.
     */
    List<OutgoingMail.Attachment> cancellations(CourseView course, Locale locale, String attendeeEmail) {
        List<OutgoingMail.Attachment> files = new ArrayList<>();
        int number = 1;
        for (Invitation session : invitations(course, locale, false, properties.baseUrlWithoutSlash())) {
            Invitation toCancel = new Invitation(session.uid(), session.sequence(), session.start(), session.end(),
                    session.summary(), session.description(), session.location(), session.url(), session.organizerEmail(),
                    attendeeEmail);
            files.add(new OutgoingMail.Attachment("kurs-abgesagt-" + number++ + ".ics",
                    CalendarInvitations.CONTENT_TYPE + "; method=CANCEL", calendars.cancel(toCancel)));
        }
        return files;
    }

    /**
     * One session that was called off while the course goes on: a METHOD:CANCEL file with the session's UID, so
     * calendars remove that one event and keep the others.
     */
    OutgoingMail.Attachment sessionCancellation(CourseView course, CourseView.Session session, Locale locale,
            String attendeeEmail) {
        Invitation toCancel = new Invitation(uid(course.id(), session.id()), 0, session.start(), session.end(),
                course.title().value(), null, course.online() ? msg("courses.place.online", locale) : where(course),
                properties.baseUrlWithoutSlash() + "/courses/" + course.id(), organizer, attendeeEmail);
        return new OutgoingMail.Attachment("kurstermin-abgesagt.ics", CalendarInvitations.CONTENT_TYPE + "; method=CANCEL",
                calendars.cancel(toCancel));
    }

    /** A feed to subscribe to: every session of the given courses, without any link meant for participants only. */
    byte[] feed(String name, List<CourseView> courses, Locale locale) {
        String base = properties.publicAddress();
        List<Invitation> events = new ArrayList<>();
        courses.forEach(course -> events.addAll(invitations(course, locale, false, base)));
        return calendars.publishAll(name, events);
    }

    private List<Invitation> invitations(CourseView course, Locale locale, boolean withMeetingLink, String base) {
        String page = base + "/courses/" + course.id();
        StringBuilder description = new StringBuilder();
        if (course.summary().present()) {
            description.append(course.summary().value()).append("\n\n");
        }
        if (withMeetingLink && course.online()) {
            description.append(msg("courses.online.link", locale)).append(": ").append(course.onlineUrl()).append("\n");
        }
        description.append(page);
        String location = course.online() ? msg("courses.place.online", locale) : where(course);
        List<Invitation> events = new ArrayList<>();
        for (CourseView.Session session : course.sessions()) {
            String summary = course.sessions().size() > 1
                    ? messages.getMessage("courses.calendar.part", new Object[] {course.title().value(), session.number(),
                            course.sessions().size()}, locale)
                    : course.title().value();
            events.add(new Invitation(uid(course.id(), session.id()), 0, session.start(), session.end(), summary,
                    description.toString(), location, page, organizer, null));
        }
        return events;
    }

    static String where(CourseView course) {
        String room = course.room().present() ? ", " + course.room().value() : "";
        return course.lab().name() + room + ", " + course.lab().address();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
