package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** Nobody came for a machine reservation; the machine was freed. Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record ReservationMissed(UUID eventId, long labId, LocalDate date, String machineType) {
}
