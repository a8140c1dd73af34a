package eu.impactlab.participation;

import java.time.LocalDate;
import java.util.UUID;

/** Someone supported a published idea, from a browser or in person at the lab (anonymous). */
public record IdeaSupported(UUID eventId, LocalDate date, long labId, String kind, boolean inPerson) {
}
