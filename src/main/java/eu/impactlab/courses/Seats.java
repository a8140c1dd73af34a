package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.SecretTokens;
import eu.impactlab.platform.SqlStates;
import eu.impactlab.platform.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seats and the waitlist: the only place that changes a registration's status or a course's seat counter.
 *
 * <p>The rule that makes overbooking impossible: every change first locks the course row (SELECT … FOR UPDATE), so
 * changes to one course's seats happen one after the other; the counter {@code confirmed_count} is changed only then,
 * and the database's CHECK refuses more confirmed registrations than seats. Waitlist positions are not stored but
 * computed (rank by waitlisted_at, id), so they are unique and without gaps. Code elsewhere in this package that
 * changes registrations must go through these methods.
 */
@Component
class Seats {

    static final int MAX_NAME = 80;
    /** The message for an idempotency key that came again with another request (the API answers 422). */
    /** The same for a registration form sent again with changed answers. */
    static final String FORM_REUSED = "input.error.formReused";
    static final Set<String> AGE_BANDS = Set.of("UNDER_18", "FROM_18_TO_29", "FROM_30_TO_44", "FROM_45_TO_64", "FROM_65",
            VisitorFacts.NOT_STATED);
    static final Set<String> GENDERS = Set.of("FEMALE", "MALE", "DIVERSE", VisitorFacts.NOT_STATED);

    /** What a cancellation did. */
    record Cancellation(boolean cancelled, Optional<Long> promotedRegistrationId) {
        static final Cancellation NOTHING = new Cancellation(false, Optional.empty());
    }

    private final CourseStore store;
    private final CourseMails mails;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Seats(CourseStore store, CourseMails mails, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.mails = mails;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Registers somebody: a seat while there is one, else a place at the end of the waitlist. Publishes
     * {@link CourseRegistered} and queues the confirmation mail in the same transaction. Nothing is saved when the
     * request is invalid or the course takes no registrations.
     */
    RegistrationOutcome register(RegistrationRequest request) {
        if (request.idempotencyKey() != null && IdempotencyKeys.storable(request.idempotencyKey())) {
            Optional<RegistrationOutcome> earlier = repeated(request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Map<String, String> errors = errors(request);
        if (!errors.isEmpty()) {
            return new RegistrationOutcome.Invalid(errors);
        }
        String token = SecretTokens.newToken();
        try {
            return transactions.execute(status -> {
                Optional<CourseStore.Locked> found = store.lock(request.courseId());
                if (found.isEmpty() || "DRAFT".equals(found.get().status())) {
                    return new RegistrationOutcome.NotFound();
                }
                CourseStore.Locked course = found.get();
                Instant now = Instant.now(clock);
                CourseView.State state = state(course, now);
                if (!state.registrable()) {
                    return new RegistrationOutcome.Refused(refusal(state));
                }
                boolean seat = course.confirmedCount() < course.capacity();
                long id = store.insert(new CourseStore.NewRegistration(course.id(),
                        seat ? Registration.Status.CONFIRMED : Registration.Status.WAITLISTED, now,
                        request.name().strip(), trimToNull(request.email()), trimToNull(request.phone()),
                        Language.fromTag(request.uiLanguage()).filter(Language::ui).orElse(Language.DE).tag(),
                        orNotStated(request.ageBand()), orNotStated(request.gender()), orNotStated(request.stadtteil()),
                        SecretTokens.hash(token), request.idempotencyKey(),
                        request.idempotencyKey() == null ? null : fingerprint(request)));
                if (seat) {
                    store.changeConfirmed(course.id(), 1);
                }
                store.log(course.id(), id, seat ? "REGISTERED" : "WAITLISTED", request.actor());
                Registration registration = store.registration(id).orElseThrow();
                events.publishEvent(new CourseRegistered(UUID.randomUUID(), LocalDate.ofInstant(now, CourseView.BREMEN),
                        facts(course), registration.visitor(), !seat));
                mails.registered(registration, token);
                return new RegistrationOutcome.Registered(registration, token);
            });
        } catch (DataIntegrityViolationException e) {
            // The same key came twice at once: the other one registered first.
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e)) && request.idempotencyKey() != null) {
                Optional<RegistrationOutcome> earlier = repeated(request);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
    }

    /**
     * Cancels a registration. A freed seat goes, in the same transaction, to the first on the waitlist, who is told by
     * mail; a cancelled waitlist place moves everyone behind it up by one.
     */
    Cancellation cancel(long registrationId, String actor) {
        Optional<Long> courseId = store.courseOf(registrationId);
        if (courseId.isEmpty()) {
            return Cancellation.NOTHING;
        }
        return transactions.execute(status -> {
            CourseStore.Locked course = store.lock(courseId.get()).orElseThrow();
            Registration registration = store.registration(registrationId).orElseThrow();
            Instant now = Instant.now(clock);
            if (!registration.active() || !store.cancel(registrationId, now)) {
                return Cancellation.NOTHING;
            }
            store.log(course.id(), registrationId, "CANCELLED", actor);
            Optional<Long> promoted = Optional.empty();
            if (registration.status() == Registration.Status.CONFIRMED) {
                store.changeConfirmed(course.id(), -1);
                if (fillsSeats(course, now)) {
                    promoted = promoteFirst(course.id(), actor, now);
                }
            }
            return new Cancellation(true, promoted);
        });
    }

    /** Gives free seats to the waitlist in its order, e.g. after the capacity was raised. @return who got a seat */
    List<Long> promoteWaitlist(long courseId, String actor) {
        return transactions.execute(status -> {
            Optional<CourseStore.Locked> found = store.lock(courseId);
            List<Long> promoted = new ArrayList<>();
            Instant now = Instant.now(clock);
            if (found.isEmpty() || !fillsSeats(found.get(), now)) {
                return promoted;
            }
            int free = found.get().capacity() - found.get().confirmedCount();
            for (int i = 0; i < free; i++) {
                Optional<Long> next = promoteFirst(courseId, actor, now);
                if (next.isEmpty()) {
                    break;
                }
                promoted.add(next.get());
            }
            return promoted;
        });
    }

    /**
     * Cancels a whole course: every seat and waitlist place is cancelled and each person with an address gets one
     * mail. A second call does nothing. @return how many registrations were cancelled
     */
    int cancelCourse(long courseId, String actor) {
        Integer cancelled = transactions.execute(status -> {
            Optional<CourseStore.Locked> found = store.lock(courseId);
            if (found.isEmpty() || "CANCELLED".equals(found.get().status())) {
                return 0;
            }
            Instant now = Instant.now(clock);
            List<Registration> active = store.active(courseId);
            store.markCancelled(courseId, now);
            store.log(courseId, null, "COURSE_CANCELLED", actor);
            for (Registration registration : active) {
                store.cancel(registration.id(), now);
                store.log(courseId, registration.id(), "CANCELLED_WITH_COURSE", actor);
                mails.courseCancelled(registration);
            }
            return active.size();
        });
        return cancelled == null ? 0 : cancelled;
    }

    /** The field rules, shared by the form and the API: field → message key. */
    static Map<String, String> errors(RegistrationRequest r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.name() == null || r.name().isBlank()) {
            errors.put("name", "courses.error.nameMissing");
        } else if (r.name().strip().length() > MAX_NAME) {
            errors.put("name", "courses.error.nameLong");
        } else if (!TextRules.singleLine(r.name())) {
            errors.put("name", "input.error.controlCharacters");
        }
        errors.putAll(contactErrors(r.email(), r.phone()));
        errors.putAll(factErrors(r.ageBand(), r.gender(), r.stadtteil()));
        if (!r.consent()) {
            errors.put("consent", "courses.error.consent");
        }
        if (!IdempotencyKeys.storable(r.idempotencyKey())) {
            errors.put("idempotencyKey", "input.error.idempotencyKey");
        }
        return errors;
    }

    static Map<String, String> contactErrors(String email, String phone) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!ContactRules.emailAcceptable(email)) {
            errors.put("email", "courses.error.email");
        }
        if (!ContactRules.phoneAcceptable(phone)) {
            errors.put("phone", "courses.error.phone");
        }
        return errors;
    }

    static Map<String, String> factErrors(String ageBand, String gender, String stadtteil) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (ageBand != null && !ageBand.isBlank() && !AGE_BANDS.contains(ageBand)) {
            errors.put("ageBand", "courses.error.choice");
        }
        if (gender != null && !gender.isBlank() && !GENDERS.contains(gender)) {
            errors.put("gender", "courses.error.choice");
        }
        if (stadtteil != null && !stadtteil.isBlank() && !BremenDistricts.known(stadtteil)) {
            errors.put("stadtteil", "courses.error.choice");
        }
        return errors;
    }

    /**
     * What an idempotency key made before: the first registration when the request is the same (its status only: the
     * manage link and the contact data were in the first answer alone), a refusal when it is another request (another
     * course counts as another request). An expired key is freed and counts as new.
     */
    private Optional<RegistrationOutcome> repeated(RegistrationRequest request) {
        Optional<CourseStore.KeyUse> use = store.keyUse(request.idempotencyKey());
        if (use.isEmpty()) {
            return Optional.empty();
        }
        if (!IdempotencyKeys.current(use.get().createdAt(), Instant.now(clock))) {
            store.forgetIdempotencyKey(use.get().registrationId());
            return Optional.empty();
        }
        if (!fingerprint(request).equals(use.get().requestHash())) {
            return Optional.of(new RegistrationOutcome.Invalid(Map.of("idempotencyKey",
                    request.idempotencyKey().startsWith("form:") ? FORM_REUSED : IdempotencyKeys.REUSED)));
        }
        return store.registration(use.get().registrationId()).map(RegistrationOutcome.Repeated::new);
    }

    /** The request in canonical form, as the fingerprint stored with its idempotency key. */
    private static String fingerprint(RegistrationRequest r) {
        return IdempotencyKeys.fingerprint(r.courseId(), r.name() == null ? null : r.name().strip(), trimToNull(r.email()),
                trimToNull(r.phone()), r.consent(), orNotStated(r.ageBand()), orNotStated(r.gender()),
                orNotStated(r.stadtteil()));
    }

    /** Must run inside a transaction that holds the course's lock. */
    private Optional<Long> promoteFirst(long courseId, String actor, Instant now) {
        Optional<Long> first = store.firstWaitlisted(courseId);
        String token = SecretTokens.newToken();
        if (first.isEmpty() || !store.confirm(first.get(), now, SecretTokens.hash(token))) {
            return Optional.empty();
        }
        store.changeConfirmed(courseId, 1);
        store.log(courseId, first.get(), "PROMOTED", actor);
        mails.promoted(store.registration(first.get()).orElseThrow(), token);
        return first;
    }

    /** Freed seats go to the waitlist while the course is on and not over. */
    private static boolean fillsSeats(CourseStore.Locked course, Instant now) {
        return "PUBLISHED".equals(course.status()) && (course.lastEnd() == null || now.isBefore(course.lastEnd()));
    }

    private static CourseView.State state(CourseStore.Locked c, Instant now) {
        return CourseView.state(c.status(), c.registrationOpensAt(), c.registrationClosesAt(), c.registrationClosed(),
                c.firstStart(), c.lastEnd(), c.capacity(), c.confirmedCount(), now);
    }

    static RegistrationOutcome.Refusal refusal(CourseView.State state) {
        return switch (state) {
            case CANCELLED -> RegistrationOutcome.Refusal.CANCELLED;
            case NOT_YET_OPEN -> RegistrationOutcome.Refusal.NOT_YET_OPEN;
            case STARTED, ENDED -> RegistrationOutcome.Refusal.STARTED;
            default -> RegistrationOutcome.Refusal.CLOSED;
        };
    }

    private CourseFacts facts(CourseStore.Locked course) {
        List<Long> id = List.of(course.id());
        return new CourseFacts(course.id(), course.labId(), store.targetGroups(id).get(course.id()),
                store.competences(id).get(course.id()), course.language(), course.technical());
    }

    private static String orNotStated(String value) {
        return value == null || value.isBlank() ? VisitorFacts.NOT_STATED : value;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
