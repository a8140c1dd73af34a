package eu.impactlab.labs;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * When a lab is open on one date. {@code reason} is set when the day differs from the usual weekly hours
 * (closed, or open at other times).
 */
public record DaySchedule(LocalDate date, List<TimeRange> periods, ClosureReason reason) {

    public boolean open() {
        return !periods.isEmpty();
    }

    public boolean changed() {
        return reason != null;
    }

    public record TimeRange(LocalTime opens, LocalTime closes) {
    }
}
