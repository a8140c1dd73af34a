package eu.impactlab.impact;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated question: the period, the labs the person may see and asked for, and optional filters. Values are
 * checked against fixed lists before they get here.
 */
record Filter(LocalDate from, LocalDate to, List<Long> labs, String activity, String topic, String targetGroup,
        String language, String ageBand, String gender) {

    Filter {
        labs = List.copyOf(labs);
    }

    /** Whether a filter on a fact attribute is set (the rollup holds no combinations of attributes). */
    boolean narrowed() {
        return activity != null || topic != null || targetGroup != null || language != null || ageBand != null
                || gender != null;
    }
}
