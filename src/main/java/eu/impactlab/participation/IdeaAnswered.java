package eu.impactlab.participation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A coordinator answered a published idea publicly (anonymous).
 *
 * @param answer          UNDER_REVIEW, PLANNED, DONE or NOT_POSSIBLE
 * @param realised        whether the idea is linked to a course or marked done
 * @param daysToFirstAnswer days from proposal to the first public answer, only on the first answer (else null)
 */
public record IdeaAnswered(UUID eventId, LocalDate date, long labId, String kind, String answer, boolean realised,
        Integer daysToFirstAnswer) {
}
