package eu.impactlab.labs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Everything a coordinator's edit pages show of one lab. */
record LabForEdit(
        LabView lab,
        Map<String, Texts> texts,
        Map<DayOfWeek, List<DaySchedule.TimeRange>> weekly,
        List<DayChange> upcomingExceptions) {

    record Texts(String description, String directions) {
    }

    record DayChange(LocalDate day, boolean closed, LocalTime opens, LocalTime closes, ClosureReason reason) {
    }
}
