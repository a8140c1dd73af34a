package eu.impactlab.equipment;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
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
 * The mails a pass holder gets about a machine reservation, in the language they reserved in, through the outbox in
 * the same transaction as the reservation; only when the pass has an e-mail address.
 */
@Component
class ReservationMails {

    private final MailOutbox outbox;
    private final CalendarInvitations calendars;
    private final MessageSource messages;
    private final ImpactLabProperties properties;
    private final LabService labs;
    private final String organizer;

    ReservationMails(MailOutbox outbox, CalendarInvitations calendars, MessageSource messages, ImpactLabProperties properties,
            LabService labs, @Value("${impactlab.mail.from:Digital Impact Labs <noreply@impactlab.invalid>}") String from) {
        this.outbox = outbox;
        this.calendars = calendars;
        this.messages = messages;
        this.properties = properties;
        this.labs = labs;
        this.organizer = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from.strip();
    }

    void reserved(Reservation r, String email, String token) {
        if (email == null) {
            return;
        }
        Locale locale = locale(r);
        String manage = properties.baseUrlWithoutSlash() + "/reservations/" + token;
        LabView lab = lab(r, locale);
        String text = messages.getMessage("equipment.mail.reserved.body", new Object[] {r.machineName(), when(r, locale),
                lab.name() + ", " + lab.address(), manage}, locale);
        outbox.enqueue(new OutgoingMail(email, messages.getMessage("equipment.mail.reserved.subject",
                new Object[] {r.machineName(), day(r, locale)}, locale), text,
                calendars.requestAttachment(invitation(r, lab, locale, manage, email, 0))));
    }

    void cancelled(Reservation r, String email) {
        if (email == null) {
            return;
        }
        Locale locale = locale(r);
        LabView lab = lab(r, locale);
        String text = messages.getMessage("equipment.mail.cancelled.body", new Object[] {r.machineName(), when(r, locale)}, locale);
        outbox.enqueue(new OutgoingMail(email, messages.getMessage("equipment.mail.cancelled.subject",
                new Object[] {r.machineName(), day(r, locale)}, locale), text,
                calendars.cancelAttachment(invitation(r, lab, locale, null, email, 0))));
    }

    /** The "add to calendar" file behind the reservation page's button. */
    byte[] calendarFile(Reservation r, String manageUrl) {
        Locale locale = locale(r);
        return calendars.publish(invitation(r, lab(r, locale), locale, manageUrl, null, 0));
    }

    private Invitation invitation(Reservation r, LabView lab, Locale locale, String manage, String attendee, int sequence) {
        return new Invitation("machine-reservation-" + r.id() + "@impactlab", sequence, r.start(), r.end(),
                messages.getMessage("equipment.mail.calendar.summary", new Object[] {r.machineName(), lab.name()}, locale),
                messages.getMessage(r.machineType().messageKey(), null, locale), lab.address(), manage, organizer, attendee);
    }

    private LabView lab(Reservation r, Locale locale) {
        return labs.labs(Language.forLocale(locale)).stream().filter(l -> l.id() == r.labId()).findFirst().orElseThrow();
    }

    private static Locale locale(Reservation r) {
        return Language.fromTag(r.uiLanguage()).orElse(Language.DE).locale();
    }

    private String day(Reservation r, Locale locale) {
        return DateTimeFormatter.ofPattern(messages.getMessage("format.date.long", null, locale), Language.formatLocale(locale)).format(r.start());
    }

    private String when(Reservation r, Locale locale) {
        return day(r, locale) + ", " + messages.getMessage("format.time.range", new Object[] {
                DateTimeFormatter.ofPattern("HH:mm").format(r.start()), DateTimeFormatter.ofPattern("HH:mm").format(r.end())}, locale);
    }
}
