package eu.impactlab.consultations;

import eu.impactlab.labs.Language;
import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.notifications.Invitation;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.ImpactLabProperties;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails a citizen gets about an appointment, in the language they booked in: the confirmation with the calendar
 * invitation, the cancellation with the calendar's cancel, and the reminder the day before. They go through the
 * outbox in the same transaction as the change they report.
 */
@Component
class AppointmentMails {

    private final MailOutbox outbox;
    private final CalendarInvitations calendars;
    private final MessageSource messages;
    private final ImpactLabProperties properties;
    private final String organizer;

    AppointmentMails(MailOutbox outbox, CalendarInvitations calendars, MessageSource messages,
            ImpactLabProperties properties, @Value("${impactlab.mail.from:Digital Impact Labs <noreply@impactlab.invalid>}") String from) {
        this.outbox = outbox;
        this.calendars = calendars;
        this.messages = messages;
        this.properties = properties;
        this.organizer = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from.strip();
    }

    void booked(long id, AppointmentView a, String email, String token) {
        if (email == null) {
            return;
        }
        Locale locale = locale(a);
        String manage = manageUrl(token);
        String text = text("mail.booked.body", locale, greeting(a, locale), a.code(), when(a, locale), where(a, locale),
                a.topicTitle(), msg(a.mode().messageKey(), locale), video(a, locale), manage);
        outbox.enqueue(new OutgoingMail(email, text("mail.booked.subject", locale, a.labName(), day(a, locale)), text,
                calendars.requestAttachment(invitation(id, 0, a, locale, manage, email))));
    }

    /** {@code sequence} is the one last sent; the calendar's cancel counts one further by itself. */
    void cancelled(long id, int sequence, AppointmentView a, String email) {
        if (email == null) {
            return;
        }
        Locale locale = locale(a);
        String text = text("mail.cancelled.body", locale, greeting(a, locale), a.code(), when(a, locale), where(a, locale));
        outbox.enqueue(new OutgoingMail(email, text("mail.cancelled.subject", locale, a.labName(), day(a, locale)), text,
                calendars.cancelAttachment(invitation(id, sequence, a, locale, null, email))));
    }

    /** A moved appointment: the same calendar event (same UID) with a higher sequence, so calendars update it. */
    void moved(long id, int sequence, AppointmentView a, String email, String token) {
        if (email == null) {
            return;
        }
        Locale locale = locale(a);
        String manage = manageUrl(token);
        String text = text("mail.moved.body", locale, greeting(a, locale), a.code(), when(a, locale), where(a, locale), manage);
        outbox.enqueue(new OutgoingMail(email, text("mail.moved.subject", locale, a.labName(), day(a, locale)), text,
                calendars.requestAttachment(invitation(id, sequence, a, locale, manage, email))));
    }

    void reminder(AppointmentView a, String email) {
        Locale locale = locale(a);
        String text = text("mail.reminder.body", locale, greeting(a, locale), a.code(), when(a, locale), where(a, locale),
                a.topicTitle(), msg(a.mode().messageKey(), locale), video(a, locale), msg("manage.bring." + a.mode(), locale));
        outbox.enqueue(new OutgoingMail(email, text("mail.reminder.subject", locale, a.labName(), day(a, locale)), text));
    }

    /** The "add to calendar" file behind the manage page's button. */
    byte[] calendarFile(long id, AppointmentView a, String token) {
        Locale locale = locale(a);
        // Answers a request (the download), so it links to the address that request came in on.
        return calendars.publish(invitation(id, 0, a, locale, properties.publicAddress() + "/appointments/" + token, null));
    }

    private Invitation invitation(long id, int sequence, AppointmentView a, Locale locale, String manage, String attendee) {
        String description = msg("book.summary.topic", locale) + ": " + a.topicTitle() + "\n"
                + msg("book.summary.mode", locale) + ": " + msg(a.mode().messageKey(), locale) + "\n"
                + "Code: " + a.code() + (a.meetingUrl() == null ? "" : "\n" + a.meetingUrl());
        return new Invitation("appointment-" + id + "@impactlab", sequence, a.start(), a.end(),
                text("mail.calendar.summary", locale, a.labName()), description, a.labAddress(), manage, organizer, attendee);
    }

    private String manageUrl(String token) {
        return properties.baseUrlWithoutSlash() + "/appointments/" + token;
    }

    private static Locale locale(AppointmentView a) {
        return Language.fromTag(a.uiLanguage()).orElse(Language.DE).locale();
    }

    private String greeting(AppointmentView a, Locale locale) {
        return a.name() == null ? "" : " " + a.name();
    }

    private String video(AppointmentView a, Locale locale) {
        return a.meetingUrl() == null ? "" : msg("manage.video", locale) + ": " + a.meetingUrl() + "\n";
    }

    private String day(AppointmentView a, Locale locale) {
        return DateTimeFormatter.ofPattern(msg("format.date.long", locale), Language.formatLocale(locale)).format(a.start());
    }

    private String when(AppointmentView a, Locale locale) {
        return day(a, locale) + ", " + text("format.time.range", locale,
                DateTimeFormatter.ofPattern("HH:mm").format(a.start()), DateTimeFormatter.ofPattern("HH:mm").format(a.end()));
    }

    private String where(AppointmentView a, Locale locale) {
        return a.labName() + ", " + a.labAddress();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
