package eu.impactlab.consultations;

import eu.impactlab.platform.SqlStates;
import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The walk-in queue of a lab: staff draw a numbered ticket for a visitor, call the oldest waiting one, and mark it
 * served or left. Numbers start at 1 per lab and day. Tickets carry no personal data.
 */
@Service
class WalkInQueue {

    record TicketView(long id, int number, String topicTitle, Language language, QueueStore.Status status,
            ZonedDateTime createdAt, ZonedDateTime calledAt, Integer waitingMinutes, String calledBy,
            boolean outcomeRecorded) {

        public boolean waiting() {
            return status == QueueStore.Status.WAITING;
        }

        public boolean called() {
            return status == QueueStore.Status.CALLED;
        }

        public boolean needsOutcome() {
            return status == QueueStore.Status.SERVED && !outcomeRecorded;
        }
    }

    /** What the lab's screen shows: numbers only. */
    record Board(List<Integer> called, long waiting, String desk) {

        public Integer current() {
            return called.isEmpty() ? null : called.get(0);
        }

        public List<Integer> earlier() {
            return called.size() <= 1 ? List.of() : called.subList(1, Math.min(called.size(), 6));
        }

        /** A short fingerprint, so a screen that already shows this state gets "nothing new" instead of a redraw. */
        public String state() {
            return called.stream().map(String::valueOf).collect(Collectors.joining(".")) + "-" + waiting
                    + (desk == null ? "" : "-" + Integer.toHexString(desk.hashCode()));
        }
    }

    private final QueueStore queue;
    private final ConsultationService consultations;
    private final AccountService accounts;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WalkInQueue(QueueStore queue, ConsultationService consultations, AccountService accounts,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.queue = queue;
        this.consultations = consultations;
        this.accounts = accounts;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SlotFinder.BREMEN));
    }

    /** Draws today's next number at the lab; the same form key gives the same ticket again (a double click). */
    QueueStore.Ticket draw(long labId, String topicKey, String language, String requestKey, Authentication who) {
        requireActsFor(who, labId);
        return draw(labId, today(), topicKey, language, requestKey, who.getName());
    }

    QueueStore.Ticket draw(long labId, LocalDate day, String topicKey, String language, String requestKey, String actor) {
        if (requestKey != null) {
            Optional<QueueStore.Ticket> earlier = queue.byRequestKey(requestKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            long id = transactions.execute(status -> {
                int number = queue.nextNumber(labId, day);
                long ticketId = queue.insert(labId, day, number, topicKey, language, Instant.now(clock), requestKey);
                queue.log(ticketId, "CREATED", actor);
                return ticketId;
            });
            return queue.byId(id).orElseThrow();
        } catch (DataIntegrityViolationException e) {
            // The same form was sent twice at the same moment: the other request drew the ticket.
            if (requestKey != null && SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e)) && queue.byRequestKey(requestKey).isPresent()) {
                return queue.byRequestKey(requestKey).get();
            }
            throw e;
        }
    }

    /** Calls the oldest waiting ticket of the lab today; empty when nobody waits. The same form key calls only once. */
    Optional<QueueStore.Ticket> callNext(long labId, String callKey, Authentication who) {
        return callNext(labId, callKey, null, who);
    }

    /** As above, telling the screen at which desk ({@code desk}, may be empty) the person is expected. */
    Optional<QueueStore.Ticket> callNext(long labId, String callKey, String desk, Authentication who) {
        requireActsFor(who, labId);
        if (callKey != null) {
            Optional<QueueStore.Ticket> earlier = queue.byCallKey(callKey);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        return callNext(labId, today(), callKey, me(who).id(), who.getName(), desk);
    }

    Optional<QueueStore.Ticket> callNext(long labId, LocalDate day, String callKey, long helperId, String actor) {
        return callNext(labId, day, callKey, helperId, actor, null);
    }

    Optional<QueueStore.Ticket> callNext(long labId, LocalDate day, String callKey, long helperId, String actor,
            String desk) {
        try {
            Optional<Long> called = transactions.execute(status -> {
                Optional<QueueStore.Ticket> next = queue.lockOldestWaiting(labId, day);
                next.ifPresent(ticket -> {
                    Instant now = Instant.now(clock);
                    int waited = (int) Math.max(0, Duration.between(ticket.createdAt(), now).toMinutes());
                    queue.markCalled(ticket.id(), now, helperId, waited, callKey, desk);
                    queue.log(ticket.id(), "CALLED", actor);
                });
                return next.map(QueueStore.Ticket::id);
            });
            return called.flatMap(queue::byId);
        } catch (DataIntegrityViolationException e) {
            if (callKey != null && SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                return queue.byCallKey(callKey);
            }
            throw e;
        }
    }

    /** Marks a called ticket as served and tells the other modules how long the person waited. */
    boolean served(long ticketId, Authentication who) {
        QueueStore.Ticket ticket = ticketFor(ticketId, who);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!queue.finish(ticket.id(), QueueStore.Status.SERVED, Instant.now(clock), QueueStore.Status.CALLED)) {
                return false;
            }
            queue.log(ticket.id(), "SERVED", who.getName());
            QueueStore.Ticket served = queue.byId(ticket.id()).orElseThrow();
            events.publishEvent(new WalkInServed(UUID.randomUUID(), served.labId(), served.day(), served.topicKey(), served.language(),
                    served.waitingMinutes()));
            return true;
        }));
    }

    /** The person went away before (or after) being called. */
    boolean left(long ticketId, Authentication who) {
        QueueStore.Ticket ticket = ticketFor(ticketId, who);
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!queue.finish(ticket.id(), QueueStore.Status.LEFT, Instant.now(clock), QueueStore.Status.WAITING,
                    QueueStore.Status.CALLED)) {
                return false;
            }
            queue.log(ticket.id(), "LEFT", who.getName());
            return true;
        }));
    }

    List<TicketView> tickets(long labId, Language language) {
        Map<String, String> topics = consultations.topics(language).stream()
                .collect(Collectors.toMap(TopicView::key, TopicView::title));
        Map<Long, String> names = new HashMap<>();
        return queue.tickets(labId, today()).stream()
                .map(t -> new TicketView(t.id(), t.number(), topics.getOrDefault(t.topicKey(), t.topicKey()),
                        Language.fromTag(t.language()).orElse(Language.DE), t.status(),
                        t.createdAt().atZone(SlotFinder.BREMEN),
                        t.calledAt() == null ? null : t.calledAt().atZone(SlotFinder.BREMEN), t.waitingMinutes(),
                        t.calledByHelperId() == null ? null : names.computeIfAbsent(t.calledByHelperId(),
                                id -> accounts.byId(id).map(AccountView::displayName).orElse("")),
                        t.outcomeRecorded()))
                .toList();
    }

    Board board(long labId) {
        LocalDate today = today();
        return new Board(queue.calledNumbers(labId, today), queue.count(labId, today, QueueStore.Status.WAITING),
                queue.currentDesk(labId, today));
    }

    /** The ticket, when the person acts for its lab; 404 when there is none, 403 when it belongs to another lab. */
    QueueStore.Ticket ticketFor(long ticketId, Authentication who) {
        QueueStore.Ticket ticket = queue.byId(ticketId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireActsFor(who, ticket.labId());
        return ticket;
    }

    private static void requireActsFor(Authentication who, long labId) {
        if (!LabAccess.actsFor(who, labId)) {
            throw new AccessDeniedException("does not act for this lab");
        }
    }

    private AccountView me(Authentication who) {
        return accounts.byUsername(who.getName()).orElseThrow(() -> new AccessDeniedException("no account"));
    }
}
