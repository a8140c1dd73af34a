package eu.impactlab.partners;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.accounts.Role;
import eu.impactlab.courses.CourseService;
import eu.impactlab.equipment.GroupLoans;
import eu.impactlab.labs.DaySchedule;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The partners module's one service: partner organisations and their requests, from intake to a delivered, reported
 * workshop. A partner acts only for their own organisation; coordinators act for the requests of their labs. Every
 * change of state is logged with who and when, marked as visible to the partner or internal.
 */
@Service
public class PartnerService {

    static final int MAX_MESSAGE = 2000;
    static final Duration LONGEST_MEETING = Duration.ofHours(10);

    /** Who a partner is: their account and the one organisation they act for. */
    record Membership(long accountId, String username, long organisationId, String organisationName, long labId,
            Language language) {
    }

    enum QueueFilter { ALL, FIRST_REPLY_OVERDUE, WAITING_FOR_PARTNER, REPORT_MISSING }

    private final PartnerStore store;
    private final AccountService accounts;
    private final LabService labs;
    private final PartnerMails mails;
    private final PartnersProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RequestViews views;
    private final CourseService courses;
    private final ApplicationEventPublisher events;
    private final GroupLoans groupLoans;

    PartnerService(PartnerStore store, AccountService accounts, LabService labs, PartnerMails mails,
            PartnersProperties properties, JdbcClient jdbc, Clock clock, RequestViews views, CourseService courses,
            ApplicationEventPublisher events, GroupLoans groupLoans) {
        this.groupLoans = groupLoans;
        this.events = events;
        this.views = views;
        this.courses = courses;
        this.store = store;
        this.accounts = accounts;
        this.labs = labs;
        this.mails = mails;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- who is who ---

    /** The partner's organisation; 403 for an account that is not bound to one. */
    @Transactional(readOnly = true)
    Membership membership(String username) {
        AccountView account = accounts.byUsername(username).filter(a -> a.role() == Role.PARTNER)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        PartnerStore.Member member = store.member(account.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        PartnerStore.Organisation org = store.organisation(member.organisationId()).orElseThrow();
        return new Membership(account.id(), account.username(), org.id(), org.name(), org.labId(),
                Language.fromTag(member.language()).orElse(Language.DE));
    }

    // --- the partner's side ---

    @Transactional(readOnly = true)
    List<RequestView> requestsOf(Membership me) {
        return views(store.ofOrganisation(me.organisationId()));
    }

    /** One request of the partner's own organisation; another organisation's request is forbidden (403). */
    @Transactional(readOnly = true)
    RequestView requestForPartner(Membership me, long id) {
        PartnerStore.Row row = store.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (row.organisationId() != me.organisationId()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return views(List.of(row)).get(0);
    }

    @Transactional(readOnly = true)
    List<PartnerStore.Message> messagesForPartner(Membership me, long id) {
        requestForPartner(me, id);
        return store.messages(id, false);
    }

    @Transactional(readOnly = true)
    List<PartnerStore.LogEntry> logForPartner(Membership me, long id) {
        requestForPartner(me, id);
        return store.log(id, true);
    }

    /** A new request; the same form sent twice (the same key) gives the first request back instead of a second one. */
    @Transactional
    long submit(Membership me, RequestInput input) {
        if (input.key() != null) {
            Optional<Long> earlier = jdbc.sql("select id from partner_request where organisation_id = ? and request_key = ?")
                    .params(me.organisationId(), input.key()).query(Long.class).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        checkDates(me.labId(), input.preferredDates());
        if (input.deviceType() != null && devicesInLab(me, input.deviceType().name(), input.loanFrom(), input.loanUntil())
                .filter(a -> input.deviceCount() > a.inLab()).isPresent()) {
            throw new PartnerException("partners.error.deviceCountLab");
        }
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages,
                    accessibility, place, device_type, device_count, loan_from, loan_until, created_by, created_at, request_key)
                values (:org, :lab, :kind, :topic, :size, :ages, :languages, :access, :place, :deviceType, :deviceCount,
                    :loanFrom, :loanUntil, :by, :at, :key) returning id""")
                .param("org", me.organisationId()).param("lab", me.labId()).param("kind", input.kind().name())
                .param("topic", input.topic()).param("size", input.groupSize())
                .param("ages", join(input.ageBands())).param("languages", String.join(",", input.languages()))
                .param("access", join(input.accessibility())).param("place", input.place().name())
                .param("deviceType", input.deviceType() == null ? null : input.deviceType().name())
                .param("deviceCount", input.deviceCount()).param("loanFrom", input.loanFrom())
                .param("loanUntil", input.loanUntil()).param("by", me.accountId()).param("at", Timestamp.from(now))
                .param("key", input.key())
                .query(Long.class).single();
        int position = 1;
        for (RequestView.DateRange date : input.preferredDates()) {
            jdbc.sql("insert into partner_request_date (request_id, position, starts_at, ends_at) values (?, ?, ?, ?)")
                    .params(id, position++, Timestamp.from(date.start().toInstant()), Timestamp.from(date.end().toInstant()))
                    .update();
        }
        store.log(id, "REQUESTED", null, RequestState.REQUESTED, me.username(), true, now);
        mails.toCoordinators(me.labId(), "partners.mail.staff.new", id, input.topic());
        return id;
    }

    /**
     * For a loan of a type the lab's pools lend: how many the lab has and how many are free for the period; empty for
     * other types (the lab checks those by hand) or without a valid period.
     */
    @Transactional(readOnly = true)
    Optional<GroupLoans.Availability> devicesInLab(Membership me, String deviceType, LocalDate from, LocalDate until) {
        if (!GroupLoans.lends(deviceType) || from == null || until == null || until.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(groupLoans.availability(me.labId(), deviceType, from, until));
    }

    /** The devices reserved for a device-loan request, for its partner or its coordinators (checked by the caller). */
    Optional<GroupLoans.Reserved> reservedDevices(RequestView request) {
        return request.deviceLoan() ? groupLoans.forRequest(request.id()) : Optional.empty();
    }

    /** The devices a coordinator may reserve for a device-loan request: free in the lab's pools for its period. */
    @Transactional(readOnly = true)
    List<GroupLoans.Candidate> deviceCandidates(Authentication who, long id) {
        RequestView request = requestForStaff(who, id);
        if (!request.deviceLoan() || request.deviceType() == null || !GroupLoans.lends(request.deviceType())
                || request.loanFrom() == null) {
            return List.of();
        }
        return groupLoans.candidates(request.labId(), request.deviceType(), request.loanFrom(), request.loanUntil());
    }

    /**
     * The coordinator reserves devices for a device-loan request (the chosen ones, or any {@code anyCount}); an open
     * request is then scheduled for the pick-up on the first day. Nothing is saved when a device is taken meanwhile.
     */
    @Transactional
    void reserveDevices(Authentication who, long id, List<Long> deviceIds, int anyCount) {
        PartnerStore.Row row = lockedForStaff(who, id);
        RequestView request = views(List.of(row)).get(0);
        if (!request.deviceLoan() || !(row.state().open() || row.state() == RequestState.SCHEDULED)) {
            throw new PartnerException("partners.error.notAllowed");
        }
        try {
            groupLoans.reserve(row.labId(), id, row.organisationName(), request.deviceType(), request.loanFrom(),
                    request.loanUntil(), deviceIds, anyCount);
        } catch (GroupLoans.Refused e) {
            throw new PartnerException(e.messageKey());
        }
        Instant now = Instant.now(clock);
        store.log(id, "DEVICES_RESERVED", null, null, who.getName(), true, now);
        if (row.state().open()) {
            firstReply(row, now);
            RequestView.DateRange pickUp = request.preferredDates().isEmpty()
                    ? new RequestView.DateRange(request.loanFrom().atTime(10, 0).atZone(PartnerStore.BREMEN),
                            request.loanFrom().atTime(11, 0).atZone(PartnerStore.BREMEN))
                    : request.preferredDates().get(0);
            schedule(row, pickUp.start().toInstant(), pickUp.end().toInstant(), who.getName());
        } else {
            mails.toPartner(row, "partners.mail.partner.devicesReserved");
        }
    }

    /** The request this form (its key) already made, e.g. when it was sent twice at the same moment. */
    @Transactional(readOnly = true)
    Optional<Long> requestWithKey(Membership me, String key) {
        return key == null ? Optional.empty()
                : jdbc.sql("select id from partner_request where organisation_id = ? and request_key = ?")
                        .params(me.organisationId(), key).query(Long.class).optional();
    }

    @Transactional
    void partnerMessage(Membership me, long id, String body) {
        PartnerStore.Row row = lockedForPartner(me, id);
        Instant now = Instant.now(clock);
        store.addMessage(id, me.accountId(), false, false, checkedText(body), now);
        stopWaiting(row, now);
        store.log(id, "PARTNER_MESSAGE", null, null, me.username(), true, now);
        mails.toCoordinators(row.labId(), "partners.mail.staff.message", id, row.topic());
    }

    @Transactional
    void withdraw(Membership me, long id) {
        PartnerStore.Row row = lockedForPartner(me, id);
        move(row, RequestState.WITHDRAWN, me.username(), true, "WITHDRAWN");
        groupLoans.release(id);
        stopWaiting(row, Instant.now(clock));
        mails.toCoordinators(row.labId(), "partners.mail.staff.withdrawn", id, row.topic());
    }

    /** The partner agrees to the date the lab proposed: the date is agreed. */
    @Transactional
    void acceptProposal(Membership me, long id) {
        PartnerStore.Row row = lockedForPartner(me, id);
        if (row.proposedStart() == null || row.state() != RequestState.CLARIFYING) {
            throw new PartnerException("partners.error.noProposal");
        }
        schedule(row, row.proposedStart(), row.proposedEnd(), me.username());
    }

    /** The partner asks for another date: a proposal is set aside, an agreed date is given up and talked over again. */
    @Transactional
    void askAnotherDate(Membership me, long id, String body) {
        PartnerStore.Row row = lockedForPartner(me, id);
        Instant now = Instant.now(clock);
        if (row.state() == RequestState.SCHEDULED) {
            move(row, RequestState.CLARIFYING, me.username(), true, "ANOTHER_DATE");
            groupLoans.release(id);
            mails.cancelCalendar(row);
            store.update(id, "scheduled_start = null, scheduled_end = null, calendar_sequence = calendar_sequence + 1", Map.of());
        } else if (row.state() == RequestState.CLARIFYING && row.proposedStart() != null) {
            store.log(id, "ANOTHER_DATE", null, null, me.username(), true, now);
        } else {
            throw new PartnerException("partners.error.notAllowed");
        }
        store.update(id, "proposed_start = null, proposed_end = null", Map.of());
        if (body != null && !body.isBlank()) {
            store.addMessage(id, me.accountId(), false, false, checkedText(body), now);
        }
        stopWaiting(row, now);
        mails.toCoordinators(row.labId(), "partners.mail.staff.anotherDate", id, row.topic());
    }

    @Transactional
    void feedback(Membership me, long id, int score) {
        PartnerStore.Row row = lockedForPartner(me, id);
        if (score < 1 || score > 5 || (row.state() != RequestState.DELIVERED && row.state() != RequestState.REPORTED)) {
            throw new PartnerException("partners.error.notAllowed");
        }
        store.update(id, "feedback_score = :score", Map.of("score", score));
        store.log(id, "FEEDBACK", null, null, me.username(), true, Instant.now(clock));
    }

    @Transactional(readOnly = true)
    byte[] calendarFile(Membership me, long id) {
        RequestView request = requestForPartner(me, id);
        if (!request.hasCalendar()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return mails.calendarDownload(request, me.language());
    }

    // --- the coordinators' side ---

    /** The labs this person coordinates (all for admins). */
    @Transactional(readOnly = true)
    List<LabView> labsOf(Authentication who) {
        return labs.labs(Language.DE).stream().filter(l -> LabAccess.canManage(who, l.id())).toList();
    }

    /** The open requests of a lab, sorted by the next deadline, optionally filtered. */
    @Transactional(readOnly = true)
    List<RequestView> queue(Authentication who, long labId, QueueFilter filter) {
        requireLab(who, labId);
        LocalDate today = today();
        return views(store.ofLab(labId)).stream()
                .filter(r -> switch (filter) {
                    case ALL -> true;
                    case FIRST_REPLY_OVERDUE -> r.firstReplyOverdue(today);
                    case WAITING_FOR_PARTNER -> r.state().open() && r.waitingForPartner();
                    case REPORT_MISSING -> r.state() == RequestState.DELIVERED;
                })
                .sorted(Comparator.comparing(RequestView::deadline).thenComparing(RequestView::id))
                .toList();
    }

    @Transactional(readOnly = true)
    RequestView requestForStaff(Authentication who, long id) {
        PartnerStore.Row row = store.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireLab(who, row.labId());
        return views(List.of(row)).get(0);
    }

    @Transactional(readOnly = true)
    List<PartnerStore.Message> messagesForStaff(Authentication who, long id) {
        requestForStaff(who, id);
        return store.messages(id, true);
    }

    @Transactional(readOnly = true)
    List<PartnerStore.LogEntry> logForStaff(Authentication who, long id) {
        requestForStaff(who, id);
        return store.log(id, false);
    }

    @Transactional(readOnly = true)
    List<Long> helpersOf(Authentication who, long id) {
        requestForStaff(who, id);
        return store.helpers(id);
    }

    /** The lab answers the partner; with {@code askPartner} the lab now waits for the partner and the clock pauses. */
    @Transactional
    void answer(Authentication who, long id, String body, boolean askPartner) {
        PartnerStore.Row row = lockedForStaff(who, id);
        if (row.state().finished()) {
            throw new PartnerException("partners.error.notAllowed");
        }
        Instant now = Instant.now(clock);
        store.addMessage(id, staffId(who), true, false, checkedText(body), now);
        firstReply(row, now);
        if (row.state() == RequestState.REQUESTED) {
            move(row, RequestState.CLARIFYING, who.getName(), true, "ANSWERED");
        } else {
            store.log(id, "ANSWERED", null, null, who.getName(), true, now);
        }
        if (askPartner && row.state().open()) {
            startWaiting(row, now);
        }
        mails.toPartner(row, "partners.mail.partner.message");
    }

    @Transactional
    void note(Authentication who, long id, String body) {
        PartnerStore.Row row = lockedForStaff(who, id);
        Instant now = Instant.now(clock);
        store.addMessage(id, staffId(who), true, true, checkedText(body), now);
        store.log(row.id(), "INTERNAL_NOTE", null, null, who.getName(), false, now);
    }

    /** The lab proposes a date; the partner accepts it or asks for another. */
    @Transactional
    void propose(Authentication who, long id, ZonedDateTime start, ZonedDateTime end) {
        PartnerStore.Row row = lockedForStaff(who, id);
        if (!row.state().open()) {
            throw new PartnerException("partners.error.notAllowed");
        }
        checkDates(row.labId(), List.of(new RequestView.DateRange(start, end)));
        Instant now = Instant.now(clock);
        firstReply(row, now);
        if (row.state() == RequestState.REQUESTED) {
            move(row, RequestState.CLARIFYING, who.getName(), true, "DATE_PROPOSED");
        } else {
            store.log(id, "DATE_PROPOSED", null, null, who.getName(), true, now);
        }
        store.update(id, "proposed_start = :s, proposed_end = :e, date_proposed_at = coalesce(date_proposed_at, :now)",
                Map.of("s", Timestamp.from(start.toInstant()), "e", Timestamp.from(end.toInstant()), "now", Timestamp.from(now)));
        startWaiting(row, now);
        mails.toPartner(row, "partners.mail.partner.proposal");
    }

    /** The lab fixes the date (e.g. one the partner asked for): the date is agreed. */
    @Transactional
    void scheduleDate(Authentication who, long id, ZonedDateTime start, ZonedDateTime end) {
        PartnerStore.Row row = lockedForStaff(who, id);
        checkDates(row.labId(), List.of(new RequestView.DateRange(start, end)));
        firstReply(row, Instant.now(clock));
        schedule(row, start.toInstant(), end.toInstant(), who.getName());
    }

    @Transactional
    void assignHelpers(Authentication who, long id, Set<Long> helperIds) {
        PartnerStore.Row row = lockedForStaff(who, id);
        Set<Long> allowed = accounts.staffOf(row.labId()).stream().map(AccountView::id).collect(Collectors.toSet());
        if (!allowed.containsAll(helperIds)) {
            throw new PartnerException("partners.error.helper");
        }
        store.setHelpers(id, helperIds);
        store.log(id, "HELPERS_ASSIGNED", null, null, who.getName(), false, Instant.now(clock));
    }

    @Transactional
    void decline(Authentication who, long id, String reason, String alternative) {
        PartnerStore.Row row = lockedForStaff(who, id);
        if (reason == null || reason.isBlank() || alternative == null || alternative.isBlank()) {
            throw new PartnerException("partners.error.declineReason");
        }
        checkedText(reason);
        checkedText(alternative);
        requireTransition(row, RequestState.DECLINED);
        store.update(id, "decline_reason = :r, decline_alternative = :a", Map.of("r", reason.strip(), "a", alternative.strip()));
        move(row, RequestState.DECLINED, who.getName(), true, "DECLINED");
        groupLoans.release(id);
        firstReply(row, Instant.now(clock));
        stopWaiting(row, Instant.now(clock));
        mails.toPartner(row, "partners.mail.partner.declined");
    }

    @Transactional
    void cancel(Authentication who, long id, Choices.CancelReason reason) {
        PartnerStore.Row row = lockedForStaff(who, id);
        if (reason == null) {
            throw new PartnerException("partners.error.cancelReason");
        }
        requireTransition(row, RequestState.CANCELLED);
        store.update(id, "cancel_reason = :r", Map.of("r", reason.name()));
        move(row, RequestState.CANCELLED, who.getName(), true, "CANCELLED");
        groupLoans.release(id);
        mails.cancelCalendar(row);
        mails.toPartner(row, "partners.mail.partner.cancelled");
    }

    @Transactional
    void markDelivered(Authentication who, long id) {
        PartnerStore.Row row = lockedForStaff(who, id);
        requireTransition(row, RequestState.DELIVERED);
        if (row.scheduledStart().isAfter(Instant.now(clock))) {
            throw new PartnerException("partners.error.notYet");
        }
        move(row, RequestState.DELIVERED, who.getName(), true, "DELIVERED");
        store.update(id, "delivered_at = :now", Map.of("now", Timestamp.from(Instant.now(clock))));
        mails.toPartner(row, "partners.mail.partner.delivered");
    }

    /**
     * Turns a scheduled request into a closed course of the courses module (not in the public catalogue), so
     * attendance and certificates work as for any course.
     */
    @Transactional
    long makeCourse(Authentication who, long id) {
        PartnerStore.Row row = lockedForStaff(who, id);
        if (row.state() != RequestState.SCHEDULED || row.courseId() != null) {
            throw new PartnerException("partners.error.notAllowed");
        }
        String language = Choices.split(row.languages()).stream().findFirst().orElse("de");
        long courseId = courses.createClosedCourse(row.labId(), language, row.topic() + " – " + row.organisationName(),
                row.groupSize(), row.scheduledStart(), row.scheduledEnd(), who.getName());
        store.update(id, "course_id = :course", Map.of("course", courseId));
        store.log(id, "COURSE_CREATED", null, null, who.getName(), false, Instant.now(clock));
        return courseId;
    }

    /** The reach report; only a valid one makes the request REPORTED. */
    @Transactional
    void fileReport(Authentication who, long id, ReachReport report) {
        PartnerStore.Row row = lockedForStaff(who, id);
        requireTransition(row, RequestState.REPORTED);
        if (!report.bandsAddUp()) {
            throw new PartnerException("partners.error.bands");
        }
        if (report.firstTime() > report.participants()) {
            throw new PartnerException("partners.error.firstTime");
        }
        jdbc.sql("""
                insert into partner_reach_report (request_id, participants, age_under_12, age_12_17, age_18_26, age_27_64,
                    age_65_plus, first_time, languages, duration_minutes, staff_hours, volunteer_hours, devices_lent, filed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, report.participants(), report.under12(), report.age12to17(), report.age18to26(),
                        report.age27to64(), report.age65plus(), report.firstTime(), String.join(",", report.languages()),
                        report.durationMinutes(), report.staffHours(), report.volunteerHours(), report.devicesLent(),
                        who.getName())
                .update();
        move(row, RequestState.REPORTED, who.getName(), false, "REPORTED");
        events.publishEvent(new PartnerReachReported(UUID.randomUUID(),
                PartnerStore.zoned(row.scheduledStart()).toLocalDate(), row.labId(), row.kind(), row.organisationStadtteil(),
                report.participants(), Map.of("UNDER_12", report.under12(), "AGE_12_17", report.age12to17(),
                        "AGE_18_26", report.age18to26(), "AGE_27_64", report.age27to64(), "AGE_65_PLUS", report.age65plus()),
                report.firstTime(), report.languages(), report.durationMinutes(), report.devicesLent()));
    }

    /** Requests of one lab, kind and state made in a period, for the anonymous impact figures (no organisation, no person). */
    public record RequestCount(long labId, String kind, String state, long requests) {
    }

    /** How long one request of a lab waited for its first reply, in whole hours. */
    public record FirstReply(long labId, long hours) {
    }

    /** Unsuppressed counts for the impact module (which suppresses them): requests made in [from, to] (Bremen days). */
    @Transactional(readOnly = true)
    public List<RequestCount> requestCounts(LocalDate from, LocalDate to, Collection<Long> labIds) {
        if (labIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select lab_id, kind, state, count(*) as n from partner_request
                where (created_at at time zone 'Europe/Berlin')::date between :from and :to and lab_id in (:labs)
                group by 1, 2, 3""")
                .param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to)).param("labs", labIds)
                .query((rs, n) -> new RequestCount(rs.getLong("lab_id"), rs.getString("kind"), rs.getString("state"),
                        rs.getLong("n"))).list();
    }

    /** The first-reply times of the requests made in [from, to] (Bremen days) that got one. */
    @Transactional(readOnly = true)
    public List<FirstReply> firstReplies(LocalDate from, LocalDate to, Collection<Long> labIds) {
        if (labIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select lab_id, floor(extract(epoch from first_reply_at - created_at) / 3600)::bigint as hours
                from partner_request
                where (created_at at time zone 'Europe/Berlin')::date between :from and :to and lab_id in (:labs)
                  and first_reply_at is not null""")
                .param("from", java.sql.Date.valueOf(from)).param("to", java.sql.Date.valueOf(to)).param("labs", labIds)
                .query((rs, n) -> new FirstReply(rs.getLong("lab_id"), rs.getLong("hours"))).list();
    }

    /**
     * What the partner's organisation has done with the labs so far: reported offers, their participants, first-timers,
     * and participants by age band. The totals are the organisation's own and shown as they are; a band of 1 to 4 is
     * shown as "•", and then a second band too, so it cannot be worked out from the total.
     */
    @Transactional(readOnly = true)
    Totals totals(Membership me) {
        return jdbc.sql("""
                select count(*), coalesce(sum(rr.participants), 0), coalesce(sum(rr.first_time), 0),
                       coalesce(sum(rr.age_under_12), 0), coalesce(sum(rr.age_12_17), 0), coalesce(sum(rr.age_18_26), 0),
                       coalesce(sum(rr.age_27_64), 0), coalesce(sum(rr.age_65_plus), 0)
                from partner_reach_report rr join partner_request r on r.id = rr.request_id
                where r.organisation_id = ? and r.state = 'REPORTED'""").param(me.organisationId())
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getInt(3), ageBands(new long[] {rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}))).single();
    }

    record Totals(int delivered, int participants, int firstTime, List<AgeBand> ages) {
    }

    /** One age band of the partner's totals: its message key and its number as shown ("•" when small). */
    record AgeBand(String key, String shown) {
    }

    static final List<String> AGE_BANDS = List.of("UNDER_12", "AGE_12_17", "AGE_18_26", "AGE_27_64", "AGE_65_PLUS");
    static final int SMALLEST_SHOWN = 5;

    static List<AgeBand> ageBands(long[] counts) {
        boolean[] hidden = new boolean[counts.length];
        int hiddenCount = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < SMALLEST_SHOWN) {
                hidden[i] = true;
                hiddenCount++;
            }
        }
        if (hiddenCount == 1) {
            int smallest = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!hidden[i] && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                hidden[smallest] = true;
            }
        }
        List<AgeBand> bands = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bands.add(new AgeBand("partners.age." + AGE_BANDS.get(i), hidden[i] ? "•" : Long.toString(counts[i])));
        }
        return bands;
    }

    /** The devices lent for a request, to prefill the reach report. */
    @Transactional(readOnly = true)
    int devicesLent(long id) {
        return groupLoans.devicesLent(id);
    }

    @Transactional(readOnly = true)
    Optional<ReachReport> report(long id) {
        return jdbc.sql("select * from partner_reach_report where request_id = ?").param(id)
                .query((rs, n) -> new ReachReport(rs.getInt("participants"), rs.getInt("age_under_12"),
                        rs.getInt("age_12_17"), rs.getInt("age_18_26"), rs.getInt("age_27_64"), rs.getInt("age_65_plus"),
                        rs.getInt("first_time"), Choices.split(rs.getString("languages")), rs.getInt("duration_minutes"),
                        rs.getBigDecimal("staff_hours"), rs.getBigDecimal("volunteer_hours"), rs.getInt("devices_lent")))
                .optional();
    }

    /** The organisations of the labs this person coordinates, for the invitation form. */
    @Transactional(readOnly = true)
    List<PartnerStore.Organisation> organisations(Authentication who) {
        return store.organisationsOfLabs(labsOf(who).stream().map(LabView::id).toList());
    }

    /**
     * Invites a person of an organisation (created when new): a partner account bound to that one organisation, and
     * a one-time link to set the password, sent by mail in the partner's language.
     *
     * @return the one-time link, for the coordinator to pass on when no mail can reach the person
     */
    @Transactional
    String invite(Authentication who, InviteInput input) {
        requireLab(who, input.labId());
        long organisationId = store.organisationByName(input.organisationName())
                .map(o -> {
                    requireLab(who, o.labId());
                    return o.id();
                })
                .orElseGet(() -> store.insertOrganisation(input.organisationName(), input.organisationKind().name(),
                        input.stadtteil(), input.labId()));
        AccountView account = accounts.createPartner(input.username(), input.displayName(), input.email());
        store.insertMember(account.id(), organisationId, input.language().tag(), who.getName());
        String link = accounts.issuePasswordLink(account.id());
        mails.invitation(input.email(), input.language(), input.organisationName(), link);
        return link;
    }

    record InviteInput(long labId, String organisationName, Choices.OrganisationKind organisationKind, String stadtteil,
            String username, String displayName, String email, Language language) {
    }

    boolean usernameTaken(String username) {
        return accounts.usernameTaken(username);
    }

    // --- for the jobs ---

    List<RequestView> views(List<PartnerStore.Row> rows) {
        return views.of(rows);
    }

    WorkingDays workingDays(long labId) {
        return views.workingDays(labId);
    }

    /** Moves a request by the rules (and the database trigger checks again); used by the reminder job too. */
    void move(PartnerStore.Row row, RequestState to, String actor, boolean visible, String action) {
        requireTransition(row, to);
        if (!store.moveState(row.id(), row.state(), to)) {
            throw new PartnerException("partners.error.changedMeanwhile");
        }
        store.log(row.id(), action, row.state(), to, actor, visible, Instant.now(clock));
    }

    // --- rules ---

    private void schedule(PartnerStore.Row row, Instant start, Instant end, String actor) {
        requireTransition(row, RequestState.SCHEDULED);
        Instant now = Instant.now(clock);
        store.update(row.id(), """
                scheduled_start = :s, scheduled_end = :e, proposed_start = null, proposed_end = null, date_reminded_at = null,
                date_proposed_at = coalesce(date_proposed_at, :now), calendar_sequence = calendar_sequence + 1""",
                Map.of("s", Timestamp.from(start), "e", Timestamp.from(end), "now", Timestamp.from(now)));
        move(row, RequestState.SCHEDULED, actor, true, "SCHEDULED");
        stopWaiting(row, now);
        PartnerStore.Row scheduled = store.byId(row.id()).orElseThrow();
        mails.scheduled(views(List.of(scheduled)).get(0));
    }

    private static void requireTransition(PartnerStore.Row row, RequestState to) {
        if (!row.state().canGoTo(to)) {
            throw new PartnerException("partners.error.notAllowed");
        }
    }

    private void firstReply(PartnerStore.Row row, Instant now) {
        if (row.firstReplyAt() == null) {
            store.update(row.id(), "first_reply_at = :now", Map.of("now", Timestamp.from(now)));
        }
    }

    private void startWaiting(PartnerStore.Row row, Instant now) {
        store.update(row.id(), "waiting_for_partner = true", Map.of());
        store.startPause(row.id(), now);
    }

    private void stopWaiting(PartnerStore.Row row, Instant now) {
        // The partner's reminders count per wait: after an answer, a later wait may remind again.
        store.update(row.id(), "waiting_for_partner = false, clarifying_reminded_at = null, clarifying_warned_at = null", Map.of());
        store.endPause(row.id(), now);
    }

    /** Preferred or proposed dates: not in the past, not on a day the lab is closed, end after start, not endless. */
    void checkDates(long labId, Collection<RequestView.DateRange> dates) {
        Instant now = Instant.now(clock);
        WorkingDays days = null;
        for (RequestView.DateRange date : dates) {
            if (!date.start().toInstant().isAfter(now)) {
                throw new PartnerException("partners.error.datePast");
            }
            if (!date.end().isAfter(date.start()) || Duration.between(date.start(), date.end()).compareTo(LONGEST_MEETING) > 0) {
                throw new PartnerException("partners.error.dateEnd");
            }
            if (days == null) {
                days = workingDays(labId);
            }
            LocalDate day = date.start().withZoneSameInstant(PartnerStore.BREMEN).toLocalDate();
            if (isClosed(labId, day)) {
                throw new PartnerException("partners.error.dateClosed");
            }
        }
    }

    private boolean isClosed(long labId, LocalDate day) {
        String slug = labs.labs(Language.DE).stream().filter(l -> l.id() == labId).map(LabView::slug).findFirst().orElse(null);
        return slug != null && labs.schedule(slug, day, 1).stream().anyMatch(d -> d.changed() && !d.open());
    }

    private PartnerStore.Row lockedForPartner(Membership me, long id) {
        PartnerStore.Row row = store.byIdForUpdate(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (row.organisationId() != me.organisationId()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return row;
    }

    private PartnerStore.Row lockedForStaff(Authentication who, long id) {
        PartnerStore.Row row = store.byIdForUpdate(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireLab(who, row.labId());
        return row;
    }

    private static void requireLab(Authentication who, long labId) {
        if (!LabAccess.canManage(who, labId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private long staffId(Authentication who) {
        return accounts.byUsername(who.getName()).map(AccountView::id).orElseThrow();
    }

    private static String checkedText(String body) {
        if (body == null || body.isBlank()) {
            throw new PartnerException("partners.error.messageEmpty");
        }
        String text = body.strip();
        if (text.length() > MAX_MESSAGE || !eu.impactlab.platform.TextRules.multiLine(text)) {
            throw new PartnerException("partners.error.messageTooLong");
        }
        return text;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PartnerStore.BREMEN));
    }

    private static String join(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<Long> ids(Collection<Long> values) {
        return new HashSet<>(values);
    }
}
