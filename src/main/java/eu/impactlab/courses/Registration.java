package eu.impactlab.courses;

import java.time.Instant;

/**
 * One registration as its owner (through the manage link) and the lab's staff see it.
 *
 * @param waitlistPosition 1 for the first on the waitlist, null unless WAITLISTED
 * @param promoted         whether the person got their seat from the waitlist
 */
record Registration(long id, long courseId, Status status, Integer waitlistPosition, String name, String email,
        String phone, String uiLanguage, String ageBand, String gender, String stadtteil, Instant createdAt,
        Instant cancelledAt, Instant feedbackGivenAt, Instant personalDataDeletedAt, boolean promoted) {

    enum Status { CONFIRMED, WAITLISTED, CANCELLED }

    public boolean active() {
        return status != Status.CANCELLED;
    }

    public boolean personalDataDeleted() {
        return personalDataDeletedAt != null;
    }

    VisitorFacts visitor() {
        return new VisitorFacts(ageBand, gender, stadtteil);
    }
}
