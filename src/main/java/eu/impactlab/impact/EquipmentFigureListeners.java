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
        java.util.Map<String, Long> door = door(labSlugs, from, to).reasons();
        return jdbc.sql("""
                select f.kind, f.key, sum(f.amount), count(*) from impact_equipment_figure f join lab l on l.id = f.lab_id
                where l.slug in (:labs) and f.day between :from and :to
                group by f.kind, f.key order by f.kind, f.key""")
                .param("labs", labSlugs).param("from", from).param("to", to)
                .query((rs, i) -> new Line(rs.getString(1), rs.getString(2), "DOOR_VISIT".equals(rs.getString(1))
                        ? door.get(rs.getString(2))
                        : rs.getLong(4) < Suppression.MIN_CASES ? null : rs.getLong(3)))
                .list();
    }

    /** Door visits per hour of day (Bremen time) for these labs and period; the hours from the first to the last visit. */
    long[] doorByHour(List<String> labSlugs, LocalDate from, LocalDate to) {
        long[] hours = new long[24];
        if (labSlugs.isEmpty()) {
            return hours;
        }
        jdbc.sql("""
                select f.hour, sum(f.amount) from impact_equipment_figure f join lab l on l.id = f.lab_id
                where l.slug in (:labs) and f.day between :from and :to and f.kind = 'DOOR_VISIT' and f.hour is not null
                group by f.hour""")
                .param("labs", labSlugs).param("from", from).param("to", to)
                .query((rs, i) -> hours[rs.getInt(1)] = rs.getLong(2)).list();
        return hours;
    }

    /**
     * The equipment figures and the door visits by hour as grids, so the CSV, XLSX and PDF exports print them like every
     * other table. The hours and their total are one additive relation for the suppression rule: no hidden hour can be
     * worked out from the total.
     */
    List<Presentation.Grid> grids(List<String> labSlugs, LocalDate from, LocalDate to, Presentation text) {
        List<Presentation.Grid> grids = new java.util.ArrayList<>();
        List<Line> lines = totals(labSlugs, from, to);
        if (!lines.isEmpty()) {
            List<Presentation.GridRow> rows = lines.stream().map(l -> new Presentation.GridRow(
                    text.message("equipment.impact.kind." + l.kind()) + ": " + text.message("equipment.impact.key." + l.key()), false,
                    List.of(l.amount() == null ? Presentation.HIDDEN : Long.toString(l.amount())))).toList();
            grids.add(new Presentation.Grid("equipment", text.message("equipment.impact.heading"), text.message("equipment.impact.kind"),
                    List.of(), List.of(text.message("equipment.impact.amount")), rows, null, List.of(text.message("equipment.impact.hint"))));
        }
        List<Hour> hours = hours(labSlugs, from, to);
        if (!hours.isEmpty()) {
            Hour total = hours.get(hours.size() - 1);
            List<Presentation.GridRow> rows = hours.subList(0, hours.size() - 1).stream()
                    .map(h -> new Presentation.GridRow(h.label(), false, List.of(h.text()))).toList();
            grids.add(new Presentation.Grid("door-hours", text.message("equipment.impact.doorHours"), text.message("equipment.impact.hour"),
                    List.of(), List.of(text.message("equipment.impact.kind.DOOR_VISIT")), rows,
                    new Presentation.GridRow(text.message("equipment.impact.total"), false, List.of(total.text())),
                    List.of(text.message("equipment.impact.doorHours.hint"))));
        }
        return grids;
    }

    /** The door visits by hour as columns over the day, hidden hours without a bar. */
    List<Presentation.Chart> charts(List<String> labSlugs, LocalDate from, LocalDate to, Presentation text) {
        List<Hour> hours = hours(labSlugs, from, to);
        if (hours.isEmpty()) {
            return List.of();
        }
        return List.of(new Presentation.Chart("door-hours", text.message("equipment.impact.doorHours"), true,
                hours.subList(0, hours.size() - 1).stream().map(h -> new Presentation.Bar(h.label(), h.visible(), h.text())).toList()));
    }

    /** One hour of the day (or, last, the total) with its visits and whether they must be hidden. */
    record Hour(String label, long visits, boolean hidden) {
        Long visible() {
            return hidden ? null : visits;
        }

        String text() {
            return hidden ? Presentation.HIDDEN : Long.toString(visits);
        }
    }

    /**
     * The hours from the first to the last with a visit, then the total; empty when nobody came. The hours and the door
     * reasons of the figures table are two splits of the same total, so both are one suppression problem: no hidden hour
     * or reason can be worked out from the other table.
     */
    private List<Hour> hours(List<String> labSlugs, LocalDate from, LocalDate to) {
        return door(labSlugs, from, to).hours();
    }

    private record Door(List<Hour> hours, java.util.Map<String, Long> reasons) {
    }

    private Door door(List<String> labSlugs, LocalDate from, LocalDate to) {
        long[] byHour = doorByHour(labSlugs, from, to);
        int first = 0;
        while (first < 24 && byHour[first] == 0) {
            first++;
        }
        if (first == 24) {
            return new Door(List.of(), java.util.Map.of());
        }
        int last = 23;
        while (byHour[last] == 0) {
            last--;
        }
        List<String[]> reasonRows = jdbc.sql("""
                select f.key, sum(f.amount) from impact_equipment_figure f join lab l on l.id = f.lab_id
                where l.slug in (:labs) and f.day between :from and :to and f.kind = 'DOOR_VISIT' group by f.key order by f.key""")
                .param("labs", labSlugs).param("from", from).param("to", to)
                .query((rs, i) -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))}).list();
        int n = last - first + 1;
        int total = n;
        long[] values = new long[n + 1 + reasonRows.size()];
        int[] hourParts = new int[n];
        int[] reasonParts = new int[reasonRows.size()];
        for (int i = 0; i < n; i++) {
            values[i] = byHour[first + i];
            values[total] += values[i];
            hourParts[i] = i;
        }
        for (int i = 0; i < reasonRows.size(); i++) {
            values[total + 1 + i] = Long.parseLong(reasonRows.get(i)[1]);
            reasonParts[i] = total + 1 + i;
        }
        boolean[] hidden = Suppression.apply(values, List.of(new Suppression.Relation(total, hourParts),
                new Suppression.Relation(total, reasonParts)));
        List<Hour> hours = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            hours.add(new Hour(String.format("%02d:00", first + i), values[i], hidden[i]));
        }
        hours.add(new Hour("", values[total], hidden[total]));
        java.util.Map<String, Long> reasons = new java.util.HashMap<>();
        for (int i = 0; i < reasonRows.size(); i++) {
            reasons.put(reasonRows.get(i)[0], hidden[total + 1 + i] ? null : values[total + 1 + i]);
        }
        return new Door(hours, reasons);
    }

    /** One line of the open data: a month, a lab, a figure's kind and key, and its count (null below 5 cases). */
    record OpenLine(String month, String lab, String kind, String key, Long count) {
    }

    List<OpenLine> openData(java.time.YearMonth month) {
        return jdbc.sql("""
                select l.slug, f.kind, f.key, sum(f.amount), count(*) from impact_equipment_figure f join lab l on l.id = f.lab_id
                where f.day between :from and :to group by l.slug, f.kind, f.key order by l.slug, f.kind, f.key""")
                .param("from", month.atDay(1)).param("to", month.atEndOfMonth())
                .query((rs, i) -> new OpenLine(month.toString(), rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(5) < Suppression.MIN_CASES ? null : rs.getLong(4)))
                .list();
    }
}
