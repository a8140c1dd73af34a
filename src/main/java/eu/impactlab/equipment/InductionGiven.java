package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** A helper inducted a maker pass for a machine type. Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record InductionGiven(UUID eventId, long labId, LocalDate date, String machineType) {
}
