package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** A device was lent. Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record DeviceLent(UUID eventId, long labId, LocalDate date, String deviceType) {
}
