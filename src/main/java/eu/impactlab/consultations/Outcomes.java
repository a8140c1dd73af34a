package eu.impactlab.consultations;

import eu.impactlab.platform.SqlStates;
import eu.impactlab.consultations.ConsultationCompleted.AgeBand;
import eu.impactlab.consultations.ConsultationCompleted.FirstVisit;
import eu.impactlab.consultations.ConsultationCompleted.Gender;
import eu.impactlab.consultations.ConsultationCompleted.Kind;
import eu.impactlab.consultations.ConsultationCompleted.Referral;
import eu.impactlab.consultations.ConsultationCompleted.Result;
import eu.impactlab.platform.StaffAction;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymous outcomes of appointments, walk-ins and short help. Saving one stores the facts without any link to a
 * person and publishes {@link ConsultationCompleted} in the same transaction, so the event publication registry
 * keeps it for the listeners of other modules.
 */
@Service
class Outcomes {

    /** What an outcome is about: an appointment that is done or a walk-in ticket that was served. */
    record Subject(Kind kind, long id, long labId, LocalDate day, String topicKey, String language, Mode mode,
            Integer waitingMinutes, int suggestedMinutes, boolean ready, boolean recorded, String code, Integer number,
            ZonedDateTime start, ZonedDateTime end) {
    }

    private final ConsultationStore appointments;
    private final QueueStore queue;
    private final OutcomeStore outcomes;
    private final StaffDesk desk;
    private final WalkInQueue walkIns;
    private final ConsultationService consultations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outcomes(ConsultationStore appointments, QueueStore queue, OutcomeStore outcomes, StaffDesk desk, WalkInQueue walkIns,
            ConsultationService consultations, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.queue = queue;
        this.outcomes = outcomes;
        this.desk = desk;
        this.walkIns = walkIns;
        this.consultations = consultations;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    Subject appointment(long id, Authentication who) {
        ConsultationStore.Row row = desk.appointmentFor(id, who);
        ZonedDateTime start = row.startsAt().atZone(SlotFinder.BREMEN);
        int minutes = (int) Duration.between(row.startsAt(), row.endsAt()).toMinutes();
        return new Subject(Kind.APPOINTMENT, row.id(), row.labId(), start.toLocalDate(), row.topicKey(), row.language(),
                row.mode(), null, clamp(minutes), "DONE".equals(row.status()), row.outcomeRecordedAt() != null,
                row.code(), null, start, row.endsAt().atZone(SlotFinder.BREMEN));
    }

    Subject ticket(long id, Authentication who) {
        QueueStore.Ticket ticket = walkIns.ticketFor(id, who);
        int minutes = ticket.calledAt() != null && ticket.finishedAt() != null
                ? (int) Math.ceil(Duration.between(ticket.calledAt(), ticket.finishedAt()).toSeconds() / 60.0)
                : consultations.topic(ticket.topicKey(), Language.DE).map(TopicView::minutes).orElse(30);
        return new Subject(Kind.WALK_IN, ticket.id(), ticket.labId(), ticket.day(), ticket.topicKey(), ticket.language(),
                Mode.IN_PERSON, ticket.waitingMinutes(), clamp(minutes), ticket.status() == QueueStore.Status.SERVED,
                ticket.outcomeRecorded(), null, ticket.number(), null, null);
    }

    /** Stores the outcome and publishes it; false when this appointment or ticket already has one. */
    boolean record(Subject subject, OutcomeForm.Answers answers, String actor) {
        ConsultationCompleted facts = new ConsultationCompleted(UUID.randomUUID(), subject.day(), subject.labId(), subject.kind(),
                answers.topics(), subject.language(), subject.mode(), answers.result(), answers.referral(),
                answers.minutes(), answers.ageBand(), answers.gender(), answers.stadtteil(), answers.firstVisit(),
                subject.kind() == Kind.WALK_IN ? subject.waitingMinutes() : null);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = Instant.now(clock);
            boolean first = subject.kind() == Kind.APPOINTMENT
                    ? appointments.markOutcomeRecorded(subject.id(), now)
                    : queue.markOutcomeRecorded(subject.id(), now);
            if (!first) {
                return false;
            }
            outcomes.insert(facts, null);
            if (subject.kind() == Kind.APPOINTMENT) {
                appointments.log(subject.id(), "OUTCOME_RECORDED", actor);
            } else {
                queue.log(subject.id(), "OUTCOME_RECORDED", actor);
            }
            events.publishEvent(facts);
            events.publishEvent(new StaffAction(actor, "OUTCOME_RECORDED",
                    subject.kind() == Kind.APPOINTMENT ? "appointment" : "walk-in-ticket", String.valueOf(subject.id()),
                    subject.labId(), "result " + answers.result() + ", minutes " + answers.minutes()));
            return true;
        }));
    }

    /** Counts short help without a ticket: a topic and a result, nothing else; the same form key counts once. */
    void shortHelp(long labId, String topicKey, Result result, String requestKey, Authentication who) {
        if (!LabAccess.actsFor(who, labId)) {
            throw new AccessDeniedException("does not act for this lab");
        }
        if (requestKey != null && outcomes.existsWithKey(requestKey)) {
            return;
        }
        ConsultationCompleted facts = new ConsultationCompleted(UUID.randomUUID(), walkIns.today(), labId, Kind.SHORT_HELP, List.of(topicKey),
                null, Mode.IN_PERSON, result, Referral.NONE, null, AgeBand.NOT_STATED, Gender.NOT_STATED,
                ConsultationCompleted.NOT_STATED, FirstVisit.NOT_STATED, null);
        try {
            transactions.executeWithoutResult(status -> {
                outcomes.insert(facts, requestKey);
                events.publishEvent(facts);
            });
        } catch (DataIntegrityViolationException e) {
            if (!SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw e;
            }
            // the same form at the same moment: counted once by the other request
        }
    }

    private static int clamp(int minutes) {
        return Math.max(1, Math.min(OutcomeForm.MAX_MINUTES, minutes));
    }
}
