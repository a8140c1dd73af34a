package eu.impactlab.notifications;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * iCalendar files (RFC 5545) for appointments and course sessions: invitations and cancellations sent by mail
 * (iTIP, RFC 5546) and plain "add to my calendar" downloads. Times are written in Europe/Berlin with its VTIMEZONE,
 * so every calendar shows the lab's local time, also across the change to and from summer time.
 */
@Component
public class CalendarInvitations {

    /** For an HTTP download of {@link #publish}. */
    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";
    static final String PRODUCT_ID = "-//Impact Lab//Impact Lab//DE";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** ical4j's registry reads the zone definitions bundled in its jar; building it once saves the parsing. */
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final Clock clock;

    @Autowired
    CalendarInvitations(Clock clock) {
        this.clock = clock;
    }

    /** With the system clock, for callers outside Spring (e.g. tests). */
    public CalendarInvitations() {
        this(Clock.systemUTC());
    }

    /** METHOD:REQUEST: the invited person's calendar offers to add (or update) the event. Needs the attendee. */
    public byte[] request(Invitation invitation) {
        if (invitation.attendeeEmail() == null || invitation.attendeeEmail().isBlank()) {
            throw new IllegalArgumentException("an invitation by mail (METHOD:REQUEST) needs the attendee's e-mail "
                    + "(RFC 5546); use publish() for a download");
        }
        return write(ImmutableMethod.REQUEST, event(invitation, invitation.sequence(), false, true));
    }

    /**
     * METHOD:CANCEL: the calendar removes the event with this uid. Pass the invitation as it was last sent; the
     * cancellation gets the next sequence number, which calendars need to accept it as newer.
     */
    public byte[] cancel(Invitation invitation) {
        return write(ImmutableMethod.CANCEL, event(invitation, invitation.sequence() + 1, true, true));
    }

    /** METHOD:PUBLISH: a plain event to download and add to one's own calendar; it names no attendee. */
    public byte[] publish(Invitation invitation) {
        return write(ImmutableMethod.PUBLISH, event(invitation, invitation.sequence(), false, false));
    }

    /**
     * METHOD:PUBLISH with several events in one file, e.g. all sessions of a course or a feed of upcoming courses.
     *
     * @param name the calendar's name that subscribing calendars show (X-WR-CALNAME); null for none
     */
    public byte[] publishAll(String name, List<Invitation> invitations) {
        List<VEvent> events = invitations.stream().map(i -> event(i, i.sequence(), false, false)).toList();
        return write(ImmutableMethod.PUBLISH, name, events);
    }

    /** {@link #request} as a mail attachment with the content type mail programs look for. */
    public OutgoingMail.Attachment requestAttachment(Invitation invitation) {
        return new OutgoingMail.Attachment("invite.ics", CONTENT_TYPE + "; method=REQUEST", request(invitation));
    }

    /** {@link #cancel} as a mail attachment with the content type mail programs look for. */
    public OutgoingMail.Attachment cancelAttachment(Invitation invitation) {
        return new OutgoingMail.Attachment("cancel.ics", CONTENT_TYPE + "; method=CANCEL", cancel(invitation));
    }

    private VEvent event(Invitation invitation, int sequence, boolean cancelled, boolean withAttendee) {
        VEvent event = new VEvent(false);
        event.add(new Uid(invitation.uid()));
        event.add(new DtStamp(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(inBerlin(invitation.start())));
        event.add(new DtEnd<>(inBerlin(invitation.end())));
        event.add(new Sequence(sequence));
        event.add(new Summary(invitation.summary()));
        if (hasText(invitation.description())) {
            event.add(new Description(invitation.description()));
        }
        if (hasText(invitation.location())) {
            event.add(new Location(invitation.location()));
        }
        if (hasText(invitation.url())) {
            event.add(new Url(URI.create(invitation.url().strip())));
        }
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Organizer(mailto(invitation.organizerEmail())));
        // PUBLISH must not name attendees (RFC 5546 3.2.1): the file may be passed on to anyone.
        if (withAttendee && hasText(invitation.attendeeEmail())) {
            Attendee attendee = new Attendee(mailto(invitation.attendeeEmail()));
            attendee.add(Role.REQ_PARTICIPANT);
            if (!cancelled) {
                // The person booked it themselves: the event is already accepted and no reply is expected.
                attendee.add(PartStat.ACCEPTED);
            }
            attendee.add(Rsvp.FALSE);
            event.add(attendee);
        }
        return event;
    }

    private byte[] write(Method method, VEvent event) {
        return write(method, null, List.of(event));
    }

    private byte[] write(Method method, String name, List<VEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        if (hasText(name)) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        calendar.add(berlin());
        events.forEach(calendar::add);
        StringWriter text = new StringWriter();
        try {
            // Not validating here: tests check the output, and a warning in the log helps nobody at run time.
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The zone definition without TZURL, so no calendar is pointed at a third-party server to refresh it. */
    private static VTimeZone berlin() {
        VTimeZone zone = ZONES.getTimeZone(BERLIN.getId()).getVTimeZone().copy();
        zone.removeAll("TZURL");
        return zone;
    }

    private static ZonedDateTime inBerlin(ZonedDateTime time) {
        return time.withZoneSameInstant(BERLIN).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The multi-argument constructor quotes what a bare address may hold ("<", spaces), so no address can fail here. */
    private static URI mailto(String email) {
        try {
            return new URI("mailto", email.strip(), null);
        } catch (java.net.URISyntaxException e) {
            // Only reached for characters even quoting cannot carry; the message would quote the address, so it stays out.
            throw new IllegalArgumentException("an attendee or organizer address cannot stand in a mailto: link");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
