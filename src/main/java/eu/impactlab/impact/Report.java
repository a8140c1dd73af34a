package eu.impactlab.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything one dashboard, export or report shows, already suppressed; {@code language} is the language filter's
 * value (or null), {@code filtered} are the attributes the filters
 * narrow by, {@code withoutLanguage} the people helped without a recorded language that a language filter leaves out
 * (null without a language filter).
 */
record Report(LocalDate from, LocalDate to, List<Choice> labs, Dimension by, Table breakdown, Dimension period,
        Table trend, Table districts, Table.Row total, List<String> filters, String language,
        Set<Coverage.Attribute> filtered, Table.Cell withoutLanguage) {

    /** A value for a select field, and what a label shows for it. */
    record Choice(String value, String label) {
    }

    public String labNames() {
        return String.join(", ", labs.stream().map(Choice::label).toList());
    }
}
