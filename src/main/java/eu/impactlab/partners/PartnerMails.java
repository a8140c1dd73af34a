package eu.impactlab.partners;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.accounts.Role;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.notifications.Invitation;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.ImpactLabProperties;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails about partner requests: to the partner in the language they were invited in, to the lab's coordinators in
 * German. They go through the outbox in the same transaction as the change they report; a calendar file comes with
 * an agreed date, and its cancellation with a date given up.
 */
@Component
class PartnerMails {

    private final MailOutbox outbox;
    private final CalendarInvitations calendars;
    private final MessageSource messages;
    private final ImpactLabProperties properties;
    private final AccountService accounts;
    private final LabService labs;
    private final PartnerStore store;
    private final RequestViews views;
    private final String organizer;

    PartnerMails(MailOutbox outbox, CalendarInvitations calendars, MessageSource messages, ImpactLabProperties properties,
            AccountService accounts, LabService labs, PartnerStore store, RequestViews views,
            @Value("${impactlab.mail.from:Digital Impact Labs <noreply@impactlab.invalid>}") String from) {
        this.outbox = outbox;
        this.calendars = calendars;
        this.messages = messages;
        this.properties = properties;
        this.accounts = accounts;
        this.labs = labs;
        this.store = store;
        this.views = views;
        this.organizer = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from.strip();
    }

    void invitation(String email, Language language, String organisation, String link) {
        if (email == null || email.isBlank()) {
            return;
        }
        Locale locale = language.locale();
        outbox.enqueue(new OutgoingMail(email, msg("partners.mail.invite.subject", locale, organisation),
                msg("partners.mail.invite.body", locale, organisation, link)));
    }

    /** To the person who asked, in their language: what happened, what comes next, and the link to the request. */
    void toPartner(PartnerStore.Row row, String eventKey) {
        partnerAddress(row).ifPresent(to -> {
            Locale locale = to.language().locale();
            outbox.enqueue(new OutgoingMail(to.email(), msg("partners.mail.partner.subject", locale, row.topic()),
                    body(row, eventKey, locale)));
        });
    }

    void scheduled(RequestView request) {
        PartnerStore.Row row = store.byId(request.id()).orElseThrow();
        partnerAddress(row).ifPresent(to -> {
            Locale locale = to.language().locale();
            outbox.enqueue(new OutgoingMail(to.email(), msg("partners.mail.partner.subject", locale, row.topic()),
                    body(row, "partners.mail.partner.scheduled", locale),
                    calendars.requestAttachment(invitation(request, to.language(), to.email()))));
        });
    }

    /** When an agreed date is given up: the partner's calendar removes it. */
    void cancelCalendar(PartnerStore.Row row) {
        if (row.scheduledStart() == null) {
            return;
        }
        RequestView request = viewOf(row);
        partnerAddress(row).ifPresent(to -> outbox.enqueue(new OutgoingMail(to.email(),
                msg("partners.mail.partner.subject", to.language().locale(), row.topic()),
                body(row, "partners.mail.partner.dateGivenUp", to.language().locale()),
                calendars.cancelAttachment(invitation(request, to.language(), to.email())))));
    }

    byte[] calendarDownload(RequestView request, Language language) {
        return calendars.publish(invitation(request, language, null));
    }

    /** To the lab's coordinators, in German (the staff pages are German first). */
    void toCoordinators(long labId, String eventKey, long requestId, String topic) {
        Locale locale = Language.DE.locale();
        String link = properties.baseUrlWithoutSlash() + "/admin/partners/requests/" + requestId;
        for (AccountView coordinator : accounts.staffOf(labId)) {
            if (coordinator.role() == Role.COORDINATOR && coordinator.email() != null) {
                outbox.enqueue(new OutgoingMail(coordinator.email(), msg("partners.mail.staff.subject", locale, topic),
                        msg("partners.mail.staff.body", locale, msg(eventKey, locale), topic, link)));
            }
        }
    }

    /** To the lab's coordinators about a directory entry (waiting for review, reported), in German. */
    void directoryToCoordinators(long labId, String eventKey, String organisation) {
        Locale locale = Language.DE.locale();
        String link = properties.baseUrlWithoutSlash() + "/admin/partners/directory";
        for (AccountView coordinator : accounts.staffOf(labId)) {
            if (coordinator.role() == Role.COORDINATOR && coordinator.email() != null) {
                outbox.enqueue(new OutgoingMail(coordinator.email(), msg("partners.mail.staff.directorySubject", locale, organisation),
                        msg("partners.mail.staff.directoryBody", locale, msg(eventKey, locale), organisation, link)));
            }
        }
    }

    /** To every partner of an organisation, each in the language they were invited in, with the link to their entry. */
    void toOrganisation(long organisationId, String eventKey) {
        String link = properties.baseUrlWithoutSlash() + "/partner/directory";
        for (PartnerStore.Member member : store.membersOf(organisationId)) {
            accounts.byId(member.accountId()).filter(a -> a.email() != null && a.enabled()).ifPresent(a -> {
                Locale locale = Language.fromTag(member.language()).orElse(Language.DE).locale();
                outbox.enqueue(new OutgoingMail(a.email(), msg("partners.mail.directory.subject", locale),
                        msg("partners.mail.directory.body", locale, msg(eventKey, locale), link)));
            });
        }
    }

    record Address(String email, Language language) {
    }

    /** The person who asked, if they left an address; their language is the one they were invited in. */
    private Optional<Address> partnerAddress(PartnerStore.Row row) {
        return accounts.byId(row.createdBy()).filter(a -> a.email() != null && a.enabled()).map(a -> new Address(a.email(),
                store.member(a.id()).flatMap(m -> Language.fromTag(m.language())).orElse(Language.DE)));
    }

    private String body(PartnerStore.Row row, String eventKey, Locale locale) {
        RequestView request = viewOf(row);
        String next = request.nextStepKey() == null ? "" : msg(request.nextStepKey(), locale, date(request.nextStepDate(), locale));
        String link = properties.baseUrlWithoutSlash() + "/partner/requests/" + row.id();
        return msg("partners.mail.partner.body", locale, msg(eventKey, locale), msg(request.partnerStateKey(), locale), next, link);
    }

    private RequestView viewOf(PartnerStore.Row row) {
        // The row as it is now, after the change this mail reports.
        PartnerStore.Row current = store.byId(row.id()).orElse(row);
        return views.of(List.of(current)).get(0);
    }

    private Invitation invitation(RequestView request, Language language, String attendee) {
        Locale locale = language.locale();
        Optional<LabView> lab = labs.labs(language).stream().filter(l -> l.id() == request.labId()).findFirst();
        String where = switch (request.place()) {
            case "LAB" -> lab.map(l -> l.name() + ", " + l.address()).orElse("");
            default -> msg("partners.place." + request.place(), locale);
        };
        return new Invitation("partner-request-" + request.id() + "@impactlab", request.calendarSequence(),
                request.scheduledStart(), request.scheduledEnd(),
                msg("partners.calendar.summary", locale, request.topic()), description(request, locale), where,
                properties.baseUrlWithoutSlash() + "/partner/requests/" + request.id(), organizer, attendee);
    }

    /** A device loan's calendar entry is the pick-up; it says by when the devices come back. */
    private String description(RequestView request, Locale locale) {
        return request.deviceLoan() && request.loanUntil() != null
                ? request.organisationName() + " – " + msg("partners.calendar.loanReturn", locale, date(request.loanUntil(), locale))
                : request.organisationName();
    }

    private String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern(messages.getMessage("format.date.long", null, locale), Language.formatLocale(locale)).format(date);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
