package eu.impactlab.consultations;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.StaffAction;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * A helper's appointments of a day and their way from booked to arrived and done (or no-show). Anyone who acts for
 * the appointment's lab may move it on, so a colleague can step in; every step leaves a log entry with their name.
 */
@Service
class StaffDesk {

    /** The steps staff take, each allowed from one status only. */
    enum Step {
        ARRIVED("BOOKED"), NO_SHOW("BOOKED"), DONE("ARRIVED");

        final String from;

        Step(String from) {
            this.from = from;
        }

        static Step fromPath(String path) {
            return switch (path) {
                case "arrived" -> ARRIVED;
                case "no-show" -> NO_SHOW;
                case "done" -> DONE;
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            };
        }
    }

    record DayAppointment(long id, ZonedDateTime start, ZonedDateTime end, String code, String labName, String topicTitle,
            Language language, Mode mode, String name, boolean nameDeleted, AppointmentView.Status status,
            boolean outcomeRecorded) {

        public boolean canArrive() {
            return status == AppointmentView.Status.BOOKED;
        }

        public boolean canFinish() {
            return status == AppointmentView.Status.ARRIVED;
        }

        public boolean needsOutcome() {
            return status == AppointmentView.Status.DONE && !outcomeRecorded;
        }
    }

    private final ConsultationStore store;
    private final ConsultationService consultations;
    private final LabService labs;
    private final AccountService accounts;
    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    StaffDesk(ConsultationStore store, ConsultationService consultations, LabService labs, AccountService accounts,
            TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.consultations = consultations;
        this.labs = labs;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /** The labs the person acts for (all of them for admins). */
    List<LabView> labsOf(Authentication who, Language language) {
        return labs.labs(language).stream().filter(lab -> LabAccess.actsFor(who, lab.id())).toList();
    }

    /** The person's own appointments on a day, at any lab. */
    List<DayAppointment> appointments(Authentication who, LocalDate day, Language language) {
        AccountView me = me(who);
        Map<Long, LabView> labsById = labs.labs(language).stream().collect(Collectors.toMap(LabView::id, Function.identity()));
        Map<String, String> topics = consultations.topics(language).stream()
                .collect(Collectors.toMap(TopicView::key, TopicView::title));
        return store.ofHelper(me.id(), day.atStartOfDay(SlotFinder.BREMEN).toInstant(),
                        day.plusDays(1).atStartOfDay(SlotFinder.BREMEN).toInstant()).stream()
                .map(row -> new DayAppointment(row.id(), row.startsAt().atZone(SlotFinder.BREMEN),
                        row.endsAt().atZone(SlotFinder.BREMEN), row.code(),
                        labsById.containsKey(row.labId()) ? labsById.get(row.labId()).name() : "",
                        topics.getOrDefault(row.topicKey(), row.topicKey()),
                        Language.fromTag(row.language()).orElse(Language.DE), row.mode(), row.name(),
                        row.personalDataDeletedAt() != null, AppointmentView.Status.valueOf(row.status()),
                        row.outcomeRecordedAt() != null))
                .toList();
    }

    /** Takes a step; false when the appointment was not in the status for it (a colleague was quicker, or a double click). */
    boolean take(long appointmentId, Step step, Authentication who) {
        ConsultationStore.Row row = appointmentFor(appointmentId, who);
        if (!step.from.equals(row.status())) {
            return false;
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean changed = store.changeStatus(row.id(), step.from, step.name());
            if (changed) {
                store.log(row.id(), step.name(), who.getName());
                events.publishEvent(new StaffAction(who.getName(), "APPOINTMENT_" + step.name(), "appointment",
                        String.valueOf(row.id()), row.labId(), "status " + step.from + " -> " + step.name()));
                if (step == Step.NO_SHOW) {
                    events.publishEvent(new AppointmentMissed(UUID.randomUUID(),
                            row.startsAt().atZone(SlotFinder.BREMEN).toLocalDate(), row.labId(), row.topicKey(), row.language()));
                }
            }
            return changed;
        }));
    }

    /** The appointment with its contact details, for staff of its lab; the look itself goes into the audit trail. */
    ConsultationStore.Row contactFor(long appointmentId, Authentication who) {
        ConsultationStore.Row row = appointmentFor(appointmentId, who);
        transactions.executeWithoutResult(status -> events.publishEvent(new StaffAction(who.getName(), "CONTACT_VIEWED",
                "appointment", String.valueOf(row.id()), row.labId(), null)));
        return row;
    }

    /** The appointment, when the person acts for its lab; 404 when there is none, 403 when it belongs to another lab. */
    ConsultationStore.Row appointmentFor(long appointmentId, Authentication who) {
        ConsultationStore.Row row = store.byId(appointmentId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!LabAccess.actsFor(who, row.labId())) {
            throw new AccessDeniedException("does not act for the appointment's lab");
        }
        return row;
    }

    AccountView me(Authentication who) {
        return accounts.byUsername(who.getName()).orElseThrow(() -> new AccessDeniedException("no account"));
    }
}
