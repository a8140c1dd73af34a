package eu.impactlab.participation;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A neighbour proposed an idea for a lab (anonymous: lab, kind and day only).
 *
 * @param kind COURSE, PROJECT, EQUIPMENT or OTHER
 */
public record IdeaProposed(UUID eventId, LocalDate date, long labId, String kind) {
}
