package eu.impactlab.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** A partner request as the pages show it, with the due dates of the lab's promises already worked out. */
record RequestView(
        long id, long organisationId, String organisationName, String organisationStadtteil, long labId, String kind,
        String topic, int groupSize, List<String> ageBands, List<String> languages, List<String> accessibility,
        String place, String deviceType, Integer deviceCount, LocalDate loanFrom, LocalDate loanUntil,
        RequestState state, boolean waitingForPartner, ZonedDateTime proposedStart, ZonedDateTime proposedEnd,
        ZonedDateTime scheduledStart, ZonedDateTime scheduledEnd, int calendarSequence, Instant firstReplyAt,
        Instant dateProposedAt, String declineReason, String declineAlternative, String cancelReason, Long courseId,
        Integer feedbackScore, long createdBy, ZonedDateTime createdAt, ZonedDateTime deliveredAt,
        List<DateRange> preferredDates, LocalDate firstReplyDue, LocalDate dateDue) {

    record DateRange(ZonedDateTime start, ZonedDateTime end) {
    }

    public boolean deviceLoan() {
        return "DEVICE_LOAN".equals(kind);
    }

    /** The plain-words state key a partner reads ("We are waiting for your answer"). */
    public String partnerStateKey() {
        return switch (state) {
            case REQUESTED -> "partners.state.REQUESTED";
            case CLARIFYING -> waitingForPartner ? "partners.state.waitingForYou" : "partners.state.CLARIFYING";
            default -> "partners.state." + state.name();
        };
    }

    /** The next step and when it is due: the lab's promise, the partner's turn, or the agreed date. */
    public String nextStepKey() {
        return switch (state) {
            case REQUESTED -> "partners.next.firstReply";
            case CLARIFYING -> waitingForPartner ? (proposedStart != null ? "partners.next.acceptProposal" : "partners.next.answer")
                    : "partners.next.dateProposal";
            case SCHEDULED -> "partners.next.meet";
            case DELIVERED -> "partners.next.feedback";
            default -> null;
        };
    }

    /** The date belonging to {@link #nextStepKey}, or null. */
    public LocalDate nextStepDate() {
        return switch (state) {
            case REQUESTED -> firstReplyAt == null ? firstReplyDue : dateDue;
            case CLARIFYING -> waitingForPartner ? null : dateDue;
            case SCHEDULED -> scheduledStart.toLocalDate();
            default -> null;
        };
    }

    public boolean firstReplyOverdue(LocalDate today) {
        return state.open() && firstReplyAt == null && firstReplyDue != null && firstReplyDue.isBefore(today);
    }

    public boolean dateOverdue(LocalDate today) {
        return state.open() && dateProposedAt == null && dateDue != null && dateDue.isBefore(today);
    }

    /** What the coordinators' queue is sorted by: the next promise the lab has to keep, or the date itself. */
    public LocalDate deadline() {
        if (state.open()) {
            LocalDate due = firstReplyAt == null ? firstReplyDue : dateDue;
            return due == null ? LocalDate.MAX : due;
        }
        if (state == RequestState.SCHEDULED) {
            return scheduledStart.toLocalDate();
        }
        if (state == RequestState.DELIVERED && deliveredAt != null) {
            return deliveredAt.toLocalDate().plusDays(3);
        }
        return LocalDate.MAX;
    }

    public boolean canWithdraw() {
        return state.open();
    }

    public boolean canAskAnotherDate() {
        return (state == RequestState.CLARIFYING && proposedStart != null) || state == RequestState.SCHEDULED;
    }

    public boolean canAccept() {
        return state == RequestState.CLARIFYING && proposedStart != null;
    }

    public boolean hasCalendar() {
        return state == RequestState.SCHEDULED && scheduledStart != null;
    }
}
