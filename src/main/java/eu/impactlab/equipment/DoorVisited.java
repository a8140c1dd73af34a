package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** Someone at the door said why they came (one tap, counted once). Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record DoorVisited(UUID eventId, long labId, LocalDate date, int hour, String reason) {
}
