package eu.impactlab.equipment;

import java.time.ZonedDateTime;

/** A machine reservation as the pass holder and staff see it; no person in it, the pass is a number. */
record Reservation(long id, long machineId, String machineName, MachineType machineType, long labId, ZonedDateTime start,
        ZonedDateTime end, String status, String uiLanguage, Long passId, String passCode) {

    public boolean live() {
        return "BOOKED".equals(status) || "IN_USE".equals(status);
    }

    public boolean cancellable() {
        return "BOOKED".equals(status);
    }
}
