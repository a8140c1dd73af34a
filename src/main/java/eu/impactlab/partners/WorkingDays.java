package eu.impactlab.partners;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The clock of the lab's promises: Monday to Friday, without the lab's closed days (Bremen's public holidays and the
 * lab's closures) and without the days on which the lab was waiting for the partner.
 */
final class WorkingDays {

    /** A wait for the partner from one day (counted as paused) until another (counted again); null while it lasts. */
    record Pause(LocalDate from, LocalDate until) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    private final Predicate<LocalDate> closed;

    /** @param closed whether the lab is closed on a weekday (holiday or closure) */
    WorkingDays(Predicate<LocalDate> closed) {
        this.closed = closed;
    }

    boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !closed.test(day);
    }

    /**
     * The day by which a promise of {@code days} working days made on {@code start} is due: the start day itself does
     * not count, paused days do not count.
     */
    LocalDate due(LocalDate start, int days, List<Pause> pauses) {
        LocalDate day = start;
        int counted = 0;
        // A promise cannot be paused for ever: an open pause means the due date lies beyond any horizon we show.
        for (int guard = 0; counted < days && guard < 3660; guard++) {
            day = day.plusDays(1);
            LocalDate candidate = day;
            if (working(candidate) && pauses.stream().noneMatch(p -> p.covers(candidate))) {
                counted++;
            }
        }
        return counted < days ? null : day;
    }

    /** Working days after {@code from} up to and including {@code to}. */
    int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (working(day)) {
                count++;
            }
        }
        return count;
    }
}
