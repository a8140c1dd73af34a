package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** A machine was reserved with a maker pass. Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record MachineReserved(UUID eventId, long labId, LocalDate date, String machineType) {
}
