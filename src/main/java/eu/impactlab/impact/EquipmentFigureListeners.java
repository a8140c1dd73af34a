package eu.impactlab.impact;

import eu.impactlab.equipment.DeviceLent;
import eu.impactlab.equipment.DoorVisited;
import eu.impactlab.equipment.InductionGiven;
import eu.impactlab.equipment.LoanWentOverdue;
import eu.impactlab.equipment.MachineReserved;
import eu.impactlab.equipment.MachineUseEnded;
import eu.impactlab.equipment.ReservationMissed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the equipment module's events into anonymous figures (machine minutes per type, inductions, reservations,
 * no-shows, loans, overdue loans per device type, door visits by reason and hour); a retried event counts once by its id.
 */
@Component
class EquipmentFigureListeners {

    private final JdbcClient jdbc;

    EquipmentFigureListeners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(MachineReserved e) {
        add(e.eventId(), e.date(), null, e.labId(), "RESERVATION", e.machineType(), 1);
    }

    @ApplicationModuleListener
    void on(ReservationMissed e) {
        add(e.eventId(), e.date(), null, e.labId(), "NO_SHOW", e.machineType(), 1);
    }

    @ApplicationModuleListener
    void on(MachineUseEnded e) {
        add(e.eventId(), e.date(), null, e.labId(), "MACHINE_MINUTES", e.machineType(), e.minutes());
    }

    @ApplicationModuleListener
    void on(InductionGiven e) {
        add(e.eventId(), e.date(), null, e.labId(), "INDUCTION", e.machineType(), 1);
    }

    @ApplicationModuleListener
    void on(DeviceLent e) {
        add(e.eventId(), e.date(), null, e.labId(), "LOAN", e.deviceType(), 1);
    }

    @ApplicationModuleListener
    void on(LoanWentOverdue e) {
        add(e.eventId(), e.date(), null, e.labId(), "OVERDUE", e.deviceType(), 1);
    }

    @ApplicationModuleListener
    void on(DoorVisited e) {
        add(e.eventId(), e.date(), e.hour(), e.labId(), "DOOR_VISIT", e.reason(), 1);
    }

    private void add(UUID eventId, LocalDate day, Integer hour, long labId, String kind, String key, int amount) {
        jdbc.sql("""
                insert into impact_equipment_figure (event_id, day, hour, lab_id, kind, key, amount)
                values (:event, :day, :hour, :lab, :kind, :key, :amount) on conflict (event_id) do nothing""")
                .param("event", eventId).param("day", day).param("hour", hour).param("lab", labId).param("kind", kind)
                .param("key", key).param("amount", amount).update();
    }

    /** One line of the dashboard's equipment table: a figure, or null where fewer than 5 cases would show. */
    record Line(String kind, String key, Long amount) {
    }

    /** Totals per kind and key for these labs (by slug) and period; fewer than 5 cases are suppressed. */
    List<Line> totals(List<String> labSlugs, LocalDate from, LocalDate to) {
        if (labSlugs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select f.kind, f.key, sum(f.amount), count(*) from impact_equipment_figure f join lab l on l.id = f.lab_id
                where l.slug in (:labs) and f.day between :from and :to
                group by f.kind, f.key order by f.kind, f.key""")
                .param("labs", labSlugs).param("from", from).param("to", to)
                .query((rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(4) < Suppression.MIN_CASES ? null : rs.getLong(3)))
                .list();
    }
}
