package eu.impactlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BremenHolidaysTest {

    @Test
    void knowsEasterAndTheHolidaysThatDependOnIt() {
        assertThat(BremenHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(BremenHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 4, 3))).as("Good Friday").isTrue();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 4, 6))).as("Easter Monday").isTrue();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 5, 14))).as("Ascension Day").isTrue();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 5, 25))).as("Whit Monday").isTrue();
    }

    @Test
    void knowsTheFixedHolidaysOfBremenIncludingReformationDay() {
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 10, 31))).isTrue();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 10, 3))).isTrue();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 11, 26))).isFalse();
        assertThat(BremenHolidays.isHoliday(LocalDate.of(2026, 6, 4))).as("Corpus Christi is no holiday in Bremen").isFalse();
    }
}
