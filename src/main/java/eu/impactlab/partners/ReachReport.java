package eu.impactlab.partners;

import java.math.BigDecimal;
import java.util.List;

/** The reach of a delivered request: counts only, no names. */
record ReachReport(int participants, int under12, int age12to17, int age18to26, int age27to64, int age65plus,
        int firstTime, List<String> languages, int durationMinutes, BigDecimal staffHours, BigDecimal volunteerHours,
        int devicesLent) {

    boolean bandsAddUp() {
        return under12 + age12to17 + age18to26 + age27to64 + age65plus == participants;
    }
}
