package eu.impactlab.equipment;

import eu.impactlab.labs.DaySchedule;
import eu.impactlab.labs.LabService;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helpers: an open time at a demo lab, a machine of one's own, a pass of one's own. */
final class EquipmentTesting {

    private EquipmentTesting() {
    }

    /** The opening time of the {@code nth} open day after today (1 = the next open day), plus {@code minutes}. */
    static ZonedDateTime openTime(LabService labs, String slug, int nth, int minutes) {
        int found = 0;
        for (DaySchedule day : labs.schedule(slug, LocalDate.now(Reservations.BREMEN).plusDays(1), 25)) {
            if (day.open() && ++found == nth) {
                return day.date().atTime(day.periods().get(0).opens()).atZone(Reservations.BREMEN).plusMinutes(minutes);
            }
        }
        throw new IllegalStateException("no open day");
    }

    static long labId(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from lab where slug = ?").param(slug).query(Long.class).single();
    }

    /** A machine only this test uses, so other tests' reservations never get in its way. */
    static long machine(JdbcClient jdbc, String slug, String name, String induction) {
        return jdbc.sql("""
                insert into machine (lab_id, name, type, induction_type, buffer_minutes, max_minutes, weekly_quota_minutes)
                values (:lab, :name, 'PRINTER_3D', :induction, 15, 240, 480) returning id""")
                .param("lab", labId(jdbc, slug)).param("name", name).param("induction", induction).query(Long.class).single();
    }

    static void retire(JdbcClient jdbc, long machineId) {
        jdbc.sql("update machine set state = 'RETIRED' where id = ?").param(machineId).update();
    }
}
