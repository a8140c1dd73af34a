package eu.impactlab.impact;

import java.time.LocalDate;
import java.util.List;

/** Everything one dashboard, export or report shows, already suppressed. */
record Report(LocalDate from, LocalDate to, List<Choice> labs, Dimension by, Table breakdown, Dimension period,
        Table trend, Table districts, Table.Row total, List<String> filters) {

    /** A value for a select field, and what a label shows for it. */
    record Choice(String value, String label) {
    }

    public String labNames() {
        return String.join(", ", labs.stream().map(Choice::label).toList());
    }
}
