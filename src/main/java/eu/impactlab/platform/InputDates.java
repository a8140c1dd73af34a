package eu.impactlab.platform;

import java.time.LocalDate;

/**
 * The days a public query may ask about: years 2000 to 2199. Outside them a date is a typo or a probe, and date
 * arithmetic or PostgreSQL's timestamps would fail on it (+999999999-12-31).
 */
public final class InputDates {

    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2199, 12, 31);

    private InputDates() {
    }

    /** True for null (not given) and for days from {@link #FIRST} to {@link #LAST}. */
    public static boolean plausible(LocalDate day) {
        return day == null || !day.isBefore(FIRST) && !day.isAfter(LAST);
    }
}
