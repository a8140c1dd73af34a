package eu.impactlab.impact;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated question: the period, the labs the person may see and asked for, and optional filters. Values are
 * checked against fixed lists before they get here.
 */
record Filter(LocalDate from, LocalDate to, List<Long> labs, String activity, String topic, String targetGroup,
        String language, String ageBand, String gender) {

    /** The language filter's value for "help in any recorded language other than German". */
    static final String NOT_GERMAN = "not-de";
    /** The language filter's value for "no language recorded" (short help records none). */
    static final String NO_LANGUAGE = "none";

    Filter {
        labs = List.copyOf(labs);
    }

    Filter withLanguage(String value) {
        return new Filter(from, to, labs, activity, topic, targetGroup, value, ageBand, gender);
    }

    /** The same question for another period (a part of this one). */
    Filter during(LocalDate first, LocalDate last) {
        return new Filter(first, last, labs, activity, topic, targetGroup, language, ageBand, gender);
    }

    /** Whether a filter on a fact attribute is set (the rollup holds no combinations of attributes). */
    boolean narrowed() {
        return activity != null || topic != null || targetGroup != null || language != null || ageBand != null
                || gender != null;
    }
}
