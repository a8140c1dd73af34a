package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** A loan was not returned by its due day (counted once per loan, the day after). Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record LoanWentOverdue(UUID eventId, long labId, LocalDate date, String deviceType) {
}
