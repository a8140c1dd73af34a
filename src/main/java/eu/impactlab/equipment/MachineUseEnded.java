package eu.impactlab.equipment;

import java.time.LocalDate;
import java.util.UUID;

/** A machine was checked out of use after this many minutes. Anonymous: no pass, person or time of day beyond what the impact figures need. */
public record MachineUseEnded(UUID eventId, long labId, LocalDate date, String machineType, int minutes) {
}
