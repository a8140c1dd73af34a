package eu.impactlab.labs;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/** Public holidays in the state of Bremen, when the labs are closed unless a coordinator says otherwise. */
final class BremenHolidays {

    private static final Set<MonthDay> FIXED = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3), MonthDay.of(10, 31),
            MonthDay.of(12, 25), MonthDay.of(12, 26));

    private BremenHolidays() {
    }

    static boolean isHoliday(LocalDate date) {
        if (FIXED.contains(MonthDay.from(date))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        long offset = java.time.temporal.ChronoUnit.DAYS.between(easter, date);
        // Good Friday, Easter Monday, Ascension Day, Whit Monday
        return offset == -2 || offset == 1 || offset == 39 || offset == 50;
    }

    /** The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
