package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The clock of the lab's promises skips weekends, holidays, closures and the days the lab waits for the partner. */
class WorkingDaysTest {

    // Easter 2027: Good Friday 26 March, Easter Monday 29 March (closed days as the lab's schedule gives them).
    static final Set<LocalDate> EASTER = Set.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29));
    static final LocalDate THURSDAY = LocalDate.of(2027, 3, 25);

    @Test
    void twoWorkingDaysAfterTheThursdayBeforeEasterEndOnWednesday() {
        WorkingDays days = new WorkingDays(EASTER::contains);
        assertThat(days.due(THURSDAY, 2, List.of())).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(days.due(LocalDate.of(2027, 3, 22), 2, List.of())).as("an ordinary week").isEqualTo(LocalDate.of(2027, 3, 24));
    }

    @Test
    void aClosureOfTheLabDoesNotCount() {
        Set<LocalDate> closed = Set.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 30));
        assertThat(new WorkingDays(closed::contains).due(THURSDAY, 2, List.of())).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void theClockPausesWhileTheLabWaitsForThePartner() {
        WorkingDays days = new WorkingDays(EASTER::contains);
        var waited = new WorkingDays.Pause(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 1));
        assertThat(days.due(THURSDAY, 2, List.of(waited))).as("Tuesday and Wednesday were paused").isEqualTo(LocalDate.of(2027, 4, 2));
        var stillWaiting = new WorkingDays.Pause(LocalDate.of(2027, 3, 30), null);
        assertThat(days.due(THURSDAY, 2, List.of(stillWaiting))).as("no due date while the lab still waits").isNull();
        var sameDay = new WorkingDays.Pause(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 3, 30));
        assertThat(days.due(THURSDAY, 2, List.of(sameDay))).as("an answer on the same day costs nothing")
                .isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void workingDaysBetweenTwoDaysSkipWeekendsAndClosedDays() {
        WorkingDays days = new WorkingDays(EASTER::contains);
        assertThat(days.between(LocalDate.of(2027, 3, 22), LocalDate.of(2027, 4, 2))).isEqualTo(7);
    }
}
